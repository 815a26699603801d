import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import type { ImportChoices } from '../../src/core/import/import-file';
import { writeOrderLinesCsv } from '../../src/core/demo/order-lines-csv';
import { queryAll, type Database } from '../../src/core/store/sqlite';
import { createEngine } from '../../src/engine/engine';
import type { EngineApi } from '../../src/shared/engine-api';

const DATA_TABLES = ['customers', 'products', 'orders', 'order_lines', 'events', 'baskets'];

const csv = (...lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);

function demoLines(lines: number, seed: number): Uint8Array {
  const chunks: string[] = [];
  writeOrderLinesCsv('running', { lines, seed }, (chunk) => chunks.push(chunk));
  return new TextEncoder().encode(chunks.join(''));
}

/** The first `count` lines of a CSV (after its header), with every quantity changed. */
function editedHead(file: Uint8Array, count: number): Uint8Array {
  const [header, ...rows] = new TextDecoder().decode(file).split('\n');
  const quantity = header.split(',').indexOf('Quantity');
  const edited = rows.slice(0, count).map((row) => {
    const cells = row.split(',');
    cells[quantity] = String(Number(cells[quantity]) + 1);
    return cells.join(',');
  });
  return csv(header, ...edited);
}

const shopLines = csv(
  'order_id,customer_id,ordered_at,product_id,quantity,unit_price,channel',
  '1001,C1,2024-03-01 10:00:00,P1,2,9.50,web',
  '1001,C1,2024-03-01 10:00:00,P2,1,4.00,web',
  '1002,C2,2024-03-02 11:00:00,P1,1,9.50,shop',
  '1003,C3,2024-03-04 16:30:00,P3,1,3.00,web',
);
const moreShopLines = csv(
  'order_id,customer_id,ordered_at,product_id,quantity,unit_price,channel',
  '1001,C1,2024-03-01 10:00:00,P2,5,4.00,web',
  '1004,C1,2024-04-01 09:00:00,P4,1,12.00,web',
  '1005,C9,2024-04-02 09:00:00,P1,3,9.00,shop',
);
const customers = csv(
  'customer_id,email,first_name,country',
  'C1,ann@example.com,Ann,UK',
  'C2,ben@example.com,Ben,FR',
  'C8,cy@example.com,Cy,DE',
);
const changedCustomers = csv('customer_id,email,first_name', 'C1,ann@work.example.com,Anna', 'C7,dee@example.com,Dee');
const events = csv(
  'customer_id,timestamp,event_type,product_id',
  'C1,2024-03-05 10:00:00,view,P2',
  'C2,2024-03-06 10:00:00,cart_add,P1',
);
const otherEvents = csv('customer_id,timestamp,event_type,product_id', 'C3,2024-05-05 10:00:00,view,P9');

interface Step {
  name: string;
  bytes: Uint8Array;
  choices?: ImportChoices;
}

const CASES: { title: string; a: Step; b: Step }[] = [
  {
    title: 'append of order lines that upserts orders and adds customers and products',
    a: { name: 'shop.csv', bytes: shopLines },
    b: { name: 'more.csv', bytes: moreShopLines, choices: { mode: 'append' } },
  },
  {
    title: 'append of a customer list that fills in customers derived from order lines',
    a: { name: 'shop.csv', bytes: shopLines },
    b: { name: 'customers.csv', bytes: customers, choices: { mode: 'append' } },
  },
  {
    title: 'update of order lines, which deletes the lines of the orders it brings again',
    a: { name: 'lines.csv', bytes: demoLines(3000, 11) },
    b: { name: 'lines-edited.csv', bytes: editedHead(demoLines(3000, 11), 800), choices: { mode: 'update' } },
  },
  {
    title: 'update of customers, which overwrites them',
    a: { name: 'customers.csv', bytes: customers },
    b: { name: 'customers-changed.csv', bytes: changedCustomers, choices: { mode: 'update' } },
  },
  {
    title: 'replace of order lines, which deletes the earlier import',
    a: { name: 'lines.csv', bytes: demoLines(3000, 11) },
    b: { name: 'other-lines.csv', bytes: demoLines(1500, 12), choices: { mode: 'replace' } },
  },
  {
    title: 'replace of events',
    a: { name: 'events.csv', bytes: events },
    b: { name: 'other-events.csv', bytes: otherEvents, choices: { mode: 'replace' } },
  },
];

let SQL: Awaited<ReturnType<typeof loadSqlJs>>;
test.beforeAll(async () => {
  SQL = await loadSqlJs();
});

async function engineWithWorkspace(): Promise<EngineApi> {
  const engine = createEngine(SQL);
  await engine.workspace.create('Shop');
  return engine;
}

async function run(engine: EngineApi, step: Step) {
  const outcome = await engine.imports.run(step.bytes, step.name, step.choices ?? {});
  expect(outcome.ok, outcome.ok ? '' : outcome.failure.message).toBe(true);
  return outcome;
}

/** Every row of every data table, rowids included, as saved in the workspace file. */
async function dump(engine: EngineApi, tables = DATA_TABLES): Promise<Record<string, unknown[][]>> {
  const db: Database = new SQL.Database(await engine.workspace.toBytes());
  try {
    return Object.fromEntries(
      tables.map((table) => [table, db.exec(`SELECT rowid, * FROM ${table} ORDER BY rowid`)[0]?.values ?? []]),
    );
  } finally {
    db.close();
  }
}

const importsOf = async (engine: EngineApi) =>
  (await engine.imports.history()).map(({ fileName, undone, undoable }) => ({ fileName, undone, undoable }));

for (const { title, a, b } of CASES) {
  test(`undo after ${title} gives back the workspace as it was`, async () => {
    const engine = await engineWithWorkspace();
    await run(engine, a);
    const afterA = await dump(engine);
    const historyAfterA = await importsOf(engine);
    await run(engine, b);
    expect(await dump(engine), 'the second import changed something').not.toEqual(afterA);

    const undone = await engine.imports.undoLast();
    expect(undone.ok).toBe(true);
    if (!undone.ok) return;
    expect(undone.undone.fileName).toBe(b.name);
    expect(undone.summary.revision).toBe(3);
    expect(await dump(engine)).toEqual(afterA);
    // The undone import stays listed as undone; the first one is in effect again but keeps no undo.
    expect(await importsOf(engine)).toEqual([
      { fileName: b.name, undone: true, undoable: false },
      ...historyAfterA.map((entry) => ({ ...entry, undoable: false })),
    ]);
  });
}

test('the history lists imports newest first with their counts and mapping, and only the last one can be undone', async () => {
  const engine = await engineWithWorkspace();
  await run(engine, { name: 'customers.csv', bytes: customers });
  await run(engine, { name: 'shop.csv', bytes: shopLines });
  const history = await engine.imports.history();
  expect(history.map((entry) => [entry.fileName, entry.kind, entry.mode, entry.rowsImported, entry.undoable])).toEqual([
    ['shop.csv', 'order_lines_flat', 'append', 4, true],
    ['customers.csv', 'customers', 'append', 3, false],
  ]);
  expect(history[1].mapping).toEqual(
    expect.arrayContaining([
      { column: 'customer_id', field: 'customer_id' },
      { column: 'email', field: 'email' },
    ]),
  );
  expect(Date.parse(history[0].startedAt)).not.toBeNaN();
});

test('a replace-import undone brings back the earlier imports it had set aside', async () => {
  const engine = await engineWithWorkspace();
  await run(engine, { name: 'events.csv', bytes: events });
  await run(engine, { name: 'more-events.csv', bytes: otherEvents });
  await run(engine, { name: 'new-events.csv', bytes: otherEvents, choices: { mode: 'replace' } });
  expect((await engine.workspace.summary()).counts.events).toBe(1);
  expect((await importsOf(engine)).map((entry) => entry.undone)).toEqual([false, true, true]);

  await engine.imports.undoLast();
  expect((await engine.workspace.summary()).counts.events).toBe(3);
  expect((await importsOf(engine)).map((entry) => entry.undone)).toEqual([true, false, false]);
});

test('after a failed or cancelled import, undo takes back the last import that went through', async () => {
  const engine = await engineWithWorkspace();
  await run(engine, { name: 'shop.csv', bytes: shopLines });
  const afterFirst = await dump(engine);
  await run(engine, { name: 'more.csv', bytes: moreShopLines });

  const failed = await engine.imports.run(csv('customer_id,email', ',ann@example.com'), 'no-ids.csv', {
    mode: 'update',
  });
  expect(failed).toMatchObject({ ok: false, failure: { kind: 'nothing_imported' } });
  let cancelled = false;
  const big = await engine.imports.run(demoLines(20_000, 3), 'big.csv', { mode: 'update' }, (p) => {
    if (cancelled || p.done === 0) return;
    cancelled = true;
    setTimeout(() => void engine.imports.cancel(), 0);
  });
  expect(big).toMatchObject({ ok: false, failure: { kind: 'cancelled' } });

  const undone = await engine.imports.undoLast();
  expect(undone).toMatchObject({ ok: true, undone: { fileName: 'more.csv' } });
  expect(await dump(engine)).toEqual(afterFirst);
});

test('with nothing to undo, undo says so and changes nothing', async () => {
  const engine = await engineWithWorkspace();
  expect(await engine.imports.undoLast()).toEqual({
    ok: false,
    failure: { kind: 'undo', message: 'There is no import to undo.' },
  });

  await run(engine, { name: 'shop.csv', bytes: shopLines });
  expect((await engine.imports.undoLast()).ok).toBe(true);
  const afterUndo = await engine.workspace.toBytes();
  expect(await engine.imports.undoLast()).toEqual({
    ok: false,
    failure: { kind: 'undo', message: 'There is no import to undo.' },
  });
  expect(await engine.workspace.toBytes()).toEqual(afterUndo);
  expect((await engine.workspace.summary()).revision).toBe(2);
});

test('the data of a demo workspace is listed, and cannot be undone', async () => {
  const engine = createEngine(SQL);
  await engine.workspace.createDemo('beauty');
  expect(await engine.imports.history()).toEqual([
    expect.objectContaining({ kind: 'demo', mapping: [], undone: false, undoable: false }),
  ]);
  expect(await engine.imports.undoLast()).toEqual({
    ok: false,
    failure: { kind: 'undo', message: 'There is no import to undo.' },
  });
});

test('an import can still be undone after the workspace is saved and opened again', async () => {
  const engine = await engineWithWorkspace();
  await run(engine, { name: 'lines.csv', bytes: demoLines(2000, 5) });
  const afterFirst = await dump(engine);
  await run(engine, { name: 'edited.csv', bytes: editedHead(demoLines(2000, 5), 400), choices: { mode: 'update' } });

  const reopened = createEngine(SQL);
  const opened = await reopened.workspace.open(await engine.workspace.toBytes());
  expect(opened.ok).toBe(true);
  expect((await reopened.imports.history())[0]).toMatchObject({ fileName: 'edited.csv', undoable: true });
  expect((await reopened.imports.undoLast()).ok).toBe(true);
  expect(await dump(reopened)).toEqual(afterFirst);
});

test('the undo records are not part of the data and are never kept for more than the last import', async () => {
  const engine = await engineWithWorkspace();
  await run(engine, { name: 'customers.csv', bytes: customers });
  await run(engine, { name: 'changed.csv', bytes: changedCustomers, choices: { mode: 'update' } });
  await run(engine, { name: 'changed-again.csv', bytes: changedCustomers, choices: { mode: 'update' } });
  const db: Database = new SQL.Database(await engine.workspace.toBytes());
  const kept = queryAll<{ import_id: number }>(db, 'SELECT DISTINCT import_id FROM import_undo');
  const triggers = queryAll(db, "SELECT name FROM sqlite_master WHERE type = 'trigger'");
  db.close();
  expect(kept).toEqual([{ import_id: 3 }]);
  expect(triggers).toEqual([]);
});
