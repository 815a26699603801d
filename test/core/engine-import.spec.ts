import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { writeOrderLinesCsv } from '../../src/core/demo/order-lines-csv';
import { createEngine } from '../../src/engine/engine';
import type { Progress } from '../../src/core/util/progress';
import { fixture } from '../support/import-helpers';
import { sha256 } from '../support/temp-dir';

const orderLines = () => new Uint8Array(readFileSync(fixture('order-lines.csv')));

function demoLines(lines: number): Blob {
  const chunks: string[] = [];
  writeOrderLinesCsv('running', { lines }, (chunk) => chunks.push(chunk));
  return new Blob(chunks);
}

async function engineWithWorkspace() {
  const engine = createEngine(await loadSqlJs());
  await engine.workspace.create('Shop');
  return engine;
}

test('the preview tells the kind, layout and mapping, and writes nothing', async () => {
  const engine = await engineWithWorkspace();
  const before = sha256(await engine.workspace.toBytes());
  const preview = await engine.imports.preview(orderLines(), 'order-lines.csv');
  expect(preview.ok).toBe(true);
  if (!preview.ok) return;
  expect(preview.value.detectedKind).toBe('order_lines_flat');
  expect(preview.value.format).toEqual({ encoding: 'utf-8', delimiter: ',', hasHeader: true });
  expect(preview.value.mapping?.columns.order_id).toBe('InvoiceNo');
  expect(preview.value.sampleRows.length).toBeGreaterThan(0);
  expect(sha256(await engine.workspace.toBytes())).toBe(before);
});

test('an empty or binary file fails with a message in words', async () => {
  const engine = await engineWithWorkspace();
  const empty = await engine.imports.preview(new Uint8Array(), 'empty.csv');
  expect(empty).toMatchObject({ ok: false, failure: { kind: 'empty' } });
  const binary = await engine.imports.preview(
    new Blob([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 1, 2, 3])]),
    'book.csv',
  );
  expect(binary).toMatchObject({ ok: false, failure: { kind: 'not_text' } });
});

test('a run imports the file, reports progress, bumps the revision and keeps the rejected rows', async () => {
  const engine = await engineWithWorkspace();
  const progress: Progress[] = [];
  const outcome = await engine.imports.run(orderLines(), 'order-lines.csv', {}, (p) => progress.push(p));
  expect(outcome.ok).toBe(true);
  if (!outcome.ok) return;
  expect(outcome.summary.revision).toBe(1);
  expect(outcome.summary.counts.order_lines).toBe(outcome.report.written.orderLines);
  expect(outcome.report.rowsRead).toBe(outcome.report.rowsImported + outcome.report.rowsRejected);
  expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)?.total });
  const csv = await engine.imports.rejectedRowsCsv();
  expect(csv.split('\r\n')[0]).toBe(
    'Row,Reason,Problem,InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
  );
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + outcome.report.rowsRejected);
});

test('a cancel half way leaves the counts and the exported bytes as they were', async () => {
  const engine = await engineWithWorkspace();
  expect((await engine.imports.run(orderLines(), 'order-lines.csv', {})).ok).toBe(true);
  const counts = (await engine.workspace.summary()).counts;
  const bytes = sha256(await engine.workspace.toBytes());

  const file = demoLines(60_000);
  let cancelled = false;
  const outcome = await engine.imports.run(file, 'big.csv', {}, (p) => {
    if (!cancelled && p.done > p.total / 2) {
      cancelled = true;
      // Sent like the worker's message: it must get through between two chunks.
      setTimeout(() => void engine.imports.cancel(), 0);
    }
  });
  expect(cancelled).toBe(true);
  expect(outcome).toMatchObject({ ok: false, failure: { kind: 'cancelled' } });
  expect((await engine.workspace.summary()).counts).toEqual(counts);
  expect((await engine.workspace.summary()).revision).toBe(1);
  expect(sha256(await engine.workspace.toBytes())).toBe(bytes);

  // And the same file goes in whole when it is not cancelled.
  const whole = await engine.imports.run(file, 'big.csv', {});
  expect(whole.ok).toBe(true);
});

test('an export asked for during an import waits for it and holds its rows', async () => {
  const engine = await engineWithWorkspace();
  const running = engine.imports.run(demoLines(20_000), 'big.csv', {});
  const exported = engine.workspace.toBytes();
  const outcome = await running;
  expect(outcome.ok).toBe(true);
  if (!outcome.ok) return;

  const reopened = createEngine(await loadSqlJs());
  const opened = await reopened.workspace.open(await exported);
  expect(opened.ok && opened.value.counts).toEqual(outcome.summary.counts);
});
