import type { AudienceRow } from '../plan/pilot-audience';
import { z } from 'zod';
import { inTransaction, queryAll, queryValue, type Database } from '../store/sqlite';
import { readableRows } from '../store/stored-json';
import { storedPilotRowSchema } from './stored-pilot-rows';

/**
 * The pilot's draw as the audience file was last exported for a plan. An email tool's send log
 * names only whom it sent to; the control group to compare them with is the one that file held
 * back. Drawing it again later would not do: the plan's audience follows the data, and the
 * orders since the start move it.
 */

export type DrawnRow = Pick<AudienceRow, 'customerId' | 'group' | 'variant' | 'channel' | 'sendTime' | 'products'>;

export interface ExportedAudience {
  /** When the file was written, ISO 8601. */
  exportedAt: string;
  rows: DrawnRow[];
}

/**
 * Once the pilot's sends are recorded, the draw they were read against stays: an export made
 * after that (to look at the file again, or after the orders since the start moved the plan's
 * audience) is not the file the pilot was sent from.
 */
export function drawIsSettled(db: Database, planId: string): boolean {
  return queryValue(db, 'SELECT 1 FROM pilot_sends WHERE plan_id = ? LIMIT 1', [planId]) !== null;
}

/** Keeps the rows of the audience file just exported, replacing those of an earlier export of the plan, unless the draw is settled. */
export function keepExportedAudience(db: Database, planId: string, rows: readonly DrawnRow[], exportedAt: Date): void {
  if (drawIsSettled(db, planId)) return;
  inTransaction(db, () => {
    db.run('DELETE FROM pilot_audiences WHERE plan_id = ?', [planId]);
    const insert = db.prepare(
      'INSERT INTO pilot_audiences(plan_id, customer_id, grp, variant, channel, send_time, products, exported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    try {
      const at = exportedAt.toISOString();
      for (const r of rows)
        insert.run([planId, r.customerId, r.group, r.variant, r.channel, r.sendTime, JSON.stringify(r.products), at]);
    } finally {
      insert.free();
    }
  });
}

export function exportedAudience(db: Database, planId: string): ExportedAudience | null {
  const exportedAt = queryValue(db, 'SELECT max(exported_at) FROM pilot_audiences WHERE plan_id = ?', [planId]);
  if (exportedAt === null) return null;
  const rows = readableRows(
    queryAll(
      db,
      'SELECT customer_id, grp, variant, channel, send_time, products FROM pilot_audiences WHERE plan_id = ? ORDER BY rowid',
      [planId],
    ),
    storedAudienceRowSchema,
  );
  return {
    exportedAt: String(exportedAt),
    rows: rows.map((r) => ({
      customerId: r.customer_id,
      group: r.grp,
      variant: r.variant,
      channel: r.channel,
      sendTime: r.send_time,
      products: r.products,
    })),
  };
}

const storedAudienceRowSchema = storedPilotRowSchema.extend({
  variant: z.enum(['A', 'B']).nullable(),
  send_time: z.string().nullable(),
});
