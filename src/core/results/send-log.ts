import Papa from 'papaparse';
import { normaliseEmail, parseDateTime } from '../import/values';
import { problemList } from './pilot-sends';

/**
 * An email tool's own send log, the second way to tell the app who a pilot was sent to: one row
 * per recipient, or per recipient and event (sent, opened, clicked, bounced, unsubscribed), as
 * Mailchimp-like, Klaviyo-like and plain exports write it. Columns are recognised by common
 * header names, ignoring case, spaces and punctuation. Recipients are matched to customers by
 * email (trimmed, lower-cased, as the import stores it).
 *
 * Every recognised event means the message was sent to the recipient, so a recipient is treated
 * from their first row; the send time is the first row that records a send or delivery (the first
 * row of any kind when the log has none for them). A bounce keeps the recipient in the treated
 * group: the pilot meant to send to them, and dropping them would leave the group chosen by how
 * deliverable an address is (intention to treat); bounces are counted and reported instead.
 * Times are read as written, year first (ISO 8601 or YYYY-MM-DD HH:MM[:SS]); a time zone suffix is
 * read but not applied, as everywhere in the app.
 */

/** What a row of the log records: a send, something the recipient did with it, a bounce, an unsubscribe. */
export type LogActivity = 'sent' | 'engaged' | 'bounced' | 'unsubscribed';

export interface SendLogColumns {
  email: string;
  time: string;
  activity: string | null;
  variant: string | null;
}

export interface LogRecipient {
  customerId: string;
  /** Local time 'YYYY-MM-DDTHH:MM:SS' of the first send. */
  sentAt: string;
  bounced: boolean;
  unsubscribedAt: string | null;
  /** 'A' or 'B' when a column names one of the plan's variants; null otherwise. */
  variant: string | null;
}

export interface ReadSendLog {
  recipients: LogRecipient[];
  /** Customers the log sent to whom the plan's pilot did not put in its treated group. */
  outsiders: number;
  rowsRead: number;
  /** Rows that were read but name no recipient the app can use (unknown email, unreadable time, …). */
  rowsLeftOut: number;
  problems: string[];
}

/** Header names each column is recognised by, after removing case, spaces and punctuation; the first found wins. */
const SYNONYMS: Record<keyof SendLogColumns, readonly string[]> = {
  email: [
    'email',
    'emailaddress',
    'recipient',
    'recipientemail',
    'recipientaddress',
    'subscriberemail',
    'profileemail',
    'toaddress',
  ],
  time: [
    'sendtime',
    'senttime',
    'sentat',
    'sendat',
    'senddate',
    'sentdate',
    'datesent',
    'timesent',
    'senton',
    'senddateutc',
    'sentdateutc',
    'sendtimeutc',
    'senttimeutc',
    'timestamp',
    'timestamputc',
    'eventtimestamp',
    'datetime',
    'eventtime',
    'eventdate',
    'activitytime',
    'activitydate',
    'deliveredat',
    'createdat',
    'date',
    'time',
    'sent',
  ],
  activity: ['activity', 'action', 'event', 'eventname', 'eventtype', 'metric', 'metricname', 'status'],
  variant: [
    'variant',
    'variation',
    'abvariant',
    'testvariant',
    'version',
    'subject',
    'subjectline',
    'campaign',
    'campaignname',
  ],
};

/** The columns a send log needs, in words, for the message when a file has neither kind of header. */
export const SEND_LOG_COLUMNS_LOOKED_FOR =
  'an email column (Email, Email Address) and a time column (Send Time, Sent At, Timestamp, Date)';

const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The log's columns among the file's header names; null when there is no email or no time column. */
export function sendLogColumns(fields: readonly string[]): SendLogColumns | null {
  const byKey = new Map<string, string>();
  for (const field of fields) if (!byKey.has(headerKey(field))) byKey.set(headerKey(field), field);
  const find = (column: keyof SendLogColumns) =>
    SYNONYMS[column].map((key) => byKey.get(key)).find((field) => field !== undefined) ?? null;
  const email = find('email');
  const time = find('time');
  return email === null || time === null ? null : { email, time, activity: find('activity'), variant: find('variant') };
}

/** The kind of a row's activity or event text; a blank one is a plain send. Null for text that is none of them. */
export function logActivity(text: string): LogActivity | null {
  const value = text.trim().toLowerCase();
  if (value === '') return 'sent';
  if (/unsub|opt.?out/.test(value)) return 'unsubscribed';
  // "Not sent", "not delivered", "wasn't delivered": a send that failed, as a bounce is.
  if (/\bnot\b|\bnever\b|n't\b/.test(value)) return 'bounced';
  if (/bounc|fail|drop|reject|undeliver|block/.test(value)) return 'bounced';
  if (/open|click|view|spam|complain|forward|repl/.test(value)) return 'engaged';
  if (/sen[dt]|deliver|receiv|process/.test(value)) return 'sent';
  return null;
}

/** Only times written year first are read: whether 03/11 is the 3rd of November or March 11 cannot be told from a log. */
const YEAR_FIRST = /^\d{4}[-/.]/;

/** 'A' or 'B' when the cell names one (alone or at its end, as in "Routine – B"), else null. */
function variantOf(cell: string | undefined): string | null {
  const match = /(?:^|[\s_\-–(])([ab])\)?$/i.exec(cell?.trim() ?? '');
  return match ? match[1].toUpperCase() : null;
}

type Row = Partial<Record<string, string>>;

/** The address in a cell written as "Name <address>", as some tools export recipients; else the cell. */
const addressIn = (cell: string) => /<([^<>]+)>\s*$/.exec(cell)?.[1] ?? cell;

export interface SendLogOptions {
  /** The customer with this email (trimmed, lower-cased); null when none or several have it. */
  customerOf: (email: string) => string | null;
  /** The customer's group in the plan's pilot as drawn; null when the pilot did not draw them. */
  pilotGroupOf: (customerId: string) => 'treatment' | 'control' | null;
  /** Whether the plan tests variants A and B; without a test every variant is left null. */
  hasVariants: boolean;
}

/**
 * Reads a send log; throws when the file has no email or no time column. Only recipients the
 * plan's pilot put in its treated group are kept: the control group is drawn from the same
 * customers, so others would not compare fairly, and a recipient from the hold-out stays in
 * control as drawn (their rows are left out and reported).
 */
export function readSendLog(text: string, options: SendLogOptions): ReadSendLog {
  const parsed = Papa.parse<Row>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim(),
  });
  const columns = sendLogColumns(parsed.meta.fields ?? []);
  if (columns === null)
    throw new Error(`This is not an email tool's send log: it needs ${SEND_LOG_COLUMNS_LOOKED_FOR}.`);

  const { problems, report } = problemList();
  let rowsLeftOut = 0;
  const leaveOut = (line: number, message: string) => {
    rowsLeftOut++;
    report(line, message);
  };
  const outsiders = new Set<string>();
  const byCustomer = new Map<string, LogRecipient & { firstSend: string | null }>();
  parsed.data.forEach((row, index) => {
    const line = index + 2;
    const email = normaliseEmail(addressIn(row[columns.email] ?? ''));
    const rawTime = row[columns.time]?.trim() ?? '';
    const activityText = columns.activity === null ? '' : (row[columns.activity] ?? '');
    if (email === '') return leaveOut(line, 'there is no email address, so the row was left out.');
    const customerId = options.customerOf(email);
    if (customerId === null)
      return leaveOut(line, `no single customer has the email ${email}, so the row was left out.`);
    const group = options.pilotGroupOf(customerId);
    if (group !== 'treatment') {
      rowsLeftOut++;
      if (outsiders.has(customerId)) return;
      outsiders.add(customerId);
      return report(
        line,
        group === 'control'
          ? `customer ${customerId} (${email}) is in the plan's control group, so their rows were left out; they stay in the control group as drawn.`
          : `customer ${customerId} (${email}) is not among the plan's pilot customers, so their rows were left out: only customers drawn from the same audience as the control group compare fairly.`,
      );
    }
    const at = YEAR_FIRST.test(rawTime) ? parseDateTime(rawTime.replace(/\s+(UTC|GMT)$/i, ''), 'dmy') : null;
    if (at === null)
      return leaveOut(
        line,
        `the time “${rawTime}” is not understood; write it year first, as 2026-11-03 09:00 or 2026-11-03T09:00:00Z.`,
      );
    const activity = logActivity(activityText);
    if (activity === null)
      return leaveOut(
        line,
        `the activity “${activityText.trim()}” is not one this app reads (a send, delivery, open, click, bounce or unsubscribe).`,
      );

    let recipient = byCustomer.get(customerId);
    if (!recipient)
      byCustomer.set(
        customerId,
        (recipient = { customerId, sentAt: at, firstSend: null, bounced: false, unsubscribedAt: null, variant: null }),
      );
    if (at < recipient.sentAt) recipient.sentAt = at;
    if (activity === 'sent' && (recipient.firstSend === null || at < recipient.firstSend)) recipient.firstSend = at;
    if (activity === 'bounced') recipient.bounced = true;
    if (activity === 'unsubscribed' && (recipient.unsubscribedAt === null || at < recipient.unsubscribedAt))
      recipient.unsubscribedAt = at;
    if (options.hasVariants && columns.variant !== null) recipient.variant ??= variantOf(row[columns.variant]);
  });
  const recipients = [...byCustomer.values()].map(({ firstSend, ...recipient }) => ({
    ...recipient,
    sentAt: firstSend ?? recipient.sentAt,
  }));
  return { recipients, outsiders: outsiders.size, rowsRead: parsed.data.length, rowsLeftOut, problems };
}
