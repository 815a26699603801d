import type { CliOutput } from './cli-support';
import { main } from './dispatch';

/** The command line over core, for agencies' batch work, benchmarks and headless checks. */
const io: CliOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};
main(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
