import { readFile } from 'node:fs/promises';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { createEngine } from '../../src/engine/engine';

/**
 * Rule mining as the app runs it: the engine opens the workspace, mines once (reading the baskets),
 * then mines again with another minimum support, as a user changing the threshold does. Prints the
 * two timings as one JSON line. Arguments: workspace, min support, min confidence, max length.
 */
const [workspace, minSupport, minConfidence, maxLength] = process.argv.slice(2);
const engine = createEngine(await loadSqlJs());
const opened = await engine.workspace.open(await readFile(workspace));
if (!opened.ok) throw new Error(opened.failure.message);
const params = {
  level: 'product' as const,
  basket: { kind: 'order' as const },
  minConfidence: Number(minConfidence),
  maxLength: Number(maxLength),
  consequents: 'one' as const,
};

async function timed(support: number): Promise<number> {
  const started = performance.now();
  const outcome = await engine.analyses.run('combinations', { ...params, minSupport: support });
  if (!outcome.ok || outcome.fromCache) throw new Error('expected a fresh run');
  return (performance.now() - started) / 1000;
}

const first = await timed(Number(minSupport));
const changed = await timed(Number(minSupport) * 2);
process.stdout.write(`${JSON.stringify({ first, changed })}\n`);
