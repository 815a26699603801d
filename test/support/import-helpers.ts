import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { runImport } from '../../src/cli/commands/import';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import type { Database } from '../../src/core/store/sqlite';
import { sha256 } from './temp-dir';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The real Online Retail file, read where it lives (it is never copied into the project). */
export const ONLINE_RETAIL = resolve(repoRoot, '../shared/datasets/online-retail/online_retail.csv');

export const fixture = (name: string) => join(repoRoot, 'test/fixtures/import', name);

export const fileSha = (path: string) => sha256(readFileSync(path));

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'xsell-import-'));
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** The JSON object printed with --json. */
  json: Record<string, unknown> & { error?: { code: string; message: string; detail?: string; advice?: string[] } };
}

export async function cli(...args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runImport(args, { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`) });
  return { code, out, err, json: args.includes('--json') && out ? JSON.parse(out) : {} };
}

/** A workspace file with one small import in it, so "unchanged" means something. */
export async function workspaceWithData(dir: string): Promise<string> {
  const path = join(dir, 'shop.xsell');
  const SQL = await loadSqlJs();
  const db = createWorkspaceDb(SQL, 'Shop');
  db.run(`INSERT INTO customers(customer_id, email, country) VALUES ('9001', 'old@example.com', 'UK')`);
  writeFileSync(path, db.export());
  db.close();
  return path;
}

export async function openFile(path: string): Promise<Database> {
  const SQL = await loadSqlJs();
  return new SQL.Database(readFileSync(path));
}

export function rows<T = Record<string, unknown>>(db: Database, sql: string, params: (string | number)[] = []): T[] {
  const statement = db.prepare(sql);
  statement.bind(params);
  const result: T[] = [];
  while (statement.step()) result.push(statement.getAsObject() as T);
  statement.free();
  return result;
}

export function value(db: Database, sql: string, params: (string | number)[] = []): unknown {
  return Object.values(rows(db, sql, params)[0] ?? {})[0] ?? null;
}
