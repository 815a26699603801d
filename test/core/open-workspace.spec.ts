import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { createEngine } from '../../src/engine/engine';
import { sha256 } from '../support/temp-dir';
import { makeBadWorkspaces, scratchDir, smallWorkspaceBytes } from '../support/workspace-fixtures';

test('a saved workspace opens again with everything in it', async () => {
  const engine = createEngine(await loadSqlJs());
  const opened = await engine.workspace.open(await smallWorkspaceBytes('Corner Bakery'));
  expect(opened.ok).toBe(true);
  if (!opened.ok) return;
  expect(opened.value.name).toBe('Corner Bakery');
  expect(opened.value.counts).toMatchObject({ customers: 2, orders: 2, order_lines: 2, plans: 0 });
  expect(opened.value.orderDateRange).toEqual({ first: '2026-01-05T10:00:00', last: '2026-03-09T16:30:00' });
  expect(opened.value.samples.map((s) => s.table)).toEqual(['customers', 'orders']);
});

test('a rename survives export and reopen, and foreign keys stay on after export', async () => {
  const engine = createEngine(await loadSqlJs());
  await engine.workspace.create('Draft');
  const renamed = await engine.workspace.rename('  Corner Bakery & Café  ');
  expect(renamed.revision).toBe(1);
  const bytes = await engine.workspace.toBytes();
  // db.export() reopens the database inside sql.js; the engine must re-apply its pragmas.
  await expect(engine.workspace.rename('')).rejects.toThrow('needs a name');
  const reopened = await engine.workspace.open(bytes);
  expect(reopened.ok && reopened.value.name).toBe('Corner Bakery & Café');
});

test('every kind of bad file gets its own clear message and is never changed', async () => {
  const engine = createEngine(await loadSqlJs());
  const cases = await makeBadWorkspaces(scratchDir());
  expect(cases.map((c) => c.kind)).toEqual([
    'empty',
    'not-sqlite',
    'not-sqlite',
    'truncated',
    'not-workspace',
    'newer-version',
    'damaged',
  ]);
  for (const { file, kind } of cases) {
    const before = sha256(readFileSync(file));
    const result = await engine.workspace.open(readFileSync(file));
    expect(result.ok, file).toBe(false);
    if (result.ok) continue;
    expect(result.failure.kind, file).toBe(kind);
    expect(result.failure.message.length).toBeGreaterThan(20);
    expect(sha256(readFileSync(file)), `${file} must be left untouched`).toBe(before);
  }
});

test('the messages say what is wrong in words a marketer understands', async () => {
  const engine = createEngine(await loadSqlJs());
  const byKind = new Map((await makeBadWorkspaces(scratchDir())).map((c) => [c.file.split('/').pop(), c]));
  const message = async (name: string) => {
    const result = await engine.workspace.open(byKind.get(name)!.bytes);
    return result.ok ? '' : `${result.failure.message} ${result.failure.detail ?? ''}`;
  };
  expect(await message('orders-export.xsell')).toContain('text file');
  expect(await message('archive.xsell')).toContain('ZIP archive');
  expect(await message('half-copied.xsell')).toMatch(/incomplete.*header promises/s);
  expect(await message('contacts.xsell')).toContain('contacts');
  expect(await message('from-the-future.xsell')).toMatch(/newer version.*version 99/s);
});
