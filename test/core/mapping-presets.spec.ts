import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import type { ImportMapping } from '../../src/core/import/mapping';
import { findPreset, headerSignature, savePreset } from '../../src/core/import/presets';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import { createEngine } from '../../src/engine/engine';
import { cli, fixture, openFile, tempDir } from '../support/import-helpers';

const HEADERS = ['Email', 'Customer ID', 'Country'];
const MAPPING: ImportMapping = { kind: 'customers', columns: { customer_id: 'Customer ID', email: 'Email' } };

async function emptyWorkspace() {
  return createWorkspaceDb(await loadSqlJs(), 'Shop');
}

test('the header signature ignores case and surrounding spaces but not order', () => {
  expect(headerSignature([' Email ', 'CUSTOMER id'])).toBe(headerSignature(['email', 'Customer ID']));
  expect(headerSignature(['Email', 'Customer ID'])).not.toBe(headerSignature(['Customer ID', 'Email']));
  expect(headerSignature(['a,b'])).not.toBe(headerSignature(['a', 'b']));
});

test('a saved preset is found again for the same header, and the newest save wins', async () => {
  const db = await emptyWorkspace();
  expect(findPreset(db, HEADERS)).toBeNull();
  savePreset(db, HEADERS, MAPPING, 'january.csv', new Date('2026-01-31T10:00:00Z'));
  expect(findPreset(db, ['email', 'customer id', 'country'])).toEqual({
    name: 'january.csv',
    mapping: MAPPING,
    lastUsedAt: '2026-01-31T10:00:00.000Z',
  });
  expect(findPreset(db, ['Email', 'Customer ID'])).toBeNull();

  const changed: ImportMapping = {
    kind: 'customers',
    columns: { customer_id: 'Customer ID', email: 'Email', country: 'Country' },
  };
  savePreset(db, HEADERS, changed, 'february.csv', new Date('2026-02-28T10:00:00Z'));
  expect(findPreset(db, HEADERS)).toMatchObject({
    name: 'february.csv',
    mapping: changed,
    lastUsedAt: '2026-02-28T10:00:00.000Z',
  });
  expect(db.exec('SELECT created_at FROM mapping_presets')[0].values).toEqual([['2026-01-31T10:00:00.000Z']]);
});

test('a damaged preset is ignored, not a crash', async () => {
  const db = await emptyWorkspace();
  savePreset(db, HEADERS, MAPPING, 'january.csv');
  for (const damaged of [
    '{not json',
    '{"kind":"planets","columns":{}}',
    '{"kind":"customers","columns":{"shoe_size":"Email"}}',
    'null',
  ]) {
    db.run('UPDATE mapping_presets SET mapping = ?', [damaged]);
    expect(findPreset(db, HEADERS), damaged).toBeNull();
  }
});

test('the engine saves the mapping of a successful import and offers it when the same header comes again', async () => {
  const engine = createEngine(await loadSqlJs());
  await engine.workspace.create('Shop');
  const file = new Uint8Array(readFileSync(fixture('order-lines.csv')));
  const first = await engine.imports.preview(file, 'order-lines.csv');
  if (!first.ok) throw new Error(first.failure.message);
  expect(first.value.preset).toBeNull();
  const proposed = first.value.mapping!;
  // The user leaves the optional country unmapped.
  const columns = Object.fromEntries(Object.entries(proposed.columns).filter(([, column]) => column !== 'Country'));
  const chosen: ImportMapping = { ...proposed, columns };
  expect((await engine.imports.run(file, 'order-lines.csv', { mapping: chosen })).ok).toBe(true);

  const again = await engine.imports.preview(file, 'next month.csv');
  if (!again.ok) throw new Error(again.failure.message);
  expect(again.value.mapping?.columns.country).toBe('Country');
  expect(again.value.preset?.name).toBe('order-lines.csv');
  expect(again.value.preset?.mapping.columns).toEqual(chosen.columns);
  expect(again.value.preset?.mapping.columns.country).toBeUndefined();

  const otherKind = await engine.imports.preview(file, 'next month.csv', { kind: 'products' });
  expect(otherKind.ok && otherKind.value.preset).toBeNull();
});

test('a failed import saves no preset', async () => {
  const engine = createEngine(await loadSqlJs());
  await engine.workspace.create('Shop');
  const file = new Uint8Array(readFileSync(fixture('order-lines.csv')));
  const wrong: ImportMapping = { kind: 'customers', columns: { customer_id: 'No such column' } };
  expect((await engine.imports.run(file, 'order-lines.csv', { mapping: wrong })).ok).toBe(false);
  const again = await engine.imports.preview(file, 'order-lines.csv');
  expect(again.ok && again.value.preset).toBeNull();
});

test('the command line records the preset too', async () => {
  const workspace = join(tempDir(), 'shop.xsell');
  expect((await cli(fixture('order-lines.csv'), '--workspace', workspace)).code).toBe(0);
  const db = await openFile(workspace);
  const header = readFileSync(fixture('order-lines.csv'), 'utf8').split('\n')[0].trim().split(',');
  expect(findPreset(db, header)).toMatchObject({ name: 'order-lines.csv', mapping: { kind: 'order_lines_flat' } });
});
