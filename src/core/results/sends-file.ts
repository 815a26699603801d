import Papa from 'papaparse';
import { audienceRows, type AudienceOptions } from '../export/audience-csv';
import { exportedAudience, type DrawnRow } from './exported-audience';
import { normaliseEmail } from '../import/values';
import { queryAll, type Database } from '../store/sqlite';
import type { PlanDocument } from '../../shared/plan';
import { AUDIENCE_FILE_COLUMNS, readPilotSends, type PilotSend } from './pilot-sends';
import { readSendLog, SEND_LOG_COLUMNS_LOOKED_FOR, sendLogColumns } from './send-log';

/**
 * A pilot's sends from either file the marketer has: the audience file the app exported, or the
 * email tool's own send log, told apart by the header. A send log names only the treated
 * customers; the control group is then the plan's own hold-out, the customers the audience file
 * marked control, with the products it listed for them. The workspace keeps that draw when the
 * file is exported; without one (the file was exported elsewhere) the draw is made again, which
 * only matches while the data is as it was: the plan's audience moves on once the orders since
 * the start are imported.
 */

export type SendsFileKind = 'audience' | 'send-log';

export interface SendsFile {
  kind: SendsFileKind;
  sends: PilotSend[];
  rowsRead: number;
  problems: string[];
  /** What was read, in one or two plain sentences. */
  message: string;
}

/** Customer ids by email (trimmed, lower-cased); an email several customers share maps to null. */
function customersByEmail(db: Database): Map<string, string | null> {
  const byEmail = new Map<string, string | null>();
  for (const row of queryAll<{ customer_id: string; email: string }>(db, 'SELECT customer_id, email FROM customers WHERE email IS NOT NULL')) {
    const email = normaliseEmail(row.email);
    byEmail.set(email, byEmail.has(email) ? null : row.customer_id);
  }
  return byEmail;
}

function readAudienceFile(text: string): SendsFile {
  const read = readPilotSends(text);
  const left = read.rowsRead - read.sends.length;
  return {
    kind: 'audience',
    ...read,
    message: `Read as the app's audience file${left > 0 ? `, with ${left} rows left out` : ''}.`,
  };
}

function readLogFile(db: Database, planId: string, plan: PlanDocument, otherPlans: readonly PlanDocument[], text: string, options: AudienceOptions): SendsFile {
  const kept = exportedAudience(db, planId);
  const planned: DrawnRow[] = kept?.rows ?? audienceRows(db, plan, otherPlans, options);
  const holdOut = kept ? `the audience file exported on ${kept.exportedAt.slice(0, 10)}` : "the plan's hold-out";
  const groupOf = new Map(planned.map((r) => [r.customerId, r.group]));
  const productsOf = new Map<string, Set<string>>();
  for (const row of planned) {
    const products = productsOf.get(row.customerId) ?? new Set();
    for (const p of row.products) products.add(p);
    productsOf.set(row.customerId, products);
  }
  const byEmail = customersByEmail(db);
  const log = readSendLog(text, {
    customerOf: (email) => byEmail.get(email) ?? null,
    pilotGroupOf: (customerId) => groupOf.get(customerId) ?? null,
    hasVariants: plan.messages.test.variable !== null,
  });
  if (log.recipients.length === 0 && log.outsiders > 0)
    throw new Error(
      kept
        ? `None of the log's recipients is among the customers ${holdOut} treats: is it the log of this plan's pilot?`
        : "None of the log's recipients is among the customers the plan's pilot treats. No audience file was exported from this workspace, so the pilot is drawn again from the plan's audience, which changes once the orders since the start are imported: load the send log before importing them.",
    );

  const drawnVariant = new Map(planned.map((r) => [r.customerId, r.variant]));
  const treated: PilotSend[] = log.recipients.map((r) => ({
    customerId: r.customerId,
    group: 'treatment',
    // The log's own variant column where it names one, else the variant the audience file gave.
    variant: r.variant ?? drawnVariant.get(r.customerId) ?? null,
    channel: 'email',
    sentAt: r.sentAt,
    products: [...(productsOf.get(r.customerId) ?? [])],
    unsubscribedAt: r.unsubscribedAt,
  }));
  const control: PilotSend[] = planned
    .filter((r) => r.group === 'control')
    .map((r) => ({ customerId: r.customerId, group: 'control', variant: null, channel: r.channel, sentAt: null, products: r.products, unsubscribedAt: null }));
  const controlCustomers = new Set(control.map((s) => s.customerId)).size;
  const bounced = log.recipients.filter((r) => r.bounced).length;
  const unsubscribed = log.recipients.filter((r) => r.unsubscribedAt !== null).length;
  return {
    kind: 'send-log',
    // Without a treated recipient there is nothing to compare: no sends, and the problems say why.
    sends: treated.length === 0 ? [] : [...treated, ...control],
    rowsRead: log.rowsRead,
    problems: log.problems,
    message: [
      `Read as an email tool's send log: ${treated.length} recipients matched, ${controlCustomers} control customers from ${holdOut}, ${log.rowsLeftOut} rows left out.`,
      ...(log.outsiders > 0 ? [`${log.outsiders} customers in the log are not in the pilot's treated group; their rows were left out.`] : []),
      ...(bounced > 0 ? [`${bounced} of the recipients bounced; they stay in the treated group, as the pilot meant to reach them.`] : []),
      ...(unsubscribed > 0 ? [`${unsubscribed} unsubscribed; they count in the unsubscribes measure.`] : []),
    ].join(' '),
  };
}

/**
 * Reads the sends from the audience file or a send log, whichever the header shows; throws with
 * the columns looked for when it is neither, or when the file is not one that can be used.
 */
export function readSendsFile(
  db: Database,
  planId: string,
  plan: PlanDocument,
  otherPlans: readonly PlanDocument[],
  text: string,
  options: AudienceOptions = {},
): SendsFile {
  const header = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { preview: 1 }).data[0] ?? [];
  const fields = header.map((h) => h.trim().toLowerCase());
  if (AUDIENCE_FILE_COLUMNS.every((c) => fields.includes(c))) return readAudienceFile(text);
  if (sendLogColumns(header.map((h) => h.trim())) !== null) return readLogFile(db, planId, plan, otherPlans, text, options);
  throw new Error(
    `This file is neither the pilot's audience file nor an email tool's send log. The audience file has the columns ${AUDIENCE_FILE_COLUMNS.join(', ')}; a send log needs ${SEND_LOG_COLUMNS_LOOKED_FOR}.`,
  );
}
