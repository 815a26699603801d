import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { planCodeCase } from '../../src/core/import/code-case';
import { excludeOwned } from '../../src/core/plan/recommendations';
import type { Recommendation } from '../../src/core/plan/plan-document';
import { createEngine } from '../../src/engine/engine';
import { fixture, rows, value } from '../support/import-helpers';

// Product codes written in two letter cases (84997c, 84997C) under one name are one product.

const bytesOf = (name: string) => new Uint8Array(readFileSync(fixture(name)));

test('spellings that share a name merge into the most used one; an earlier import’s spelling is kept', () => {
  const plan = planCodeCase([
    { code: '84997C', names: ['CHILDRENS CUTLERY POLKADOT BLUE'], lines: 339, existing: false },
    { code: '84997c', names: ['childrens cutlery  polkadot blue '], lines: 66, existing: false },
    { code: '90184C', names: ['BLACK DROP EARRINGS'], lines: 9, existing: false },
    { code: '90184c', names: ['BLACK CHUNKY BRACELET'], lines: 1, existing: false },
    { code: '85099f', names: ['JUMBO BAG STRAWBERRY'], lines: 842, existing: false },
    { code: '85099F', names: ['JUMBO BAG STRAWBERRY'], lines: 10, existing: true },
    { code: '84971L', names: [], lines: 1, existing: false },
    { code: '84971l', names: ['LARGE HEART FLOWERS HOOK'], lines: 1, existing: false },
  ]);
  expect([...plan.merged]).toEqual([
    ['84997c', '84997C'],
    ['85099f', '85099F'],
  ]);
  expect(plan.keptApart).toEqual([
    ['90184C', '90184c'],
    ['84971L', '84971l'],
  ]);
});

test('a later file writing a code in another case joins the product already there, and undoing it undoes the merge', async () => {
  const engine = createEngine(await loadSqlJs());
  await engine.workspace.create('Shop');
  const SQL = await loadSqlJs();
  const snapshot = async () => new SQL.Database(await engine.workspace.toBytes());
  try {
    const first = await engine.imports.run(bytesOf('code-case-first.csv'), 'code-case-first.csv', {});
    expect(first).toMatchObject({ ok: true, report: { written: { products: 3, orderLines: 4 } } });

    const later = await engine.imports.run(bytesOf('code-case-later.csv'), 'code-case-later.csv', {});
    expect(later.ok).toBe(true);
    if (!later.ok) return;
    // 84997c and 85099f (its spaces trimmed) join the products of the first file; 22633b is another code.
    expect(later.report.written).toMatchObject({ orderLines: 9, products: 3 });
    expect(later.report.warnings).toMatchObject({ code_case_merged: 4, code_case_other_name: 2 });
    expect(later.report.notes.map((n) => n.message)).toEqual(
      expect.arrayContaining([
        '4 product codes differ from another only in letter case or spaces and share its name: merged into 2 products (84997c → 84997C, 85099f → 85099F). To keep such codes apart, undo this import and import it again with merging turned off.',
        '2 product codes differ from another only in letter case or spaces but not all under the same name, so they are kept as separate products (90184c / 90184C).',
      ]),
    );
    let db = await snapshot();
    expect(rows(db, 'SELECT product_id FROM products ORDER BY product_id')).toEqual(
      ['22633', '22633b', '84997C', '85099F', '90184C', '90184c'].map((product_id) => ({ product_id })),
    );
    expect(value(db, "SELECT count(*) FROM order_lines WHERE product_id = '84997C'")).toBe(5);

    // Customer 12583 bought 84997c in the later file: a suggestion of 84997C is something they own.
    const suggestion = { recommended: { id: '84997C' } } as unknown as Recommendation;
    expect(excludeOwned(db, '12583', [suggestion])).toEqual([]);
    expect(excludeOwned(db, '99999', [suggestion])).toEqual([suggestion]);

    expect(await engine.imports.undoLast()).toMatchObject({ ok: true });
    db = await snapshot();
    expect(rows(db, 'SELECT product_id FROM products ORDER BY product_id')).toEqual(
      ['22633', '84997C', '85099F'].map((product_id) => ({ product_id })),
    );
    expect(value(db, "SELECT count(*) FROM order_lines WHERE product_id = '84997C'")).toBe(2);
  } finally {
    await engine.workspace.close();
  }
});

test('a product list writing a code in another case describes the product already there', async () => {
  const engine = createEngine(await loadSqlJs());
  await engine.workspace.create('Shop');
  try {
    await engine.imports.run(bytesOf('code-case-first.csv'), 'code-case-first.csv', {});
    const list = await engine.imports.run(bytesOf('code-case-products.csv'), 'code-case-products.csv', {});
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    expect(list.report).toMatchObject({ kind: 'products', rowsImported: 3, written: { products: 3 } });
    expect(list.report.notes.map((n) => n.message)).toEqual(
      expect.arrayContaining([
        '2 product codes differ from another only in letter case or spaces and share its name: merged into 1 product (84997c → 84997C). To keep such codes apart, undo this import and import it again with merging turned off.',
        '2 product codes differ from another only in letter case or spaces but not all under the same name, so they are kept as separate products (85099F / 85099f).',
      ]),
    );
    const db = new (await loadSqlJs()).Database(await engine.workspace.toBytes());
    expect(rows(db, 'SELECT product_id, category FROM products ORDER BY product_id')).toEqual([
      { product_id: '22633', category: 'Warmers' },
      { product_id: '84997C', category: 'Kids' },
      { product_id: '85099F', category: null },
      { product_id: '85099f', category: 'Bags' },
    ]);
  } finally {
    await engine.workspace.close();
  }
});
