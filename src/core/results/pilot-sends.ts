import Papa from 'papaparse';
import { z } from 'zod';
import { inTransaction, queryAll, type Database } from '../store/sqlite';
import { readableRows } from '../store/stored-json';
import { storedPilotRowSchema } from './stored-pilot-rows';
import { CHANNEL_IDS, type ChannelId } from '../plan/plan-document';

/**
 * The pilot's sends as they happened, read from the audience file the app exported (after the
 * email or SMS tool sent from it): who was treated and who held back, when, and with which
 * products. This is the assignment the results compare; the plan's own draw is not re-run, so a
 * file edited in the email tool (a send cancelled, a customer removed) is measured as sent.
 */

export interface PilotSend {
  customerId: string;
  group: 'treatment' | 'control';
  variant: string | null;
  channel: ChannelId;
  /** Local time 'YYYY-MM-DDTHH:MM:SS'; null for the control group, who were not sent anything. */
  sentAt: string | null;
  /** Product names or ids as the file lists them. */
  products: string[];
  /** Local time the customer unsubscribed, when an email tool's send log says so; null otherwise. */
  unsubscribedAt: string | null;
}

export interface ReadSends {
  sends: PilotSend[];
  rowsRead: number;
  /** One plain sentence per row left out, with its line in the file. */
  problems: string[];
}

/** The columns that make a file the app's audience file. */
export const AUDIENCE_FILE_COLUMNS = [
  'customer_id',
  'group',
  'channel',
  'scheduled_send_time',
  'recommended_products',
] as const;
const SEND_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/;
const MAX_PROBLEMS = 50;

type Row = Partial<Record<string, string>>;

/** Collects one sentence per row left out, with its line, up to a cap (then one sentence for the rest). */
export function problemList(): { problems: string[]; report: (line: number, message: string) => void } {
  const problems: string[] = [];
  const report = (line: number, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`Line ${line}: ${message}`);
    else if (problems.length === MAX_PROBLEMS) problems.push('More rows were left out for the same kinds of reasons.');
  };
  return { problems, report };
}

/** Reads the audience file; throws when it is not one (no such columns), leaves out and reports rows that cannot be used. */
export function readPilotSends(text: string): ReadSends {
  const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  const missing = AUDIENCE_FILE_COLUMNS.filter((c) => !fields.includes(c));
  if (missing.length > 0)
    throw new Error(
      `This is not the pilot's audience file: it has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}.`,
    );

  const { problems, report } = problemList();
  const groupOf = new Map<string, PilotSend['group']>();
  const sends: PilotSend[] = [];
  parsed.data.forEach((row, index) => {
    const line = index + 2;
    const customerId = row.customer_id?.trim() ?? '';
    const group = row.group?.trim().toLowerCase() ?? '';
    const channel = row.channel?.trim().toLowerCase() ?? '';
    const time = row.scheduled_send_time?.trim() ?? '';
    if (customerId === '') return report(line, 'there is no customer id, so the row was left out.');
    if (group !== 'treatment' && group !== 'control')
      return report(line, `the group is “${group}”; it must be treatment or control.`);
    if (!(CHANNEL_IDS as readonly string[]).includes(channel))
      return report(line, `the channel is “${channel}”; it must be one of ${CHANNEL_IDS.join(', ')}.`);
    if (group === 'treatment' && !SEND_TIME.test(time))
      return report(line, `a treated customer needs a send time written as YYYY-MM-DDTHH:MM:SS; it is “${time}”.`);
    const earlier = groupOf.get(customerId);
    if (earlier !== undefined && earlier !== group)
      return report(
        line,
        `customer ${customerId} is already in the ${earlier} group, so this ${group} row was left out.`,
      );
    groupOf.set(customerId, group);
    sends.push({
      customerId,
      group,
      variant: group === 'control' ? null : row.variant?.trim() || null,
      channel: channel as ChannelId,
      sentAt: group === 'control' ? null : `${time.replace(' ', 'T')}${time.length === 16 ? ':00' : ''}`,
      products: (row.recommended_products ?? '')
        .split(';')
        .map((p) => p.trim())
        .filter(Boolean),
      unsubscribedAt: null,
    });
  });
  return { sends, rowsRead: parsed.data.length, problems };
}

/** Stores the plan's sends, replacing any recorded before (a corrected file is read again whole). */
export function recordPilotSends(db: Database, planId: string, sends: readonly PilotSend[]): void {
  inTransaction(db, () => {
    db.run('DELETE FROM pilot_sends WHERE plan_id = ?', [planId]);
    const insert = db.prepare(
      'INSERT INTO pilot_sends(plan_id, customer_id, grp, variant, channel, sent_at, products, unsubscribed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    try {
      for (const s of sends)
        insert.run([
          planId,
          s.customerId,
          s.group,
          s.variant,
          s.channel,
          s.sentAt,
          JSON.stringify(s.products),
          s.unsubscribedAt,
        ]);
    } finally {
      insert.free();
    }
  });
}

export function loadPilotSends(db: Database, planId: string): PilotSend[] {
  return readableRows(
    queryAll(
      db,
      'SELECT customer_id, grp, variant, channel, sent_at, products, unsubscribed_at FROM pilot_sends WHERE plan_id = ? ORDER BY rowid',
      [planId],
    ),
    storedSendSchema,
  ).map((r) => ({
    customerId: r.customer_id,
    group: r.grp,
    variant: r.variant,
    channel: r.channel,
    sentAt: r.sent_at,
    products: r.products,
    unsubscribedAt: r.unsubscribed_at,
  }));
}

const storedSendSchema = storedPilotRowSchema.extend({
  sent_at: z.string().nullable(),
  unsubscribed_at: z.string().nullable(),
});
