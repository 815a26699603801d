/**
 * Reading the values of one cell: dates, numbers, ids, emails and yes/no answers, as written in
 * real exports. Each parser returns null for a value it cannot read; the caller decides whether a
 * blank cell is allowed.
 */

/** Whether dates like 03/04/2024 put the day first (3 April) or the month first (March 4). */
export type DayMonthOrder = 'dmy' | 'mdy';
export type DecimalSeparator = '.' | ',';

/** Words that mean "no value" in a typed column. */
const EMPTY_WORDS = new Set(['', 'n/a', 'na', 'null', 'none', '-', '--', 'nan', '#n/a']);

export function isEmptyValue(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  if (first >= 48 && first <= 57) return false;
  return EMPTY_WORDS.has(text.trim().toLowerCase());
}

// ---- dates ----------------------------------------------------------------------------------

/** 2010-12-01, 2010-12-01 08:26:00, 2010-12-01T08:26, 2010/12/01 8:26:00.5+01:00, 2025-06-21 12:57:49 -0500 */
const YEAR_FIRST =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
/** 12/1/2010 8:26, 01/12/2010, 1.12.2010, 25-12-24 10:30 PM */
const DAY_OR_MONTH_FIRST =
  /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[T ,]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap]m)?)?$/i;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

function buildDateTime(
  year: number,
  month: number,
  day: number,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  meridiem?: string,
): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  let h = hour === undefined ? 0 : Number(hour);
  const m = minute === undefined ? 0 : Number(minute);
  const s = second === undefined ? 0 : Number(second);
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    const pm = meridiem.toLowerCase() === 'pm';
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || m > 59 || s > 59) return null;
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(h)}:${pad2(m)}:${pad2(s)}`;
}

/**
 * A date and time as 'YYYY-MM-DDTHH:MM:SS' (the clock time as written; a time zone suffix is
 * read but not applied), or null when the text is not a real date in a format we know.
 */
export function parseDateTime(text: string, order: DayMonthOrder): string | null {
  const iso = readIsoDateTime(text);
  if (iso !== null) return iso;
  const value = text.trim();
  let match = YEAR_FIRST.exec(value);
  if (match) {
    return buildDateTime(Number(match[1]), Number(match[2]), Number(match[3]), match[4], match[5], match[6]);
  }
  match = DAY_OR_MONTH_FIRST.exec(value);
  if (!match) return null;
  const first = Number(match[1]);
  const second = Number(match[2]);
  const [day, month] = order === 'dmy' ? [first, second] : [second, first];
  return buildDateTime(fullYear(match[3]), month, day, match[4], match[5], match[6], match[7]);
}

const digitAt = (text: string, at: number) => text.charCodeAt(at) - 48;
const twoDigits = (text: string, at: number) => digitAt(text, at) * 10 + digitAt(text, at + 1);
const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];

/**
 * The shape most exports use, 2010-12-01T08:26:00 or 2010-12-01 08:26:00, read without a regular
 * expression; null when the text has any other shape (the general reading then decides).
 */
function readIsoDateTime(text: string): string | null {
  if (text.length !== 19 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const separator = text.charCodeAt(10);
  if ((separator !== 84 && separator !== 32) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return null;
  for (const at of DIGIT_POSITIONS) if (digitAt(text, at) < 0 || digitAt(text, at) > 9) return null;
  // A year written with a leading zero is printed without it; the general reading handles that.
  if (text.charCodeAt(0) === 48) return null;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (twoDigits(text, 11) > 23 || twoDigits(text, 14) > 59 || twoDigits(text, 17) > 59) return null;
  // Built anew rather than returned as is: a piece of the file's text would keep all of it in memory.
  return `${text.slice(0, 10)}T${text.slice(11)}`;
}

/** A calendar date as 'YYYY-MM-DD' (for birthdays), or null. */
export function parseDate(text: string, order: DayMonthOrder): string | null {
  return parseDateTime(text, order)?.slice(0, 10) ?? null;
}

export interface DateFormatGuess {
  /** The order the sample proves, or null when it proves nothing (or holds no day/month dates). */
  order: DayMonthOrder | null;
  /** Every day/month date in the sample reads both ways, so the user has to choose. */
  ambiguous: boolean;
  /** Sampled values that are not dates in any format we know. */
  unreadable: number;
  /** A sampled value that reads both ways, to show when asking. */
  example: string | null;
}

/** Looks at sampled values of one column and works out how its dates are written. */
export function guessDateFormat(samples: readonly string[]): DateFormatGuess {
  let dayFirstProof = 0;
  let monthFirstProof = 0;
  let example: string | null = null;
  let unreadable = 0;
  for (const raw of samples) {
    const value = raw.trim();
    if (isEmptyValue(value) || YEAR_FIRST.test(value)) continue;
    const match = DAY_OR_MONTH_FIRST.exec(value);
    if (!match) {
      unreadable++;
      continue;
    }
    const first = Number(match[1]);
    const second = Number(match[2]);
    if (first > 12) dayFirstProof++;
    else if (second > 12) monthFirstProof++;
    else if (first !== second) example ??= value;
  }
  if (dayFirstProof || monthFirstProof) {
    return { order: dayFirstProof >= monthFirstProof ? 'dmy' : 'mdy', ambiguous: false, unreadable, example: null };
  }
  return { order: null, ambiguous: example !== null, unreadable, example };
}

// ---- numbers --------------------------------------------------------------------------------

const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
const CURRENCY_AND_SPACES = /[\s\u00a0\u202f£$€¥%]/g;
const DOT_THOUSANDS = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const COMMA_THOUSANDS = /^[-+]?\d{1,3}(?:\.\d{3})+(?:,\d*)?$/;

/**
 * A number written with a decimal point (1,234.56) or a decimal comma (1.234,56), with an optional
 * currency sign; null when the text is not a number.
 */
export function parseNumber(text: string, decimal: DecimalSeparator): number | null {
  if (PLAIN_NUMBER.test(text) && (decimal === '.' || !text.includes('.'))) return Number(text);
  let value = text.replace(CURRENCY_AND_SPACES, '');
  if (decimal === '.') {
    if (DOT_THOUSANDS.test(value)) value = value.replace(/,/g, '');
  } else {
    if (COMMA_THOUSANDS.test(value)) value = value.replace(/\./g, '');
    if (value.includes('.')) return null;
    value = value.replace(',', '.');
  }
  return PLAIN_NUMBER.test(value) ? Number(value) : null;
}

/**
 * Decides from sampled number cells whether the file writes decimals with a comma: "2,55" or
 * "1.234,5" prove a comma; "2.55" or "1,234.5" prove a point. "1,234" alone proves nothing.
 */
export function guessDecimalSeparator(samples: readonly string[]): DecimalSeparator {
  let comma = 0;
  let point = 0;
  for (const raw of samples) {
    const value = raw.replace(CURRENCY_AND_SPACES, '');
    if (/^[-+]?\d*,\d+$/.test(value) && !/^[-+]?\d{1,3},\d{3}$/.test(value)) comma++;
    else if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(value)) comma++;
    else if (/^[-+]?\d*\.\d+$/.test(value) && !/^[-+]?\d{1,3}\.\d{3}$/.test(value)) point++;
    else if (/^[-+]?\d{1,3}(,\d{3})+\.\d+$/.test(value)) point++;
  }
  return comma > point ? ',' : '.';
}

// ---- ids, emails, yes/no --------------------------------------------------------------------

/** "17850.0" (a number that went through a spreadsheet) becomes "17850"; other ids are only trimmed. */
export function normaliseId(text: string): string {
  const value = text.trim();
  return /^\d+\.0+$/.test(value) ? value.slice(0, value.indexOf('.')) : value;
}

export function normaliseEmail(text: string): string {
  return text.trim().toLowerCase();
}

export function looksLikeEmail(email: string): boolean {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email);
}

const YES = new Set(['yes', 'y', 'true', 't', '1', 'on', 'x']);
const NO = new Set(['no', 'n', 'false', 'f', '0', 'off']);

/** 1 for yes, 0 for no, null for anything else. */
export function parseYesNo(text: string): 0 | 1 | null {
  const value = text.trim().toLowerCase();
  if (YES.has(value)) return 1;
  if (NO.has(value)) return 0;
  return null;
}
