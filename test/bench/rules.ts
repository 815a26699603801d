import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Association rules (pairs and triples) through the CLI, against the sqlite3 shell counting
 * product pairs per order with a self-join on the same workspace file, and how the time grows
 * with the number of order lines (100k, 1M, and 5M when BENCH_RULES_5M=1: generating and
 * importing 5M lines takes several minutes).
 */

export interface RulesBenchTarget {
  label: string;
  workspace: string;
  minSupport: number;
}

interface Measured {
  code: number;
  seconds: number;
  peakMemoryMb: number;
  output: string;
}

interface RulesJson {
  baskets: number;
  itemsetsBySize: number[];
  rulesFound: number;
  timing: { openSeconds: number; basketsSeconds: number; miningSeconds: number };
}

const MIN_CONFIDENCE = 0.1;
const MAX_LENGTH = 3;
/** Order lines are rare pairs in the generated shop (1.4 lines an order): a lower support than Online Retail's. */
const GENERATED_SUPPORT = 0.001;
const ONLINE_RETAIL_SUPPORT = 0.01;

const PAIR_COUNT = `SELECT count(*) FROM (
  SELECT a.product_id, b.product_id, count(*) FROM order_lines a JOIN order_lines b
  ON a.order_id = b.order_id AND a.product_id < b.product_id GROUP BY 1, 2)`;

function cli(args: string[]): Measured {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/measure-cli.ts', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0) throw new Error(`cli ${args.join(' ')} failed:\n${run.stderr}\n${last}`);
  return JSON.parse(last) as Measured;
}

function sqlitePairCount(workspace: string): number {
  const started = performance.now();
  execFileSync('sqlite3', [workspace, PAIR_COUNT]);
  return (performance.now() - started) / 1000;
}

function mine(target: RulesBenchTarget) {
  // The command keeps its result in the workspace, as the app does: it mines a copy, so every run
  // (and the app's run below) mines afresh rather than reading that result back.
  const copy = `${target.workspace}.mined.xsell`;
  copyFileSync(target.workspace, copy);
  // Only the strongest rules are printed: the counts and timings are what the benchmark reads.
  const args = ['analyze', '--workspace', copy, '--rules', '--json', '--top', '20'];
  const measured = cli([
    ...args,
    '--min-support',
    String(target.minSupport),
    '--min-confidence',
    String(MIN_CONFIDENCE),
    '--max-len',
    String(MAX_LENGTH),
  ]);
  rmSync(copy);
  rmSync(`${copy}.bak`, { force: true });
  return { measured, json: JSON.parse(measured.output) as RulesJson };
}

function benchOne(target: RulesBenchTarget): number {
  const { measured, json } = mine(target);
  const baseline = sqlitePairCount(target.workspace);
  const { openSeconds, basketsSeconds, miningSeconds } = json.timing;
  const [, pairs = 0, triples = 0] = json.itemsetsBySize;
  console.log(
    `\n${target.label}: ${json.baskets.toLocaleString('en')} baskets (orders), min support ${target.minSupport}, min confidence ${MIN_CONFIDENCE}, up to ${MAX_LENGTH} items`,
  );
  console.log(
    `  found ${pairs.toLocaleString('en')} frequent pairs, ${triples.toLocaleString('en')} triples, ${json.rulesFound.toLocaleString('en')} rules`,
  );
  console.log(
    `  CLI analyze --rules  ${measured.seconds.toFixed(2)} s, peak memory ${measured.peakMemoryMb.toFixed(0)} MB ` +
      `(open with checks ${openSeconds.toFixed(2)} s, read baskets ${basketsSeconds.toFixed(2)} s, mine ${miningSeconds.toFixed(3)} s)`,
  );
  console.log(`  sqlite3 shell self-join counting every product pair per order  ${baseline.toFixed(2)} s`);
  console.log(
    `  ratio to sqlite3: mining ${(miningSeconds / baseline).toFixed(3)}x, baskets + mining ${((basketsSeconds + miningSeconds) / baseline).toFixed(2)}x, ` +
      `whole CLI run ${(measured.seconds / baseline).toFixed(2)}x (target for the analysis: at most 0.25x)`,
  );
  const inApp = inTheApp(target);
  console.log(
    `  in the app (the engine keeps the baskets while the data is unchanged): first run ${inApp.first.toFixed(2)} s, ` +
      `then with the minimum support doubled ${inApp.changed.toFixed(3)} s, ratio to sqlite3 ${(inApp.changed / baseline).toFixed(3)}x`,
  );
  return basketsSeconds + miningSeconds;
}

function inTheApp(target: RulesBenchTarget): { first: number; changed: number } {
  const args = [target.workspace, String(target.minSupport), String(MIN_CONFIDENCE), String(MAX_LENGTH)];
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/rules-in-app.ts', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`rules in the app failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { first: number; changed: number };
}

/** A generated shop of `lines` order lines, imported into its own workspace once and kept. */
function generatedWorkspace(work: string, lines: number): string {
  const workspace = join(work, `rules-${lines}.xsell`);
  if (existsSync(workspace)) return workspace;
  const csv = join(work, `orders-${lines}.csv`);
  if (!existsSync(csv)) cli(['demo-csv', '--industry', 'running', '--lines', String(lines), '--out', csv]);
  cli(['import', csv, '--workspace', workspace, '--json']);
  rmSync(`${workspace}.bak`, { force: true });
  return workspace;
}

export function benchRules(
  work: string,
  generated: { workspace: string; lines: number },
  onlineRetail: string | null,
): void {
  console.log('\nAssociation rules (products bought together)');
  const growth: [number, number][] = [];
  for (const lines of [100_000, 1_000_000, 5_000_000]) {
    if (lines === 5_000_000 && process.env.BENCH_RULES_5M !== '1') {
      console.log(
        '\n5,000,000 lines: skipped (set BENCH_RULES_5M=1; generating and importing them takes several minutes)',
      );
      continue;
    }
    const workspace = lines === generated.lines ? generated.workspace : generatedWorkspace(work, lines);
    growth.push([
      lines,
      benchOne({ label: `Generated, ${lines.toLocaleString('en')} lines`, workspace, minSupport: GENERATED_SUPPORT }),
    ]);
  }
  if (onlineRetail) benchOne({ label: 'Online Retail', workspace: onlineRetail, minSupport: ONLINE_RETAIL_SUPPORT });
  console.log('\n  growth (baskets + mining):');
  for (const [lines, seconds] of growth)
    console.log(
      `    ${lines.toLocaleString('en').padStart(9)} lines  ${seconds.toFixed(2)} s  (${((seconds / lines) * 1e6).toFixed(2)} s per million)`,
    );
}
