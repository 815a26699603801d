import { main } from '../../src/cli/dispatch';

/**
 * Runs one CLI command in this fresh process and prints how long it took and the process's peak
 * memory as one JSON line, so the benchmark measures each run on its own.
 */
const started = performance.now();
const output: string[] = [];
const code = await main(process.argv.slice(2), {
  out: (text) => output.push(text),
  err: (text) => process.stderr.write(`${text}\n`),
});
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${JSON.stringify({ code, seconds, peakMemoryMb: process.resourceUsage().maxRSS / 1024, output: output.join('\n') })}\n`,
);
process.exit(code);
