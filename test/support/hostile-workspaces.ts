import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ANALYSES } from '../../src/core/analysis/catalogue';
import { dataVersionOf } from '../../src/core/analysis/data-version';
import { blankPlan, type PlanDocument } from '../../src/core/plan/plan-document';
import { migrate } from '../../src/core/store/migrate';
import type { Database } from '../../src/core/store/sqlite';
import { createEngine } from '../../src/engine/engine';
import { loadSqlJs } from '../../src/node/node-sqljs';

/**
 * Workspace files crafted the way someone handing out a file could craft them: the app's own
 * workspace, changed with SQL the app never runs. Each is written to its own file.
 */

export const PLAN_NAME = 'Spring plan';
export const EMAIL_BODY = 'Hello {first_name}, your lamp has friends.';

/** The plan document every crafted workspace holds, and the one a test saves into a cleaned copy. */
export function springPlan(name = PLAN_NAME): PlanDocument {
  const plan = blankPlan(name);
  return { ...plan, messages: { ...plan.messages, email: { ...plan.messages.email, body: EMAIL_BODY } } };
}

/** A small current workspace with one plan and one acknowledgement, as bytes. */
export async function baseWorkspace(): Promise<Uint8Array> {
  const engine = createEngine(await loadSqlJs());
  await engine.workspace.create('Harbour Lamps');
  const created = await engine.plans.create(springPlan());
  if (!created.ok) throw new Error(created.failure.message);
  const acked = await engine.plans.acknowledge(
    created.plan.planId,
    'automation-approver',
    'Approved by the owner on the phone',
    'Ana',
  );
  if (!acked.ok) throw new Error(acked.failure.message);
  return engine.workspace.toBytes();
}

/** The base workspace changed by `craft`, written to `dir/name`. */
export async function craftWorkspace(
  dir: string,
  name: string,
  base: Uint8Array,
  craft: (db: Database) => void,
): Promise<string> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(base);
  craft(db);
  const file = join(dir, name);
  writeFileSync(file, db.export());
  db.close();
  return file;
}

/** A workspace built up to an older schema version, changed by `craft`, written to `dir/name`. */
export async function craftOlderWorkspace(
  dir: string,
  name: string,
  version: number,
  craft: (db: Database) => void,
): Promise<string> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  migrate(db, version);
  db.run("INSERT INTO meta(key, value) VALUES ('name', 'Old Lamps'), ('created_at', '2025-01-01T00:00:00Z')");
  craft(db);
  const file = join(dir, name);
  writeFileSync(file, db.export());
  db.close();
  return file;
}

/** Stores `result` as the cached answer of an analysis run with no parameters, current for the data. */
export function forgeCachedResult(db: Database, analysis: keyof typeof ANALYSES, result: unknown): void {
  const version = dataVersionOf(db, ANALYSES[analysis].reads);
  db.run('INSERT INTO analysis_cache(cache_key, data_version, created_at, payload) VALUES (?, 0, ?, ?)', [
    `${analysis}:{}`,
    '2026-01-01T00:00:00.000Z',
    JSON.stringify({ version, result }),
  ]);
}
