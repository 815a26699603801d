import type { ImportKind } from './kinds';
import { proposeColumns } from './mapping';
import { looksLikeColumnNames } from './header-words';
import { isKnownHeader } from './synonyms';

/**
 * Works out the shape of a CSV file from a sample of its text: the separator, the line ends,
 * whether the first row names the columns, and what kind of data the columns hold.
 */

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** Two separators fit the sample equally well; `candidates` lists them and the user must pick. */
  ambiguous: boolean;
  candidates: Delimiter[];
  /** Every sampled row has the same number of cells (false for baskets and for messy files). */
  regular: boolean;
}

const SAMPLE_RECORDS = 50;

/** The first records of the sample, each as its raw text; a line break inside quotes stays inside. */
export function sampleRecords(text: string, limit = SAMPLE_RECORDS): string[] {
  const records: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 10 && !inQuotes) {
      if (text.slice(start, i).trim() !== '') records.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (records.length < limit && start < text.length && text.slice(start).trim() !== '') records.push(text.slice(start));
  return records;
}

function countOutsideQuotes(record: string, delimiter: string): number {
  let count = 0;
  let inQuotes = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === delimiter && !inQuotes) count++;
  }
  return count;
}

export function sniffDelimiter(records: readonly string[]): DelimiterGuess {
  const scored = DELIMITERS.map((delimiter) => {
    const counts = records.map((record) => countOutsideQuotes(record, delimiter));
    const first = counts[0] ?? 0;
    const same = counts.filter((n) => n === first).length / Math.max(1, counts.length);
    const present = counts.filter((n) => n > 0).length / Math.max(1, counts.length);
    const knownHeaders = splitSimple(records[0] ?? '', delimiter).filter(isKnownHeader).length;
    return { delimiter, first, same, present, knownHeaders };
  });

  const regular = scored
    .filter((s) => s.first > 0 && s.same >= 0.9)
    .sort((a, b) => b.same - a.same || b.knownHeaders - a.knownHeaders);
  if (regular.length > 0) {
    const best = regular[0];
    const tied = regular.filter((s) => s.same === best.same && s.knownHeaders === best.knownHeaders);
    return {
      delimiter: best.delimiter,
      ambiguous: tied.length > 1,
      candidates: tied.map((s) => s.delimiter),
      regular: true,
    };
  }
  const present = scored.filter((s) => s.present >= 0.5).sort((a, b) => b.present - a.present);
  // No separator at all: one column, which every row has.
  if (present.length === 0) return { delimiter: ',', ambiguous: false, candidates: [','], regular: true };
  return { delimiter: present[0].delimiter, ambiguous: false, candidates: [present[0].delimiter], regular: false };
}

function splitSimple(record: string, delimiter: string): string[] {
  return record.split(delimiter).map((cell) => cell.replace(/^"|"$/g, '').trim());
}

/**
 * A character other than our separators that splits every sampled line into the same number of
 * parts, when none of ours does: the sign of a file written with a separator we do not read.
 */
export function foreignSeparator(records: readonly string[]): string | null {
  if (records.length === 0) return null;
  for (const candidate of ['^', '~', '#', '¦']) {
    const counts = records.map((record) => record.split(candidate).length - 1);
    if (counts[0] > 0 && counts.every((n) => n === counts[0])) return candidate;
  }
  return null;
}

export type LineEnd = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

export function sniffLineEnd(text: string): LineEnd {
  const crlf = text.split('\r\n').length - 1;
  const cr = text.split('\r').length - 1 - crlf;
  const lf = text.split('\n').length - 1 - crlf;
  const kinds = [crlf > 0, cr > 0, lf > 0].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf > 0 ? 'crlf' : cr > 0 ? 'cr' : 'lf';
}

const NUMBER_LIKE = /^[-+]?[£$€]?\s*\d[\d.,\s]*%?$/;
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/;
const looksLikeData = (cell: string) => NUMBER_LIKE.test(cell.trim()) || DATE_LIKE.test(cell.trim());

/**
 * The first row names the columns when it holds no numbers or dates and either uses names we
 * know, reads as column names throughout, or sits above a column of numbers or dates.
 */
export function looksLikeHeader(first: readonly string[], rest: readonly (readonly string[])[]): boolean {
  if (first.some(looksLikeData)) return false;
  if (first.some(isKnownHeader) || looksLikeColumnNames(first)) return true;
  return first.some((cell, column) => {
    if (cell.trim() === '') return false;
    const below = rest.map((row) => row[column] ?? '').filter((value) => value.trim() !== '');
    return below.length > 0 && below.filter(looksLikeData).length >= below.length / 2;
  });
}

export interface HeaderNames {
  names: string[];
  /** Plain descriptions of the columns that had to be renamed (blank or repeated names). */
  renamed: string[];
}

/** Makes every column name non-blank and unique: "Column 3" for a blank one, "Price (2)" for a repeat. */
export function uniqueHeaderNames(cells: readonly string[]): HeaderNames {
  const names: string[] = [];
  const renamed: string[] = [];
  const used = new Set<string>();
  cells.forEach((cell, index) => {
    const original = cell.trim();
    let name = original || `Column ${index + 1}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${original} (${n})`;
    if (!original) renamed.push(`column ${index + 1} has no name, so it is called “${name}”`);
    else if (name !== original)
      renamed.push(`“${original}” appears more than once, so column ${index + 1} is called “${name}”`);
    used.add(name.toLowerCase());
    names.push(name);
  });
  return { names, renamed };
}

/** Column names for a file without a header row. */
export function positionalNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Column ${i + 1}`);
}

/** The kind of data the column names point to, or null when they do not say. */
export function detectKind(headers: readonly string[] | null, regular: boolean): ImportKind | null {
  if (!headers) return regular ? null : 'baskets';
  const flat = proposeColumns('order_lines_flat', headers);
  const hasOrder = flat.order_id !== undefined;
  const hasProduct = flat.product_id !== undefined;
  const hasCustomer = flat.customer_id !== undefined;
  const hasOrderDate = flat.ordered_at !== undefined;
  if (hasOrder && hasProduct) return hasCustomer || hasOrderDate ? 'order_lines_flat' : 'order_lines';
  if (hasOrder) return 'orders';
  const events = proposeColumns('events', headers);
  if (events.type !== undefined && (events.customer_id !== undefined || events.occurred_at !== undefined))
    return 'events';
  // Dated quantities of products are sales, even with nothing to group them by; never a product list.
  if (hasProduct && hasOrderDate && (hasCustomer || flat.quantity !== undefined)) return 'order_lines_flat';
  if (hasProduct) return 'products';
  if (hasCustomer) return 'customers';
  return null;
}
