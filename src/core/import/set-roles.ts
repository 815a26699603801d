import { importFailure, type ImportFailure } from './failure';
import { columnWords } from './header-words';
import type { ImportKind } from './kinds';
import type { ImportPreview } from './preview';
import { someNames } from './messages';

/**
 * What one file of a set is for, judged from its columns: data of a kind we import, an id → name
 * lookup that labels other files' codes, or a file cross-selling does not use (and why).
 */

export type SetFileRole =
  | { role: 'data'; kind: ImportKind }
  | { role: 'lookup'; key: string; label: string }
  /** `unreadable`: the file cannot be read as a table at all. */
  | { role: 'skipped'; reason: string; unreadable?: boolean };

/** Files that describe something other than who bought what: skipped, each with its reason. */
const NOT_USED: { reason: string; matches: (words: string[][], ownEntity: string | null) => boolean }[] = [
  {
    reason: 'payments (how orders were paid)',
    matches: (words) => mostly(words, ['payment', 'payments', 'installment', 'installments']),
  },
  {
    reason: 'reviews (what customers wrote about their orders)',
    matches: (words, own) => own === 'review' || mostly(words, ['review', 'comment']),
  },
  {
    reason: 'sellers (who sold the items)',
    matches: (_, own) => own !== null && ['seller', 'vendor', 'supplier', 'merchant', 'store'].includes(own),
  },
  {
    reason: 'geolocation (places on a map)',
    matches: (words) =>
      countWith(words, ['geolocation']) > 0 ||
      (countWith(words, ['lat', 'latitude']) > 0 && countWith(words, ['lng', 'lon', 'long', 'longitude']) > 0),
  },
  {
    reason: 'marketing leads (people who have not bought yet)',
    matches: (words, own) => (own !== null && ['mql', 'lead', 'sdr'].includes(own)) || countWith(words, ['lead']) > 0,
  },
  {
    reason: 'shipments (how orders were delivered)',
    matches: (words, own) => own === 'shipment' || mostly(words, ['tracking', 'carrier', 'shipment']),
  },
];

const CUSTOMER_WORDS = ['customer', 'client', 'user', 'member', 'buyer', 'shopper'];
const PERSON_WORDS = ['unique', 'person', 'master', 'global'];

export function setFileRole(preview: ImportPreview): SetFileRole {
  const words = preview.headers.map(columnWords);
  const productMapped = preview.mapping?.columns.product_id !== undefined;
  if (!preview.layout && !productMapped) {
    const own = ownEntity(preview.headers);
    const unused = NOT_USED.find((rule) => rule.matches(words, own));
    if (unused) return { role: 'skipped', reason: unused.reason };
  }
  if (preview.detectedKind) return { role: 'data', kind: preview.detectedKind };
  if (isLookup(preview)) return { role: 'lookup', key: preview.headers[0], label: preview.headers[1] };
  return {
    role: 'skipped',
    reason: 'its columns do not say what it holds (import it on its own to choose its columns)',
  };
}

/**
 * What a file on its own that only looks like data of a kind really is (a payments file has an
 * order number, so it reads as a list of orders), or null: told, rather than imported as phantom orders.
 */
export function notUsedReason(preview: ImportPreview): string | null {
  const role = setFileRole(preview);
  return role.role === 'skipped' && !role.unreadable && preview.detectedKind ? role.reason : null;
}

export function notUsedFailure(preview: ImportPreview): ImportFailure | null {
  const reason = notUsedReason(preview);
  if (!reason) return null;
  return importFailure(
    'kind_mismatch',
    `This file looks like ${reason}, which cross-selling does not use, so nothing was imported.`,
    `If it holds something else, say what it holds (in the review step, or with --as on the command line). Its columns are: ${someNames(preview.headers)}.`,
  );
}

/**
 * A customer list that names both the customer of each order and the person behind it (as
 * marketplaces do, giving every order its own customer number): the person's column, so a
 * customer's repeat purchases are seen as one customer's.
 */
export function personColumn(preview: ImportPreview): string | null {
  const mapped = preview.mapping?.columns.customer_id;
  return (
    preview.headers.find((header) => {
      const words = columnWords(header);
      return (
        header !== mapped &&
        words.some((w) => CUSTOMER_WORDS.includes(w)) &&
        words.some((w) => PERSON_WORDS.includes(w))
      );
    }) ?? null
  );
}

/**
 * Which column holds the time of purchase, when the mapping found none: among the columns
 * naming a time, the one about purchasing or placing the order, never a later step (approval,
 * payment, shipping, delivery, an estimate).
 */
export function purchaseTimeColumn(headers: readonly string[]): string | null {
  const later = [
    'approved',
    'approval',
    'paid',
    'shipped',
    'shipping',
    'delivered',
    'delivery',
    'carrier',
    'estimated',
    'limit',
    'updated',
    'cancelled',
    'canceled',
  ];
  const purchase = ['purchase', 'purchased', 'placed', 'ordered', 'created', 'bought'];
  const time = ['timestamp', 'date', 'time', 'at', 'datetime'];
  return (
    headers.find((header) => {
      const words = columnWords(header);
      return (
        words.some((w) => purchase.includes(w)) &&
        words.some((w) => time.includes(w)) &&
        !words.some((w) => later.includes(w))
      );
    }) ?? null
  );
}

/** Two columns, the first a code that no row repeats, the second its name. */
function isLookup(preview: ImportPreview): boolean {
  if (!preview.format.hasHeader || preview.headers.length !== 2) return false;
  const keys = preview.sampleRows.map((row) => (row[0] ?? '').trim()).filter((key) => key !== '');
  return keys.length > 0 && new Set(keys).size === keys.length;
}

/** What the file's first column identifies (“seller” for seller_id), or null when it is not an id. */
function ownEntity(headers: readonly string[]): string | null {
  const words = columnWords(headers[0] ?? '');
  return words.length >= 2 && words[words.length - 1] === 'id' ? words[words.length - 2] : null;
}

const countWith = (words: string[][], wanted: string[]) =>
  words.filter((header) => header.some((w) => wanted.includes(w))).length;

/** At least two columns, and a third of all, are about this: the file is about it, not just mentioning it. */
const mostly = (words: string[][], wanted: string[]) => {
  const n = countWith(words, wanted);
  return n >= 2 && n * 3 >= words.length;
};
