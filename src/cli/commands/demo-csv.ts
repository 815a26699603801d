import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { DEFAULT_SEED, writeOrderLinesCsv, writeShopifyOrdersCsv } from '../../core/demo';
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
  UsageError,
} from '../cli-support';

const WRITERS: Record<string, typeof writeOrderLinesCsv | undefined> = {
  flat: writeOrderLinesCsv,
  shopify: writeShopifyOrdersCsv,
};

export const demoCsvCommand: Command = {
  name: 'demo-csv',
  summary: "Write an order-line CSV from a demo shop's customers (for benchmarks and trying imports)",
  usage: `Usage: npm run cli -- demo-csv --industry beauty|running|lighting --lines N --out FILE.csv [--layout flat|shopify] [--seed N]

Streams an order-line export with the same customers and buying patterns as the demo workspaces.
Any size: a million flat lines is about 53 MB.

  --industry  beauty, running or lighting
  --lines     how many data lines to write, header not counted
  --out       the CSV file to write (replaced if it exists)
  --layout    flat (default: order fields repeated on every line) or shopify (Shopify's orders
              export: one row per line item, the order's details on its first row)
  --seed      a whole number; the same seed always gives the same bytes (default ${DEFAULT_SEED})`,

  async run(args, io) {
    const { values } = parseCommandLine(args, {
      industry: { type: 'string' },
      lines: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      layout: { type: 'string' },
    });
    const chosen = industry(values.industry);
    const lines = wholeNumber(required(values.lines, 'lines'), 'lines', 0, 0, 1_000_000_000);
    const out = required(values.out, 'out');
    const seed = wholeNumber(values.seed, 'seed', DEFAULT_SEED, 0, 2 ** 32 - 1);
    const writeCsv = WRITERS[values.layout ?? 'flat'];
    if (!writeCsv) throw new UsageError('--layout must be flat or shopify.');

    const started = performance.now();
    const file = openSync(out, 'w');
    let bytes = 0;
    try {
      const summary = writeCsv(chosen, { seed, lines }, (chunk) => {
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
