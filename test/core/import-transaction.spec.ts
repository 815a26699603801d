import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { importFile, type ImportChoices } from '../../src/core/import/import-file';
import type { ImportControl } from '../../src/core/import/load';
import { bytesSource } from '../../src/core/import/source';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import { applyConnectionSettings, type Database } from '../../src/core/store/sqlite';
import { fixture, value } from '../support/import-helpers';
import { sha256 } from '../support/temp-dir';

// One import is one transaction: a cancel or an error half way leaves the workspace byte for byte as it was.

/** A flat order-line export of `orders` orders with three lines each (about 80 bytes a line). */
function orderLinesCsv(orders: number): Uint8Array {
  const lines = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
  for (let o = 0; o < orders; o++) {
    const day = String(1 + (o % 28)).padStart(2, '0');
    for (let l = 0; l < 3; l++) {
      lines.push(
        `${600000 + o},${20000 + ((o * 7 + l) % 500)},ITEM ${(o * 7 + l) % 500},${1 + l},2011-03-${day} 10:${String(l).padStart(2, '0')}:00,${(1.25 * (l + 1)).toFixed(2)},${12000 + (o % 900)}.0,United Kingdom`,
      );
    }
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

async function workspaceWithAnImport(): Promise<Database> {
  const SQL = await loadSqlJs();
  const db = createWorkspaceDb(SQL, 'Shop');
  const first = await importFile(db, bytesSource('order-lines.csv', readFileSync(fixture('order-lines.csv'))));
  expect(first.ok).toBe(true);
  return db;
}

/** The workspace as bytes, with the connection put back as the engine does after an export. */
function snapshot(db: Database): string {
  const digest = sha256(db.export());
  applyConnectionSettings(db);
  return digest;
}

/** The definitions of the workspace's indexes, in name order. */
const indexSql = (db: Database) =>
  value(
    db,
    "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name)",
  );

const bigFile = () => bytesSource('big.csv', orderLinesCsv(10_000));

async function runImport(db: Database, control: ImportControl, choices: ImportChoices = {}) {
  return importFile(db, bigFile(), choices, { chunkBytes: 64 * 1024, ...control });
}

test('cancelling half way leaves the workspace exactly as before', async () => {
  const db = await workspaceWithAnImport();
  const before = snapshot(db);
  const progress: number[] = [];
  let cancel = false;
  const outcome = await runImport(db, {
    onProgress: (done, total) => {
      progress.push(done);
      if (done > total / 2) cancel = true;
    },
    isCancelled: () => cancel,
  });
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.failure).toEqual({ code: 'cancelled', message: 'The import was cancelled. Nothing was changed.' });
  expect(progress.length).toBeGreaterThan(5);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(snapshot(db)).toBe(before);
  expect(value(db, 'SELECT count(*) FROM order_lines')).toBe(4);
  expect(value(db, 'SELECT count(*) FROM imports')).toBe(1);
});

test('an error half way leaves the workspace exactly as before, and the next import works', async () => {
  const db = await workspaceWithAnImport();
  const before = snapshot(db);
  await expect(
    runImport(db, {
      onProgress: (done, total) => {
        if (done > total / 2) throw new Error('the disk went away');
      },
    }),
  ).rejects.toThrow('the disk went away');
  expect(snapshot(db)).toBe(before);

  const outcome = await runImport(db, {});
  expect(outcome.ok && outcome.report.rowsImported).toBe(30_000);
  expect(value(db, 'PRAGMA foreign_keys')).toBe(1);
});

test('a cancel into an empty workspace, whose indexes the import builds at the end, leaves it exactly as before', async () => {
  const SQL = await loadSqlJs();
  const db = createWorkspaceDb(SQL, 'Shop');
  const before = snapshot(db);
  const indexes = indexSql(db);
  let chunks = 0;
  const outcome = await runImport(db, { onProgress: () => void chunks++, isCancelled: () => chunks >= 3 });
  expect(outcome.ok).toBe(false);
  expect(snapshot(db)).toBe(before);

  const imported = await runImport(db, {});
  expect(imported.ok).toBe(true);
  expect(indexSql(db)).toBe(indexes);
});

test('a cancel in replace mode brings back what the replace had removed', async () => {
  const db = await workspaceWithAnImport();
  await runImport(db, {});
  const before = snapshot(db);
  let chunks = 0;
  const outcome = await runImport(
    db,
    { onProgress: () => void chunks++, isCancelled: () => chunks >= 3 },
    { mode: 'replace' },
  );
  expect(outcome.ok).toBe(false);
  expect(snapshot(db)).toBe(before);
  expect(value(db, 'SELECT count(*) FROM order_lines')).toBe(30_004);
});

test('an async driver that yields between chunks sees a cancel sent while it waited', async () => {
  const db = await workspaceWithAnImport();
  const before = snapshot(db);
  let cancelled = false;
  let chunks = 0;
  const outcome = await runImport(db, {
    // Like a message from the UI reaching the worker while the import yields.
    onProgress: () => {
      if (chunks++ === 0) setTimeout(() => (cancelled = true));
    },
    yieldToEventLoop: () => new Promise((resolve) => setTimeout(resolve)),
    isCancelled: () => cancelled,
  });
  expect(outcome.ok).toBe(false);
  expect(chunks).toBe(1);
  expect(snapshot(db)).toBe(before);
});

test('progress is reported in bytes, up to the size of the file', async () => {
  const db = await workspaceWithAnImport();
  const seen: [number, number][] = [];
  const outcome = await runImport(db, { onProgress: (done, total) => seen.push([done, total]) });
  expect(outcome.ok).toBe(true);
  const size = bigFile().size;
  expect(seen.at(-1)).toEqual([size, size]);
  expect(seen.every(([, total]) => total === size)).toBe(true);
});
