import { DEFAULT_CUSTOMERS, DEFAULT_SEED, LINES_PER_CUSTOMER } from '../../core/demo';
import { writeFileAtomic } from '../../node/atomic-write';
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
import { newEngine, whileLocked } from '../workspace-file';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Write a demo workspace: an invented shop with 18 months of data',
  usage: `Usage: npm run cli -- demo --industry beauty|running|lighting --out FILE.xsell [--seed N] [--customers N] [--order-lines N]

Writes a demo workspace: an invented shop with customers, 18 months of orders and behaviour,
and the pattern of one cross-sell strategy planted in them.

  --industry     beauty (completion), running (expert-user evolution) or lighting (ecosystem)
  --out          the workspace file to write; a file already there is kept as FILE.xsell.bak
  --seed         a whole number; the same seed always gives the same workspace (default ${DEFAULT_SEED})
  --customers    how many customers (default ${count(DEFAULT_CUSTOMERS)})
  --order-lines  how many order lines to aim for (default ${LINES_PER_CUSTOMER} per customer)`,

  async run(args, io) {
    const { values } = parseCommandLine(args, {
      industry: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      customers: { type: 'string' },
      'order-lines': { type: 'string' },
    });
    const chosen = industry(values.industry);
    const out = required(values.out, 'out');
    const seed = wholeNumber(values.seed, 'seed', DEFAULT_SEED, 0, 2 ** 32 - 1);
    const customers = wholeNumber(values.customers, 'customers', DEFAULT_CUSTOMERS, 1, 1_000_000);
    const orderLines = wholeNumber(values['order-lines'], 'order-lines', customers * LINES_PER_CUSTOMER, 1, 20_000_000);

    return whileLocked(out, 'demo', io, async () => {
      const started = performance.now();
      const engine = await newEngine();
      const { name, counts } = await engine.workspace.createDemo(chosen, undefined, { seed, customers, orderLines });
      const bytes = await engine.workspace.toBytes();
      await engine.workspace.close();
      await writeFileAtomic(out, bytes, { strayTemps: 'all' });
      const rows = `${count(counts.customers)} customers, ${count(counts.orders)} orders, ${count(counts.order_lines)} order lines, ${count(counts.events)} events`;
      io.out(
        `Wrote ${name} to ${out}: ${rows} (${megabytes(bytes.length)}) in ${seconds(performance.now() - started)}.`,
      );
      return EXIT.ok;
    });
  },
};
