import { readFileSync } from 'node:fs';
import { loadSqlJs } from './src/node/node-sqljs';
import { createEngine } from './src/engine/engine';
const engine = createEngine(await loadSqlJs());
await engine.workspace.create('Grocer');
for (const f of ['instacart-orders.csv', 'instacart-order-products.csv']) {
  const o = await engine.imports.run(new Uint8Array(readFileSync('test/fixtures/import/' + f)), f, {});
  console.log(f, o.ok ? o.report.written : o.failure);
}
console.log((await engine.workspace.summary()).counts);
for (const [name, params] of [['combinations', { level: 'product', basket: { kind: 'order' }, minSupport: 0.1, minConfidence: 0.2, maxLength: 2, consequents: 'one' }], ['combinations', { level: 'product', basket: { kind: 'days', days: 7 }, minSupport: 0.1, minConfidence: 0.2, maxLength: 2, consequents: 'one' }], ['sequences', { minCustomers: 2 }], ['secondPurchase', {}], ['families', {}], ['ladders', {}], ['segments', {}], ['moments', {}], ['baselines', { minCustomers: 2 }]] as const) {
  const r = await engine.analyses.run(name as any, params as any);
  console.log('==', name, JSON.stringify(r.ok ? r.value?.result ?? r : r.failure).slice(0, 600));
}
