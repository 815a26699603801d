import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { DEFAULT_SEED, writeOrderLinesCsv } from '../../core/demo';
import {
  count,
  EXIT,
  industry,
  megabytes,
  parseCommandLine,
  required,
  seconds,
  wholeNumber,
  type Command,
} from '../cli-support';

export const demoCsvCommand: Command = {
  name: 'demo-csv',
  summary: "Write a flat order-line CSV from a demo shop's customers (for benchmarks)",
  usage: `Usage: npm run cli -- demo-csv --industry beauty|running|lighting --lines N --out FILE.csv [--seed N]

Streams a shop-style order-line export (order fields repeated on every line) with the same
customers and buying patterns as the demo workspaces. Any size: a million lines is about 53 MB.

  --industry  beauty, running or lighting
  --lines     how many data lines to write, header not counted
  --out       the CSV file to write (replaced if it exists)
  --seed      a whole number; the same seed always gives the same bytes (default ${DEFAULT_SEED})`,

  async run(args, io) {
    const { values } = parseCommandLine(args, {
      industry: { type: 'string' },
      lines: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
    });
    const chosen = industry(values.industry);
    const lines = wholeNumber(required(values.lines, 'lines'), 'lines', 0, 0, 1_000_000_000);
    const out = required(values.out, 'out');
    const seed = wholeNumber(values.seed, 'seed', DEFAULT_SEED, 0, 2 ** 32 - 1);

    const started = performance.now();
    const file = openSync(out, 'w');
    let bytes = 0;
    try {
      const summary = writeOrderLinesCsv(chosen, { seed, lines }, (chunk) => {
        bytes += writeSync(file, chunk);
      });
      closeSync(file);
      io.out(
        `Wrote ${count(summary.lines)} order lines (${count(summary.orders)} orders, ${count(summary.customers)} customers) ` +
          `to ${out}: ${megabytes(bytes)} in ${seconds(performance.now() - started)}.`,
      );
      return EXIT.ok;
    } catch (error) {
      closeSync(file);
      rmSync(out, { force: true });
      throw error;
    }
  },
};
