import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { generateDemoWorkspace, ORDER_LINES_CSV_COLUMNS, writeOrderLinesCsv } from '../../src/core/demo';
import { Random, seedFrom } from '../../src/core/util/random';
import { INDUSTRIES, type Industry } from '../../src/core/store/workspace-types';

function csvOf(industry: Industry, seed: number, lines: number) {
  const chunks: string[] = [];
  const hash = createHash('sha256');
  const summary = writeOrderLinesCsv(industry, { seed, lines }, (chunk) => {
    chunks.push(chunk);
    hash.update(chunk);
  });
  return { text: chunks.join(''), chunks: chunks.length, sha: hash.digest('hex'), summary };
}

async function workspaceBytes(industry: Industry, seed: number): Promise<Uint8Array> {
  const db = generateDemoWorkspace(await loadSqlJs(), industry, { seed, customers: 400 });
  const bytes = db.export();
  db.close();
  return bytes;
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('the random generator repeats itself for a seed and differs between seeds', () => {
  const draw = (seed: number) => {
    const rng = new Random(seed);
    return Array.from({ length: 20 }, () => rng.int(0, 1_000_000));
  };
  expect(draw(7)).toEqual(draw(7));
  expect(draw(7)).not.toEqual(draw(8));
  expect(seedFrom(1, 'beauty', 3)).toBe(seedFrom(1, 'beauty', 3));
  expect(seedFrom(1, 'beauty', 3)).not.toBe(seedFrom(1, 'beauty', 4));

  const rng = new Random(42);
  const values = Array.from({ length: 10_000 }, () => rng.next());
  expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...values)).toBeLessThan(1);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  expect(mean).toBeGreaterThan(0.48);
  expect(mean).toBeLessThan(0.52);
});

for (const industry of INDUSTRIES) {
  test(`the ${industry} order-line CSV is byte-identical for a seed and different for another`, () => {
    const first = csvOf(industry, 11, 20_000);
    const again = csvOf(industry, 11, 20_000);
    const other = csvOf(industry, 12, 20_000);
    expect(again.sha).toBe(first.sha);
    expect(other.sha).not.toBe(first.sha);
    // Written in pieces, not built as one string.
    expect(first.chunks).toBeGreaterThan(5);
  });
}

test('the CSV has exactly the lines asked for, parses back with the expected columns, ~53 bytes a line', () => {
  const lines = 20_000;
  const { text, summary } = csvOf('beauty', 3, lines);
  expect(summary.lines).toBe(lines);
  expect(text.endsWith('\n')).toBe(true);
  expect(text.includes('\r')).toBe(false);
  expect(text.split('\n').length - 1).toBe(lines + 1);

  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...ORDER_LINES_CSV_COLUMNS]);
  expect(parsed.data).toHaveLength(lines);

  const rows = parsed.data;
  expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(r.ordered_at))).toBe(true);
  expect(rows.every((r) => /^-?\d+$/.test(r.quantity) && Number(r.quantity) !== 0)).toBe(true);
  expect(rows.every((r) => /^\d+\.\d{2}$/.test(r.unit_price))).toBe(true);
  expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['web', 'app', 'store']));
  // Returns are negative lines of the order they belong to.
  expect(rows.some((r) => Number(r.quantity) < 0)).toBe(true);
  // Order fields repeat on every line of an order.
  const orderFields = new Map<string, string>();
  const conflicting = rows.filter((r) => {
    const fields = `${r.customer_id}|${r.ordered_at}|${r.channel}`;
    const seen = orderFields.get(r.order_id);
    orderFields.set(r.order_id, fields);
    return seen !== undefined && seen !== fields;
  });
  expect(conflicting).toEqual([]);
  expect(orderFields.size).toBeGreaterThan(lines / 4);

  const bytesPerLine = Buffer.byteLength(text) / lines;
  expect(bytesPerLine).toBeGreaterThan(48);
  expect(bytesPerLine).toBeLessThan(58);
});

test('asking for no lines gives just the header', () => {
  const { text, summary } = csvOf('running', 1, 0);
  expect(text).toBe(`${ORDER_LINES_CSV_COLUMNS.join(',')}\n`);
  expect(summary.lines).toBe(0);
});

for (const industry of INDUSTRIES) {
  test(`a ${industry} demo workspace is identical for a seed and different for another`, async () => {
    const first = await workspaceBytes(industry, 5);
    const again = await workspaceBytes(industry, 5);
    const other = await workspaceBytes(industry, 6);
    expect(sha(again)).toBe(sha(first));
    expect(sha(other)).not.toBe(sha(first));
  });
}
