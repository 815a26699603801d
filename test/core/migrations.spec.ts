import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { importFile } from '../../src/core/import/import-file';
import { bytesSource } from '../../src/core/import/source';
import { migrate, schemaVersionOf } from '../../src/core/store/migrate';
import { createWorkspaceDb, openWorkspaceBytes } from '../../src/core/store/open-workspace';
import { APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION } from '../../src/core/store/schema';
import { queryAll, queryValue, type Database } from '../../src/core/store/sqlite';
import { fixture } from '../support/import-helpers';
import { withTempDir } from '../support/temp-dir';

const TABLES = ['order_lines', 'orders', 'products', 'customers', 'imports'];

const schemaOf = (db: Database) =>
  queryAll<{ type: string; name: string; sql: string }>(
    db,
    "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
  );

test('the schema holds every table of the data model', async () => {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  migrate(db);
  const tables = schemaOf(db)
    .filter((o) => o.type === 'table')
    .map((o) => o.name);
  expect(tables).toEqual(
    expect.arrayContaining([
      'customers',
      'products',
      'orders',
      'order_lines',
      'events',
      'baskets',
      'imports',
      'plans',
      'plan_revisions',
      'checklist_acks',
      'analysis_cache',
      'meta',
    ]),
  );
  expect(schemaVersionOf(db)).toBe(SCHEMA_VERSION);
  expect(Number(queryValue(db, 'PRAGMA application_id'))).toBe(APPLICATION_ID);
});

for (let from = 0; from < SCHEMA_VERSION; from++) {
  test(`a workspace at version ${from} migrates to ${SCHEMA_VERSION} with its data and the same schema as a new one`, async () => {
    const SQL = await loadSqlJs();
    const old = new SQL.Database();
    migrate(old, from);
    if (from > 0) old.run("INSERT INTO meta(key, value) VALUES ('name', 'Kept through migration')");
    old.run(`PRAGMA application_id = ${APPLICATION_ID}`);
    const opened = openWorkspaceBytes(SQL, old.export());
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(schemaVersionOf(opened.value)).toBe(SCHEMA_VERSION);
    if (from > 0)
      expect(queryValue(opened.value, "SELECT value FROM meta WHERE key = 'name'")).toBe('Kept through migration');

    const fresh = new SQL.Database();
    migrate(fresh);
    expect(schemaOf(opened.value)).toEqual(schemaOf(fresh));
  });
}

test('a failing migration step leaves the workspace as it was at the previous version', async () => {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  migrate(db);
  db.run("INSERT INTO meta(key, value) VALUES ('name', 'Before the upgrade')");
  const steps = [...MIGRATIONS, 'CREATE TABLE upgrade_part_one(x); CREATE TABLE customers(x);'];
  expect(() => migrate(db, steps.length, steps)).toThrow(/already exists/);
  expect(schemaVersionOf(db)).toBe(SCHEMA_VERSION);
  expect(queryValue(db, "SELECT count(*) FROM sqlite_master WHERE name = 'upgrade_part_one'")).toBe(0);
  expect(queryValue(db, "SELECT value FROM meta WHERE key = 'name'")).toBe('Before the upgrade');
});

test('a version 1 workspace with imported data gains the mapping presets at version 2 and keeps its data', async () => {
  const SQL = await loadSqlJs();
  const old = new SQL.Database();
  migrate(old, 1);
  const imported = await importFile(
    old,
    bytesSource('order-lines.csv', new Uint8Array(readFileSync(fixture('order-lines.csv')))),
  );
  expect(imported.ok).toBe(true);
  const counts = (db: Database) => TABLES.map((table) => queryValue(db, `SELECT count(*) FROM ${table}`));
  const before = counts(old);
  expect(before[0]).toBeGreaterThan(0);

  const opened = openWorkspaceBytes(SQL, old.export());
  expect(opened.ok).toBe(true);
  if (!opened.ok) return;
  expect(schemaVersionOf(opened.value)).toBe(SCHEMA_VERSION);
  expect(counts(opened.value)).toEqual(before);
  expect(queryValue(opened.value, 'SELECT count(*) FROM mapping_presets')).toBe(0);
});

test('a workspace the app writes opens in the sqlite3 shell at the current version, with the presets table', async () => {
  const SQL = await loadSqlJs();
  await withTempDir(async (dir) => {
    const file = join(dir, 'new.xsell');
    await writeFile(file, createWorkspaceDb(SQL, 'New').export());
    const sqlite3 = (command: string) => execFileSync('sqlite3', [file, command], { encoding: 'utf8' }).trim();
    expect(sqlite3('PRAGMA user_version')).toBe(String(SCHEMA_VERSION));
    expect(sqlite3("SELECT name FROM sqlite_master WHERE name = 'mapping_presets'")).toBe('mapping_presets');
  });
});

test('a version 4 workspace keeps its recorded pilot sends, with no unsubscribe time', async () => {
  const SQL = await loadSqlJs();
  const old = new SQL.Database();
  migrate(old, 4);
  old.run(
    "INSERT INTO plans(plan_id, name, created_at, updated_at, document) VALUES ('P1', 'Pilot', '2026-11-01', '2026-11-01', '{}')",
  );
  old.run(
    "INSERT INTO pilot_sends(plan_id, customer_id, grp, channel, sent_at) VALUES ('P1', 'C1', 'treatment', 'email', '2026-11-03T09:00:00')",
  );
  old.run(`PRAGMA application_id = ${APPLICATION_ID}`);
  const opened = openWorkspaceBytes(SQL, old.export());
  expect(opened.ok).toBe(true);
  if (!opened.ok) return;
  expect(schemaVersionOf(opened.value)).toBe(SCHEMA_VERSION);
  expect(queryAll(opened.value, 'SELECT customer_id, sent_at, unsubscribed_at FROM pilot_sends')).toEqual([
    { customer_id: 'C1', sent_at: '2026-11-03T09:00:00', unsubscribed_at: null },
  ]);
});
