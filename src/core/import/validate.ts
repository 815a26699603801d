import { keptPart, VALUE_LIMITS } from './field-limits';
import type { FieldName, ValueType } from './kinds';
import type { ResolvedField, ResolvedMapping } from './mapping';
import { rejectText } from './messages';
import type { RowProblem, SourceRow } from './read-rows';
import { DELIMITERS, type Delimiter } from './sniff';
import {
  isEmptyValue,
  looksLikeEmail,
  normaliseEmail,
  normaliseId,
  parseDate,
  parseDateTime,
  parseNumber,
  parseYesNo,
  type DayMonthOrder,
  type DecimalSeparator,
} from './values';
import type { WarningTally } from './warnings';

/** Turns the cells of one row into typed values, or says in plain words why the row cannot be used. */

export type RejectReason =
  | RowProblem
  | 'ragged_row'
  | 'missing_id'
  | 'missing_value'
  | 'bad_date'
  | 'bad_number'
  | 'bad_yes_no'
  | 'already_in_workspace';

export interface RowRejection {
  reason: RejectReason;
  message: string;
}

export interface RejectedRow extends RowRejection {
  row: number;
  /** The row's cells as read (the start of the raw text when they could not be split). */
  cells: string[];
}

export type FieldValue = string | number | null;
export type FieldValues = Partial<Record<FieldName, FieldValue>>;

export interface AcceptedRow {
  row: number;
  values: FieldValues;
  /** The columns no field reads, as a JSON object of the non-blank ones, or null. */
  extra: string | null;
  cells: string[];
}

export interface RowCheckSettings {
  mapping: ResolvedMapping;
  /** How many cells each row must have; null for baskets, whose lines differ in length. */
  columnCount: number | null;
  delimiter: Delimiter;
  dayMonthOrder: DayMonthOrder;
  decimalSeparator: DecimalSeparator;
  warnings: WarningTally;
}

export type RowCheck = { ok: true; row: AcceptedRow } | { ok: false; rejected: RejectedRow };

const PROBLEM_TEXT: Record<RowProblem, (row: number) => string> = {
  unclosed_quote: rejectText.unclosedQuote,
  row_too_long: rejectText.tooLong,
};

export function createRowChecker(settings: RowCheckSettings): (source: SourceRow) => RowCheck {
  const { mapping, columnCount, delimiter } = settings;
  // Flat exports repeat ids and dates line after line: the last value read per column is kept.
  const lastRaw: (string | null)[] = mapping.fields.map(() => null);
  const lastValue: FieldValue[] = mapping.fields.map(() => null);
  // Each row's values start as a copy of this object, so all rows share one shape (faster to fill).
  const blank: FieldValues = {};
  for (const field of mapping.fields) blank[field.spec.name] = null;
  const reject = (source: SourceRow, reason: RejectReason, message: string): RowCheck => ({
    ok: false,
    rejected: { row: source.row, reason, message, cells: source.cells },
  });

  return (source) => {
    if (source.problem) return reject(source, source.problem, PROBLEM_TEXT[source.problem](source.row));
    let cells = source.cells;
    if (columnCount !== null && cells.length !== columnCount) {
      // A trailing separator leaves blank cells past the last column; they hold nothing to lose.
      if (cells.length > columnCount && cells.slice(columnCount).every((cell) => cell.trim() === '')) {
        cells = cells.slice(0, columnCount);
      } else {
        const hint = otherSeparatorThatFits(cells, delimiter, columnCount);
        return reject(source, 'ragged_row', rejectText.ragged(source.row, cells.length, columnCount, hint));
      }
    }

    const values: FieldValues = { ...blank };
    for (let i = 0; i < mapping.fields.length; i++) {
      const field = mapping.fields[i];
      const raw = cells[field.index] ?? '';
      if (raw === lastRaw[i]) {
        values[field.spec.name] = lastValue[i];
        continue;
      }
      const shortenedBefore = settings.warnings.count('shortened_values');
      const result = readField(field, raw, source.row, settings);
      if (typeof result === 'object' && result !== null) return reject(source, result.reason, result.message);
      values[field.spec.name] = result;
      // A shortened value is read again on the next row, so each row's is counted.
      const shortened = settings.warnings.count('shortened_values') !== shortenedBefore;
      if (REPEATABLE.has(field.spec.type) && result !== null && !shortened) {
        lastRaw[i] = raw;
        lastValue[i] = result;
      }
    }
    return {
      ok: true,
      row: { row: source.row, values, extra: extraJson(mapping, cells, source.row, settings.warnings), cells },
    };
  };
}

/** Types whose reading depends only on the text (an email also counts a warning, so it is read every time). */
const REPEATABLE = new Set<ValueType>(['id', 'datetime', 'date', 'number', 'integer']);

function readField(
  field: ResolvedField,
  raw: string,
  row: number,
  settings: RowCheckSettings,
): FieldValue | RowRejection {
  const { spec, column } = field;
  switch (spec.type) {
    case 'id': {
      const id = normaliseId(raw);
      return id === '' ? missing(field, row) : keptPart(id, VALUE_LIMITS.id, row, settings.warnings);
    }
    case 'text': {
      const text = raw.trim();
      return text === '' ? missing(field, row) : keptPart(text, VALUE_LIMITS.text, row, settings.warnings);
    }
    case 'email': {
      const email = normaliseEmail(raw);
      if (email === '') return missing(field, row);
      if (!looksLikeEmail(email)) settings.warnings.add('invalid_email', row);
      return keptPart(email, VALUE_LIMITS.email, row, settings.warnings);
    }
    case 'datetime':
    case 'date': {
      if (isEmptyValue(raw)) return missing(field, row);
      const parse = spec.type === 'date' ? parseDate : parseDateTime;
      return (
        parse(raw, settings.dayMonthOrder) ?? { reason: 'bad_date', message: rejectText.badDate(row, raw, column) }
      );
    }
    case 'number':
    case 'integer': {
      if (isEmptyValue(raw)) return missing(field, row);
      const value = parseNumber(raw, settings.decimalSeparator);
      const whole = spec.type === 'integer';
      if (value === null || (whole && !Number.isInteger(value))) {
        return { reason: 'bad_number', message: rejectText.badNumber(row, raw, column, whole) };
      }
      return value;
    }
    case 'yes_no': {
      if (isEmptyValue(raw)) return missing(field, row);
      return parseYesNo(raw) ?? { reason: 'bad_yes_no', message: rejectText.badYesNo(row, raw, column) };
    }
  }
}

/** A blank cell: fine unless the field is required. */
function missing({ spec, column }: ResolvedField, row: number): FieldValue | RowRejection {
  if (!spec.required) return null;
  return {
    reason: spec.type === 'id' ? 'missing_id' : 'missing_value',
    message: rejectText.missing(row, spec.label, column),
  };
}

function extraJson(
  mapping: ResolvedMapping,
  cells: readonly string[],
  row: number,
  warnings: WarningTally,
): string | null {
  if (mapping.extras.length === 0) return null;
  let extra: Record<string, string> | null = null;
  for (const { name, index } of mapping.extras) {
    const value = cells[index];
    if (value === undefined || value.trim() === '') continue;
    (extra ??= {})[name] = keptPart(value, VALUE_LIMITS.extra, row, warnings);
  }
  return extra ? JSON.stringify(extra) : null;
}

/** A ragged row that splits into the right number of cells with another separator says so. */
function otherSeparatorThatFits(cells: readonly string[], delimiter: Delimiter, columnCount: number): string | null {
  const text = cells.join(delimiter);
  const other = DELIMITERS.find((d) => d !== delimiter && text.split(d).length === columnCount);
  if (!other) return null;
  return other === '\t' ? 'tabs' : other;
}
