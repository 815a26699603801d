import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { nativeSameWorkSeconds, type FlatFileColumns } from './native-same-work';

/**
 * `npm run bench`: fixed data, each timing next to a baseline measured in the same run on the same
 * file. Not a test: it prints numbers and fails only when a step itself fails.
 */

const WORK = resolve('.bench');
const ONLINE_RETAIL = resolve('../shared/datasets/online-retail/online_retail.csv');
const GENERATED_LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
/** Imports are timed this many times, each next to the sqlite3 baseline, and the best of each kept: on a busy machine one run says little. */
const IMPORT_ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);

interface Measured {
  code: number;
  seconds: number;
  peakMemoryMb: number;
  output: string;
}

function cli(args: string[]): Measured {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/measure-cli.ts', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0) throw new Error(`cli ${args.join(' ')} failed:\n${run.stderr}\n${last}`);
  return JSON.parse(last) as Measured;
}

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}

function sqliteShellImport(csv: string): number {
  const db = join(WORK, 'sqlite3-baseline.db');
  rmSync(db, { force: true });
  const seconds = timed(() => execFileSync('sqlite3', [db, '.mode csv', `.import ${csv} lines`]));
  rmSync(db, { force: true });
  return seconds;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const rate = (rows: number, seconds: number) => `${Math.round(rows / seconds).toLocaleString('en')} rows/s`;

const GENERATED_COLUMNS: FlatFileColumns = {
  orderId: 'order_id',
  customerId: 'customer_id',
  orderedAt: 'ordered_at',
  productId: 'product_id',
  productName: null,
  quantity: 'quantity',
  unitPrice: 'unit_price',
  country: null,
};
const ONLINE_RETAIL_COLUMNS: FlatFileColumns = {
  orderId: 'InvoiceNo',
  customerId: 'CustomerID',
  orderedAt: 'InvoiceDate',
  productId: 'StockCode',
  productName: 'Description',
  quantity: 'Quantity',
  unitPrice: 'UnitPrice',
  country: 'Country',
};

async function benchImport(label: string, csv: string, rows: number, columns: FlatFileColumns) {
  const workspace = join(WORK, `${label}.xsell`);
  const measure = () => {
    rmSync(workspace, { force: true });
    rmSync(`${workspace}.bak`, { force: true });
    return { baseline: sqliteShellImport(csv), ours: cli(['import', csv, '--workspace', workspace, '--json']) };
  };
  let { baseline, ours } = measure();
  for (let round = 1; round < IMPORT_ROUNDS; round++) {
    const next = measure();
    baseline = Math.min(baseline, next.baseline);
    if (next.ours.seconds < ours.seconds) ours = next.ours;
  }
  const best = IMPORT_ROUNDS > 1 ? ` (best of ${IMPORT_ROUNDS})` : '';
  console.log(`\n${label}: ${rows.toLocaleString('en')} lines, ${mb(statSync(csv).size)}${best}`);
  console.log(`  sqlite3 shell .import into a plain table  ${baseline.toFixed(2)} s  (${rate(rows, baseline)})`);
  console.log(
    `  Cross-Sell Planner import (validated, derived orders/customers/products, saved)  ${ours.seconds.toFixed(2)} s  (${rate(rows, ours.seconds)}), peak memory ${ours.peakMemoryMb.toFixed(0)} MB`,
  );
  console.log(`  ratio to sqlite3: ${(ours.seconds / baseline).toFixed(2)}x`);
  const sameWork = await nativeSameWorkSeconds(csv, columns, WORK);
  console.log(
    `  sqlite3 shell doing the same storage work (our schema, derived orders/customers/products, every index, returns linked; no validation)  ${sameWork.toFixed(2)} s`,
  );
  console.log(`  ratio to sqlite3 doing the same storage work: ${(ours.seconds / sameWork).toFixed(2)}x`);
}

function benchWorkspaceRoundTrip() {
  const workspace = join(WORK, 'demo-beauty.xsell');
  rmSync(workspace, { force: true });
  const demo = cli(['demo', '--industry', 'beauty', '--out', workspace]);
  const info = cli(['info', workspace, '--json']);
  const copy = join(WORK, 'sqlite3-copy.db');
  rmSync(copy, { force: true });
  const baseline = timed(() => execFileSync('sqlite3', [workspace, `.backup ${copy}`]));
  console.log(`\nDemo workspace (beauty, default size): ${mb(statSync(workspace).size)}`);
  console.log(
    `  generate + save atomically  ${demo.seconds.toFixed(2)} s, peak memory ${demo.peakMemoryMb.toFixed(0)} MB`,
  );
  console.log(`  open with all checks (quick_check, migrate) + summary  ${info.seconds.toFixed(2)} s`);
  console.log(`  sqlite3 shell .backup of the same file  ${baseline.toFixed(2)} s`);
}

mkdirSync(WORK, { recursive: true });
console.log(`Cross-Sell Planner benchmarks — Node ${process.version}, data in ${WORK}`);

const generatedCsv = join(WORK, `orders-${GENERATED_LINES}.csv`);
if (!existsSync(generatedCsv)) {
  const made = cli(['demo-csv', '--industry', 'running', '--lines', String(GENERATED_LINES), '--out', generatedCsv]);
  console.log(
    `\nGenerated ${GENERATED_LINES.toLocaleString('en')} order lines (${mb(statSync(generatedCsv).size)}) in ${made.seconds.toFixed(2)} s`,
  );
}

benchWorkspaceRoundTrip();
await benchImport('generated', generatedCsv, GENERATED_LINES, GENERATED_COLUMNS);
if (existsSync(ONLINE_RETAIL)) await benchImport('online-retail', ONLINE_RETAIL, 541_909, ONLINE_RETAIL_COLUMNS);
else console.log(`\nOnline Retail not found beside the project (${ONLINE_RETAIL}); skipped.`);

const { benchRules } = await import('./rules');
benchRules(
  WORK,
  { workspace: join(WORK, 'generated.xsell'), lines: GENERATED_LINES },
  existsSync(ONLINE_RETAIL) ? join(WORK, 'online-retail.xsell') : null,
);
