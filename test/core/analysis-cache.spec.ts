import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { createEngine } from '../../src/engine/engine';
import type { EngineApi } from '../../src/shared/engine-api';
import { ANALYSIS_RESULT_SCHEMAS } from '../../src/core/analysis/result-schemas';
import type { AnalysisName } from '../../src/core/analysis/catalogue';

/** Results kept in the workspace: reused while the data is the same, recomputed exactly when an import changes what they read. */

const csv = (text: string) => new TextEncoder().encode(text);
const EVENTS = csv('customer_id,occurred_at,type\nC1,2026-10-01 10:00,browse_view\nC1,2026-10-02 10:00,browse_view\n');
const LINES = csv(
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n900001,NEW-1,New thing,1,2026-10-30 09:00,5.00,N1,France\n',
);

async function demoEngine(): Promise<EngineApi> {
  const engine = createEngine(await loadSqlJs());
  await engine.workspace.createDemo('running');
  return engine;
}

async function fromCache(engine: EngineApi, name: 'sequences' | 'ladders' | 'segments'): Promise<boolean> {
  const outcome = await engine.analyses.run(name, {});
  expect(outcome.ok).toBe(true);
  return outcome.ok && outcome.fromCache;
}

test('a result is computed once, then answered from the cache, also after the workspace is saved and reopened', async () => {
  const engine = await demoEngine();
  const first = await engine.analyses.run('sequences', { minCustomers: 5 });
  expect(first).toMatchObject({ ok: true, fromCache: false });
  const again = await engine.analyses.run('sequences', { minCustomers: 5 });
  expect(again).toMatchObject({ ok: true, fromCache: true });
  if (!first.ok || !again.ok) return;
  expect(again.result).toEqual(first.result);
  expect(again.summary.revision).toBe(first.summary.revision);

  const reopened = createEngine(await loadSqlJs());
  expect((await reopened.workspace.open(await engine.workspace.toBytes())).ok).toBe(true);
  const afterReopen = await reopened.analyses.run('sequences', { minCustomers: 5 });
  expect(afterReopen).toMatchObject({ ok: true, fromCache: true, computedAt: first.computedAt });

  // Other parameters are another result.
  expect(await fromCache(engine, 'sequences')).toBe(false);
});

test('an import invalidates exactly the results that read what it changed', async () => {
  const engine = await demoEngine();
  for (const name of ['sequences', 'ladders', 'segments'] as const) expect(await fromCache(engine, name)).toBe(false);

  expect((await engine.imports.run(EVENTS, 'events.csv', { kind: 'events' })).ok).toBe(true);
  expect(await fromCache(engine, 'sequences')).toBe(true);
  expect(await fromCache(engine, 'ladders')).toBe(false);
  expect(await fromCache(engine, 'segments')).toBe(false);

  expect((await engine.imports.run(LINES, 'lines.csv', {})).ok).toBe(true);
  expect(await fromCache(engine, 'sequences')).toBe(false);

  const undone = await engine.imports.undoLast();
  expect(undone.ok).toBe(true);
  expect(await fromCache(engine, 'sequences')).toBe(false);
  expect(await fromCache(engine, 'sequences')).toBe(true);
});

test('an analysis the data cannot support fails with words, not an error', async () => {
  const engine = createEngine(await loadSqlJs());
  await engine.workspace.create('Empty');
  const outcome = await engine.analyses.run('combinations', {
    level: 'product',
    basket: { kind: 'order' },
    minSupport: 0.01,
    minConfidence: 0.2,
    maxLength: 2,
    consequents: 'one',
  });
  expect(outcome).toMatchObject({ ok: false });
  if (!outcome.ok) expect(outcome.failure.message).toMatch(/no orders/i);
});

const COMBINATIONS = {
  level: 'product',
  basket: { kind: 'order' },
  minSupport: 0.01,
  minConfidence: 0.2,
  maxLength: 2,
  consequents: 'one',
} as const;
const paramsOf = (name: AnalysisName) => (name === 'combinations' ? COMBINATIONS : {});

test('every analysis reads back from the saved workspace exactly as it was computed, its shape checked', async () => {
  const engine = await demoEngine();
  const names = Object.keys(ANALYSIS_RESULT_SCHEMAS) as AnalysisName[];
  const computed = new Map<AnalysisName, unknown>();
  for (const name of names) {
    const outcome = await engine.analyses.run(name, paramsOf(name));
    if (outcome.ok) computed.set(name, outcome.result);
  }
  expect(computed.size).toBe(8);
  const reopened = createEngine(await loadSqlJs());
  expect((await reopened.workspace.open(await engine.workspace.toBytes())).ok).toBe(true);
  for (const [name, result] of computed) {
    const again = await reopened.analyses.run(name, paramsOf(name));
    expect(again, name).toMatchObject({ ok: true, fromCache: true });
    expect(again.ok && again.warning, name).toBeFalsy();
    expect(again.ok && again.result, name).toEqual(result);
  }
});
