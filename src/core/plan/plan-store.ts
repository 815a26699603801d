import type { PlanDocument, PlanMomentId, PlanRecord, StrategyId } from './plan-document';
import { fail, ok, type Result } from '../util/result';
import { inTransaction, queryAll, queryValue, type Database, type SqlValue } from '../store/sqlite';
import { parsePlanDocument, parsePlanJson, storedPlanJson } from './plan-documents';
import { withReviewWorkspace } from './review-workspace';
import { workspaceIdOf } from '../store/workspace-id';
import { readableRows } from '../store/stored-json';
import { planIdSchema } from './plan-id';
import { z } from 'zod';

/**
 * The workspace's plans: each one a current document plus every revision it was saved as. Every
 * write runs in one transaction and validates the document first; names are unique among active
 * plans, ignoring case.
 */

export type PlanStatus = PlanRecord['status'];

/** A plan as the list of plans shows it, without its document. */
export interface PlanSummary {
  planId: string;
  name: string;
  status: PlanStatus;
  createdAt: string;
  updatedAt: string;
  revision: number;
  /** Null when the plan has none yet, or its document cannot be read. */
  strategyId: StrategyId | null;
  momentId: PlanMomentId | null;
}

export interface PlanRevision {
  revision: number;
  savedAt: string;
}

/** Everything a deleted plan left behind, exactly as stored: hand it to `restorePlan` to undo the delete. */
export interface DeletedPlan {
  plan: PlanRow;
  revisions: { revision: number; saved_at: string; document: string }[];
  checklistAcks: { check_id: string; reason: string; acknowledged_by: string | null; acknowledged_at: string }[];
  /** The pilot's recorded sends and its kept audience draw, row by row. */
  pilotRows: Record<PilotTable, Record<string, SqlValue>[]>;
}

/** Tables of a plan's pilot, whose rows go with the plan when it is deleted and come back with it. */
const PILOT_TABLES = ['pilot_sends', 'pilot_audiences'] as const;
type PilotTable = (typeof PILOT_TABLES)[number];

/** A `plans` row as this module writes it; read back, a row of another shape or with an unsafe id is left out. */
const planRowSchema = z.object({
  plan_id: planIdSchema,
  name: z.string(),
  status: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  current_revision: z.number().int(),
  document: z.string(),
});
export type PlanRow = z.infer<typeof planRowSchema>;

const PLAN_COLUMNS = 'plan_id, name, status, created_at, updated_at, current_revision, document';
/** The number the next plan id is made from; kept in meta so a deleted plan's id is never given to another. */
const PLAN_COUNTER_KEY = 'plan_counter';

export function listPlans(db: Database): PlanSummary[] {
  const rows = readableRows(
    queryAll(db, `SELECT ${PLAN_COLUMNS} FROM plans ORDER BY updated_at DESC, rowid DESC`),
    planRowSchema,
  );
  return rows.map((row) => {
    const steps = readSteps(row.document);
    return {
      planId: row.plan_id,
      name: row.name,
      status: statusOf(row),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      revision: row.current_revision,
      ...steps,
    };
  });
}

export function getPlan(db: Database, planId: string): Result<PlanRecord, string> {
  const row = planRow(db, planId);
  if (!row) return fail(noSuchPlan(planId));
  return recordOf(row);
}

/** Of these plans, the one with this name (ignoring case and surrounding spaces), an active one before an archived one. */
export function findPlanByName(plans: readonly PlanSummary[], name: string): PlanSummary | null {
  const wanted = nameKey(name);
  const matches = plans.filter((p) => nameKey(p.name) === wanted);
  return matches.find((p) => p.status === 'active') ?? matches[0] ?? null;
}

export function createPlan(db: Database, document: PlanDocument, now: Date): Result<PlanRecord, string> {
  const checked = checkedDocument(document);
  if (!checked.ok) return checked;
  const taken = nameTaken(db, checked.value.name, null);
  if (taken) return fail(taken);
  const stamp = now.toISOString();
  const json = storedPlanJson(checked.value);
  const planId = inTransaction(db, () => {
    const id = nextPlanId(db);
    db.run(`INSERT INTO plans(${PLAN_COLUMNS}) VALUES (?, ?, 'active', ?, ?, 1, ?)`, [
      id,
      checked.value.name,
      stamp,
      stamp,
      json,
    ]);
    db.run('INSERT INTO plan_revisions(plan_id, revision, saved_at, document) VALUES (?, 1, ?, ?)', [id, stamp, json]);
    return id;
  });
  return ok({ planId, status: 'active', createdAt: stamp, updatedAt: stamp, revision: 1, document: checked.value });
}

/**
 * Saves a new revision of a plan. With `expectedRevision`, refuses when the plan has moved on since
 * that revision (someone else saved in between). A document equal to the stored one saves nothing.
 */
export function savePlan(
  db: Database,
  planId: string,
  document: PlanDocument,
  now: Date,
  expectedRevision?: number,
): Result<{ plan: PlanRecord; changed: boolean }, string> {
  const row = planRow(db, planId);
  if (!row) return fail(noSuchPlan(planId));
  if (expectedRevision !== undefined && expectedRevision !== row.current_revision) {
    return fail(
      `“${row.name}” was saved elsewhere since this copy was opened (it is at revision ${row.current_revision}, this copy is from revision ${expectedRevision}). Open it again to see the latest version before changing it.`,
    );
  }
  const stored = parsePlanJson(row.document);
  const signedOff = stored.ok ? stored.value.recommendations : null;
  const checked = checkedDocument(withReviewWorkspace(signedOff, document, workspaceIdOf(db)));
  if (!checked.ok) return checked;
  const json = storedPlanJson(checked.value);
  if (json === row.document) {
    return ok({ plan: { ...recordFields(row), document: checked.value }, changed: false });
  }
  if (row.status === 'active') {
    const taken = nameTaken(db, checked.value.name, planId);
    if (taken) return fail(taken);
  }
  const stamp = now.toISOString();
  const revision = row.current_revision + 1;
  inTransaction(db, () => {
    db.run('INSERT INTO plan_revisions(plan_id, revision, saved_at, document) VALUES (?, ?, ?, ?)', [
      planId,
      revision,
      stamp,
      json,
    ]);
    db.run('UPDATE plans SET name = ?, document = ?, updated_at = ?, current_revision = ? WHERE plan_id = ?', [
      checked.value.name,
      json,
      stamp,
      revision,
      planId,
    ]);
  });
  return ok({ plan: { ...recordFields(row), updatedAt: stamp, revision, document: checked.value }, changed: true });
}

/** Renames a plan: its document gets the new name, as a new revision. */
export function renamePlan(db: Database, planId: string, name: string, now: Date): Result<PlanRecord, string> {
  const current = getPlan(db, planId);
  if (!current.ok) return current;
  const saved = savePlan(db, planId, { ...current.value.document, name }, now);
  return saved.ok ? ok(saved.value.plan) : saved;
}

/** A new, active plan with the same document; named "… (copy)" (or "… (copy 2)" …) unless a name is given. */
export function duplicatePlan(db: Database, planId: string, now: Date, name?: string): Result<PlanRecord, string> {
  const source = getPlan(db, planId);
  if (!source.ok) return source;
  const chosen = name?.trim() ? name : copyName(db, source.value.document.name);
  return createPlan(db, { ...source.value.document, name: chosen }, now);
}

/** Archives a plan (it leaves the list of active plans and frees its name) or brings it back. */
export function archivePlan(db: Database, planId: string, archived: boolean, now: Date): Result<PlanRecord, string> {
  const row = planRow(db, planId);
  if (!row) return fail(noSuchPlan(planId));
  const status: PlanStatus = archived ? 'archived' : 'active';
  if (statusOf(row) === status) return recordOf(row);
  if (!archived) {
    const taken = nameTaken(db, row.name, planId);
    if (taken) return fail(`${taken} Rename that plan first, then bring this one back.`);
  }
  const stamp = now.toISOString();
  inTransaction(db, () =>
    db.run('UPDATE plans SET status = ?, updated_at = ? WHERE plan_id = ?', [status, stamp, planId]),
  );
  return recordOf({ ...row, status, updated_at: stamp });
}

/** Deletes a plan with its revisions, checklist acknowledgements and pilot rows, returning all of it for `restorePlan`. */
export function deletePlan(db: Database, planId: string): Result<DeletedPlan, string> {
  const row = planRow(db, planId);
  if (!row) return fail(noSuchPlan(planId));
  const deleted: DeletedPlan = {
    plan: row,
    revisions: queryAll(
      db,
      'SELECT revision, saved_at, document FROM plan_revisions WHERE plan_id = ? ORDER BY revision',
      [planId],
    ),
    checklistAcks: queryAll(
      db,
      'SELECT check_id, reason, acknowledged_by, acknowledged_at FROM checklist_acks WHERE plan_id = ? ORDER BY check_id',
      [planId],
    ),
    pilotRows: {
      pilot_sends: queryAll(db, 'SELECT * FROM pilot_sends WHERE plan_id = ? ORDER BY rowid', [planId]),
      pilot_audiences: queryAll(db, 'SELECT * FROM pilot_audiences WHERE plan_id = ? ORDER BY rowid', [planId]),
    },
  };
  inTransaction(db, () => {
    for (const table of PILOT_TABLES) db.run(`DELETE FROM ${table} WHERE plan_id = ?`, [planId]);
    db.run('DELETE FROM checklist_acks WHERE plan_id = ?', [planId]);
    db.run('DELETE FROM plan_revisions WHERE plan_id = ?', [planId]);
    db.run('DELETE FROM plans WHERE plan_id = ?', [planId]);
  });
  return ok(deleted);
}

/** Puts a deleted plan back exactly as it was: same id, revisions, timestamps, acknowledgements and pilot rows. */
export function restorePlan(db: Database, deleted: DeletedPlan): Result<PlanRecord, string> {
  const { plan } = deleted;
  if (planRow(db, plan.plan_id)) return fail(`“${plan.name}” is already in the workspace.`);
  const restored = recordOf(plan);
  if (!restored.ok) return restored;
  if (restored.value.status === 'active') {
    const taken = nameTaken(db, plan.name, plan.plan_id);
    if (taken) return fail(`${taken} Rename that plan first, then undo the delete.`);
  }
  inTransaction(db, () => {
    db.run(`INSERT INTO plans(${PLAN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`, [
      plan.plan_id,
      plan.name,
      plan.status,
      plan.created_at,
      plan.updated_at,
      plan.current_revision,
      plan.document,
    ]);
    for (const r of deleted.revisions) {
      db.run('INSERT INTO plan_revisions(plan_id, revision, saved_at, document) VALUES (?, ?, ?, ?)', [
        plan.plan_id,
        r.revision,
        r.saved_at,
        r.document,
      ]);
    }
    for (const table of PILOT_TABLES) {
      for (const row of deleted.pilotRows[table]) {
        const columns = Object.keys(row);
        db.run(
          `INSERT INTO ${table}(${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          Object.values(row),
        );
      }
    }
    for (const a of deleted.checklistAcks) {
      db.run(
        'INSERT INTO checklist_acks(plan_id, check_id, reason, acknowledged_by, acknowledged_at) VALUES (?, ?, ?, ?, ?)',
        [plan.plan_id, a.check_id, a.reason, a.acknowledged_by, a.acknowledged_at],
      );
    }
  });
  return restored;
}

/** The plan's revisions, newest first. */
export function planRevisions(db: Database, planId: string): Result<PlanRevision[], string> {
  if (!planRow(db, planId)) return fail(noSuchPlan(planId));
  const rows = readableRows(
    queryAll(db, 'SELECT revision, saved_at FROM plan_revisions WHERE plan_id = ? ORDER BY revision DESC', [planId]),
    z.object({ revision: z.number().int(), saved_at: z.string() }),
  );
  return ok(rows.map((r) => ({ revision: r.revision, savedAt: r.saved_at })));
}

export function planAtRevision(db: Database, planId: string, revision: number): Result<PlanDocument, string> {
  const row = planRow(db, planId);
  if (!row) return fail(noSuchPlan(planId));
  const json = queryValue(db, 'SELECT document FROM plan_revisions WHERE plan_id = ? AND revision = ?', [
    planId,
    revision,
  ]);
  if (typeof json !== 'string') return fail(`“${row.name}” has no revision ${revision}.`);
  return readable(parsePlanJson(json), `Revision ${revision} of “${row.name}”`);
}

function planRow(db: Database, planId: string): PlanRow | null {
  return (
    readableRows(queryAll(db, `SELECT ${PLAN_COLUMNS} FROM plans WHERE plan_id = ?`, [planId]), planRowSchema)[0] ??
    null
  );
}

/** The stored plans that cannot be used as they are, in words: rows not in the shape written here, and unreadable documents. */
export function unreadablePlans(db: Database): string[] {
  const rows = queryAll(db, `SELECT ${PLAN_COLUMNS} FROM plans`);
  const readable = readableRows(rows, planRowSchema);
  const problems = readable.flatMap((row) =>
    parsePlanJson(row.document).ok
      ? []
      : [`The plan “${row.name}” cannot be opened: its document is not a valid plan.`],
  );
  const left = rows.length - readable.length;
  if (left > 0)
    problems.unshift(
      `${left === 1 ? 'A stored plan was' : `${left} stored plans were`} not in the shape the app writes (such as an id it never gives), so ${left === 1 ? 'it is' : 'they are'} left out.`,
    );
  return problems;
}

const statusOf = (row: PlanRow): PlanStatus => (row.status === 'archived' ? 'archived' : 'active');

const recordFields = (row: PlanRow): Omit<PlanRecord, 'document'> => ({
  planId: row.plan_id,
  status: statusOf(row),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  revision: row.current_revision,
});

function recordOf(row: PlanRow): Result<PlanRecord, string> {
  const document = readable(parsePlanJson(row.document), `The stored plan “${row.name}”`);
  return document.ok ? ok({ ...recordFields(row), document: document.value }) : document;
}

/** Says whose document could not be read before what is wrong with it. */
function readable(parsed: Result<PlanDocument, string>, whose: string): Result<PlanDocument, string> {
  return parsed.ok ? parsed : fail(`${whose} cannot be opened. ${parsed.error}`);
}

function readSteps(json: string): Pick<PlanSummary, 'strategyId' | 'momentId'> {
  const parsed = parsePlanJson(json);
  if (!parsed.ok) return { strategyId: null, momentId: null };
  return { strategyId: parsed.value.strategy.id, momentId: parsed.value.moment.id };
}

/** Validates a document handed in and tidies its name. */
function checkedDocument(document: PlanDocument): Result<PlanDocument, string> {
  const parsed = parsePlanDocument(document);
  if (!parsed.ok) return parsed;
  const name = parsed.value.name.trim();
  if (!name) return fail('A plan needs a name.');
  return ok({ ...parsed.value, name });
}

const nameKey = (name: string) => name.trim().toLowerCase();

/** The message when an active plan other than `except` already has this name, else null. */
function nameTaken(db: Database, name: string, except: string | null): string | null {
  const wanted = nameKey(name);
  const clash = queryAll<{ plan_id: string; name: string }>(
    db,
    "SELECT plan_id, name FROM plans WHERE status = 'active'",
  ).find((p) => p.plan_id !== except && nameKey(String(p.name)) === wanted);
  return clash ? `There is already a plan named “${clash.name}”; each plan needs its own name.` : null;
}

function copyName(db: Database, name: string): string {
  const active = new Set(
    queryAll<{ name: string }>(db, "SELECT name FROM plans WHERE status = 'active'").map((p) => nameKey(p.name)),
  );
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${name} (copy)` : `${name} (copy ${n})`;
    if (!active.has(nameKey(candidate))) return candidate;
  }
}

/** Runs inside the caller's transaction. */
function nextPlanId(db: Database): string {
  const stored = Number(queryValue(db, 'SELECT value FROM meta WHERE key = ?', [PLAN_COUNTER_KEY]) ?? 0);
  let counter = Number.isSafeInteger(stored) && stored >= 0 ? stored : 0;
  let id: string;
  do {
    counter++;
    id = `plan-${counter}`;
  } while (queryValue(db, 'SELECT 1 FROM plans WHERE plan_id = ?', [id]) !== null);
  db.run('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [
    PLAN_COUNTER_KEY,
    String(counter),
  ]);
  return id;
}

const noSuchPlan = (planId: string) => `There is no plan “${planId}” in this workspace.`;

/** The workspace's other active plans: their messages count against this plan's frequency cap. */
export function otherActivePlans(db: Database, planId: string): PlanDocument[] {
  return listPlans(db)
    .filter((p) => p.status === 'active' && p.planId !== planId)
    .flatMap((p) => {
      const other = getPlan(db, p.planId);
      return other.ok ? [other.value.document] : [];
    });
}
