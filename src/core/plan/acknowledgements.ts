import { z } from 'zod';
import { fail, ok, type Result } from '../util/result';
import { queryAll, queryValue, type Database } from '../store/sqlite';
import { readableRows } from '../store/stored-json';

/**
 * Acknowledgements of failing checks: a person accepts a check's finding for a plan, in writing,
 * so the plan can be exported anyway. They are stored with the plan (deleted and restored with
 * it) and printed in the export. One per check and plan: acknowledging again replaces the reason.
 */

export interface Acknowledgement {
  checkId: string;
  reason: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string;
}

/** A reason needs at least this many words: enough to say why the finding is accepted. */
export const MIN_REASON_WORDS = 3;

/** A `checklist_acks` row as `addAcknowledgement` writes it; read back, a row of another shape is left out. */
const storedAcknowledgementSchema = z.object({
  check_id: z.string().min(1),
  reason: z.string().min(1),
  acknowledged_by: z.string().nullable(),
  acknowledged_at: z.string(),
});

const ACK_ROWS = 'SELECT check_id, reason, acknowledged_by, acknowledged_at FROM checklist_acks';

/** How many stored acknowledgements are not in the shape they were written in (they count for nothing). */
export function unreadableAcknowledgements(db: Database): number {
  const rows = queryAll(db, ACK_ROWS);
  return rows.length - readableRows(rows, storedAcknowledgementSchema).length;
}

export function listAcknowledgements(db: Database, planId: string): Acknowledgement[] {
  return readableRows(
    queryAll(db, `${ACK_ROWS} WHERE plan_id = ? ORDER BY check_id`, [planId]),
    storedAcknowledgementSchema,
  ).map((r) => ({
    checkId: r.check_id,
    reason: r.reason,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedAt: r.acknowledged_at,
  }));
}

export interface NewAcknowledgement {
  checkId: string;
  reason: string;
  by: string;
}

/** Records (or replaces) the acknowledgement of a check; `knownChecks` are the ids that can be acknowledged. */
export function addAcknowledgement(
  db: Database,
  planId: string,
  ack: NewAcknowledgement,
  knownChecks: ReadonlySet<string>,
  now: Date,
): Result<Acknowledgement[], string> {
  if (!planExists(db, planId)) return fail(noSuchPlan(planId));
  if (!knownChecks.has(ack.checkId)) return fail(`There is no check “${ack.checkId}” to acknowledge.`);
  const reason = ack.reason.trim().replace(/\s+/g, ' ');
  if (reason.split(' ').filter((word) => /\p{L}/u.test(word)).length < MIN_REASON_WORDS) {
    return fail(
      `Write why this finding is accepted, in at least ${MIN_REASON_WORDS} words: the reason is printed in the exported plan.`,
    );
  }
  const by = ack.by.trim();
  if (!by) return fail('Name the person who accepts this finding.');
  db.run(
    `INSERT INTO checklist_acks(plan_id, check_id, reason, acknowledged_by, acknowledged_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(plan_id, check_id) DO UPDATE SET reason = excluded.reason, acknowledged_by = excluded.acknowledged_by, acknowledged_at = excluded.acknowledged_at`,
    [planId, ack.checkId, reason, by, now.toISOString()],
  );
  return ok(listAcknowledgements(db, planId));
}

/** Withdraws a check's acknowledgement; `changed` is false when there was none. */
export function removeAcknowledgement(
  db: Database,
  planId: string,
  checkId: string,
): Result<{ acknowledgements: Acknowledgement[]; changed: boolean }, string> {
  if (!planExists(db, planId)) return fail(noSuchPlan(planId));
  db.run('DELETE FROM checklist_acks WHERE plan_id = ? AND check_id = ?', [planId, checkId]);
  return ok({ acknowledgements: listAcknowledgements(db, planId), changed: db.getRowsModified() > 0 });
}

const planExists = (db: Database, planId: string) =>
  queryValue(db, 'SELECT 1 FROM plans WHERE plan_id = ?', [planId]) !== null;
const noSuchPlan = (planId: string) => `There is no plan “${planId}” in this workspace.`;
