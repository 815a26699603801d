import Papa from 'papaparse';
import { audienceRows, type AudienceOptions } from '../plan/pilot-audience';
import { exportedAudience, type DrawnRow } from './exported-audience';
import { normaliseEmail } from '../import/values';
import { queryAll, type Database } from '../store/sqlite';
import type { PlanDocument } from '../plan/plan-document';
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
  treatedCustomers: number;
  controlCustomers: number;
  /** Why the sends cannot be measured and are not to be recorded; null when they can. */
  refusal: string | null;
}

type ReadFile = Omit<SendsFile, 'treatedCustomers' | 'controlCustomers' | 'refusal'>;

/** What is reported once a file's sends are recorded. */
export type RecordedSends = Pick<
  SendsFile,
  'kind' | 'message' | 'rowsRead' | 'treatedCustomers' | 'controlCustomers' | 'problems'
>;

export const recordedSends = ({
  kind,
  message,
  rowsRead,
  treatedCustomers,
  controlCustomers,
  problems,
}: RecordedSends): RecordedSends => ({
  kind,
  message,
  rowsRead,
  treatedCustomers,
  controlCustomers,
  problems,
});

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Recorded the sends of 402 treated and 379 control customers, from 607 rows of FILE." */
export function recordedSentence(file: RecordedSends, fileName: string): string {
  return `Recorded the sends of ${file.treatedCustomers} treated and ${file.controlCustomers} control customers, from ${plural(file.rowsRead, 'row')} of ${fileName}.`;
}

/** Customer ids by email (trimmed, lower-cased); an email several customers share maps to null. */
function customersByEmail(db: Database): Map<string, string | null> {
  const byEmail = new Map<string, string | null>();
  for (const row of queryAll<{ customer_id: string; email: string }>(
    db,
    'SELECT customer_id, email FROM customers WHERE email IS NOT NULL',
  )) {
    const email = normaliseEmail(row.email);
    byEmail.set(email, byEmail.has(email) ? null : row.customer_id);
  }
  return byEmail;
}

function readAudienceFile(text: string): ReadFile {
  const read = readPilotSends(text);
  const left = read.rowsRead - read.sends.length;
  return {
    kind: 'audience',
    ...read,
    message: `Read as the app's audience file${left > 0 ? `, with ${plural(left, 'row')} left out` : ''}.`,
  };
}

function readLogFile(
  db: Database,
  planId: string,
  plan: PlanDocument,
  otherPlans: readonly PlanDocument[],
  text: string,
  options: AudienceOptions,
): ReadFile {
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
  if (byEmail.size === 0)
    throw new Error(
      'This workspace has no customer email addresses, so a send log cannot be matched to customers: import the customers with their emails first, or load the audience file the pilot was sent from.',
    );
  const log = readSendLog(text, {
    customerOf: (email) => byEmail.get(email) ?? null,
    pilotGroupOf: (customerId) => groupOf.get(customerId) ?? null,
    hasVariants: plan.messages.test.variable !== null,
  });
  // Most recipients outside the treated group: the log is not this pilot's, or the draw is not the one it was sent from.
  if (log.outsiders > log.recipients.length) {
    const share = `${log.outsiders} of the ${log.outsiders + log.recipients.length} customers the log names are not among the customers`;
    throw new Error(
      kept
        ? `${share} ${holdOut} treats: is it the log of this plan's pilot?`
        : `${share} the plan's pilot treats. No audience file was exported from this workspace, so the pilot is drawn again from the plan's audience, which changes once the orders since the start are imported: load the send log before importing them.`,
    );
  }

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
    .map((r) => ({
      customerId: r.customerId,
      group: 'control',
      variant: null,
      channel: r.channel,
      sentAt: null,
      products: r.products,
      unsubscribedAt: null,
    }));
  const controlCustomers = new Set(control.map((s) => s.customerId)).size;
  const inLog = new Set(treated.map((s) => s.customerId));
  const notInLog = new Set(
    planned.filter((r) => r.group === 'treatment' && !inLog.has(r.customerId)).map((r) => r.customerId),
  ).size;
  const bounced = log.recipients.filter((r) => r.bounced).length;
  const unsubscribed = log.recipients.filter((r) => r.unsubscribedAt !== null).length;
  return {
    kind: 'send-log',
    // Without a treated recipient there is nothing to compare: no sends, and the problems say why.
    sends: treated.length === 0 ? [] : [...treated, ...control],
    rowsRead: log.rowsRead,
    problems: log.problems,
    message: [
      `Read as an email tool's send log: ${plural(treated.length, 'recipient')} matched, ${plural(controlCustomers, 'control customer')} from ${holdOut}, ${plural(log.rowsLeftOut, 'row')} left out.`,
      ...(log.outsiders > 0
        ? [
            `${plural(log.outsiders, 'customer')} in the log ${log.outsiders === 1 ? 'is' : 'are'} not in the pilot's treated group; their rows were left out.`,
          ]
        : []),
      ...(notInLog > 0
        ? [
            `${plural(notInLog, 'customer')} the pilot treated ${notInLog === 1 ? 'is' : 'are'} not in the log (sent another channel, or not sent by this tool) and ${notInLog === 1 ? 'is' : 'are'} not measured.`,
          ]
        : []),
      ...(bounced > 0
        ? [`${bounced} of the recipients bounced; they stay in the treated group, as the pilot meant to reach them.`]
        : []),
      ...(unsubscribed > 0 ? [`${unsubscribed} unsubscribed; they count in the unsubscribes measure.`] : []),
    ].join(' '),
  };
}

/**
 * Leaves out customers the workspace does not have (they have no orders to measure, so they would
 * only count as not buying), counts both groups, and says why the sends cannot be measured when
 * a group is empty.
 */
function checked(db: Database, read: ReadFile): SendsFile {
  const ids = [...new Set(read.sends.map((s) => s.customerId))];
  const known = new Set(
    queryAll<{ customer_id: string }>(
      db,
      'SELECT customer_id FROM customers WHERE customer_id IN (SELECT value FROM json_each(?))',
      [JSON.stringify(ids)],
    ).map((r) => r.customer_id),
  );
  const unknown = ids.length - known.size;
  const sends = read.sends.filter((s) => known.has(s.customerId));
  const customersIn = (group: PilotSend['group']) =>
    new Set(sends.filter((s) => s.group === group).map((s) => s.customerId)).size;
  const treatedCustomers = customersIn('treatment');
  const controlCustomers = customersIn('control');
  const refusal =
    read.sends.length === 0
      ? read.rowsRead === 0
        ? 'The file has column names but no rows.'
        : 'None of the file’s rows can be used; the rows left out say why.'
      : sends.length === 0
        ? `None of the ${plural(ids.length, 'customer')} in the file is in this workspace: is it from another workspace?`
        : treatedCustomers === 0
          ? 'The file has no treated customers, so there is nothing to measure: were the groups changed in the file?'
          : controlCustomers === 0
            ? 'The file has no control customers, so the treated group cannot be compared with anyone: were the control rows removed from the file?'
            : null;
  const message =
    unknown > 0
      ? `${read.message} ${plural(unknown, 'customer')} in the file ${unknown === 1 ? 'is' : 'are'} not in this workspace; their rows were left out.`
      : read.message;
  return { ...read, sends, message, treatedCustomers, controlCustomers, refusal };
}

/**
 * Reads the sends from the audience file or a send log, whichever the header shows; throws with
 * the columns looked for when it is neither, or when the file is not this pilot's. Sends that
 * cannot be measured come back with a refusal, with the rows left out.
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
  if (AUDIENCE_FILE_COLUMNS.every((c) => fields.includes(c))) return checked(db, readAudienceFile(text));
  if (sendLogColumns(header.map((h) => h.trim())) !== null)
    return checked(db, readLogFile(db, planId, plan, otherPlans, text, options));
  throw new Error(
    `This file is neither the pilot's audience file nor an email tool's send log. The audience file has the columns ${AUDIENCE_FILE_COLUMNS.join(', ')}; a send log needs ${SEND_LOG_COLUMNS_LOOKED_FOR}.`,
  );
}
