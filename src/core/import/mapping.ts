import { z } from 'zod';
import { fail, ok, type Result } from '../util/result';
import { GROUP_BY_CUSTOMER_DAY, MAX_GROUP_DAYS } from './basket-grouping';
import { importFailure, type ImportFailure } from './failure';
import {
  FIELD_NAMES,
  IMPORT_KINDS,
  KIND_FIELDS,
  KIND_LABELS,
  type FieldName,
  type FieldSpec,
  type ImportKind,
} from './kinds';
import { LAYOUT_IDS, type LayoutId } from './layout';
import { normaliseHeader, synonymRank } from './synonyms';
import type { DayMonthOrder, DecimalSeparator } from './values';
import { someNames } from './messages';

/**
 * Which file column feeds which canonical field. Plain JSON, so a mapping can be saved as a preset
 * and applied to next month's export of the same system. Columns it does not name are kept as
 * extra attributes of each row.
 */
export interface ImportMapping {
  kind: ImportKind;
  /** Canonical field → the file's column name ("Column 3" in a file without a header row). */
  columns: Partial<Record<FieldName, string>>;
  /** How dates like 03/04/2024 are read; needed only when the file leaves it open. */
  dayMonthOrder?: DayMonthOrder;
  decimalSeparator?: DecimalSeparator;
  /** A known export layout (e.g. Shopify's orders export) whose rows are prepared before reading. */
  layout?: LayoutId;
  /**
   * Order lines without an order number: 'customer-day' makes each customer's purchases of one
   * day (or of `groupDays` days) one order. Lines with a blank order number are grouped so anyway.
   */
  groupBy?: typeof GROUP_BY_CUSTOMER_DAY;
  /** The length of the grouping period in days, 1 (the default) to 7. */
  groupDays?: number;
  /** false keeps product codes that differ only in letter case or spaces (84997c, 84997C) apart; they are merged by default. */
  mergeCaseVariants?: boolean;
}

export const importMappingSchema = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    columns: z.partialRecord(z.enum(FIELD_NAMES), z.string().min(1)),
    dayMonthOrder: z.enum(['dmy', 'mdy']).optional(),
    decimalSeparator: z.enum(['.', ',']).optional(),
    layout: z.enum(LAYOUT_IDS).optional(),
    groupBy: z.literal(GROUP_BY_CUSTOMER_DAY).optional(),
    groupDays: z.number().int().min(1).max(MAX_GROUP_DAYS).optional(),
    mergeCaseVariants: z.boolean().optional(),
  })
  .strict();

/** The mapping with its lines grouped by customer and `days` days (no longer by an order-number column), or, with null, not grouped. */
export function withGrouping(mapping: ImportMapping, days: number | null): ImportMapping {
  const { groupBy: _groupBy, groupDays: _groupDays, ...rest } = mapping;
  if (days === null) return rest;
  const { order_id: _orderNumber, ...columns } = mapping.columns;
  return { ...rest, columns, groupBy: GROUP_BY_CUSTOMER_DAY, ...(days > 1 ? { groupDays: days } : {}) };
}

/** Pre-fills the columns of a kind from the file's column names, strongest synonym first. */
export function proposeColumns(kind: ImportKind, headers: readonly string[]): Partial<Record<FieldName, string>> {
  const fields = KIND_FIELDS[kind];
  const keys = headers.map(normaliseHeader);
  const matches: { field: FieldSpec; fieldOrder: number; header: number; rank: number }[] = [];
  fields.forEach((field, fieldOrder) => {
    keys.forEach((key, header) => {
      const rank = synonymRank(field.name, key);
      if (rank >= 0) matches.push({ field, fieldOrder, header, rank });
    });
  });
  matches.sort((a, b) => a.rank - b.rank || a.fieldOrder - b.fieldOrder || a.header - b.header);

  const columns: Partial<Record<FieldName, string>> = {};
  const usedHeaders = new Set<number>();
  for (const { field, header } of matches) {
    if (columns[field.name] !== undefined || usedHeaders.has(header)) continue;
    columns[field.name] = headers[header];
    usedHeaders.add(header);
  }
  return columns;
}

export interface ResolvedField {
  spec: FieldSpec;
  /** The file's column name. */
  column: string;
  index: number;
}

/** A mapping checked against one file's columns, ready for reading rows. */
export interface ResolvedMapping {
  kind: ImportKind;
  fields: ResolvedField[];
  /** Columns no field reads: kept as extra attributes. */
  extras: { name: string; index: number }[];
  /** A flat file without order numbers: each customer's lines of this many days form an order; else null. */
  groupDays: number | null;
  /** Product codes that differ only in letter case or spaces and share a name become one product. */
  mergeCaseVariants: boolean;
}

export function resolveMapping(
  mapping: ImportMapping,
  headers: readonly string[],
): Result<ResolvedMapping, ImportFailure> {
  const specs = KIND_FIELDS[mapping.kind];
  const indexOf = new Map(headers.map((name, index) => [name.toLowerCase(), index]));
  const fields: ResolvedField[] = [];
  for (const [name, column] of Object.entries(mapping.columns) as [FieldName, string][]) {
    const spec = specs.find((s) => s.name === name);
    if (!spec) {
      return fail(
        importFailure(
          'bad_mapping',
          `The mapping names a field “${name}”, which ${KIND_LABELS[mapping.kind]} does not have.`,
        ),
      );
    }
    const index = indexOf.get(column.toLowerCase());
    if (index === undefined) {
      return fail(
        importFailure(
          'missing_columns',
          `The mapping reads the ${spec.label} from a column “${column}”, but this file has no such column.`,
          `The file's columns are: ${someNames(headers)}.`,
        ),
      );
    }
    fields.push({ spec, column: headers[index], index });
  }

  const mapped = new Set(fields.map((field) => field.spec.name));
  const grouped = mapping.groupBy !== undefined || !mapped.has('order_id');
  const canGroup = mapping.kind === 'order_lines_flat' && mapped.has('customer_id') && mapped.has('ordered_at');
  if (mapping.groupBy !== undefined && (mapped.has('order_id') || !canGroup)) return fail(groupingMisfit(mapping));
  const groupDays = grouped && canGroup ? (mapping.groupDays ?? 1) : null;
  const missing = specs.filter(
    (spec) => spec.required && !mapped.has(spec.name) && !(spec.name === 'order_id' && groupDays !== null),
  );
  if (missing.length > 0) {
    const noOrderNumber = mapping.kind !== 'orders' && missing.some((spec) => spec.name === 'order_id');
    return fail(
      importFailure(
        noOrderNumber ? 'no_order_number' : 'missing_columns',
        `We could not find a column for the ${missing.map((s) => s.label).join(' or the ')}, which ${KIND_LABELS[mapping.kind]} needs. Choose the column that holds it.`,
        `The file's columns are: ${someNames(headers)}.${noOrderNumber ? ` ${WITHOUT_ORDER_NUMBER}` : ''}`,
      ),
    );
  }

  const used = new Set(fields.map((field) => field.index));
  const extras = headers.map((name, index) => ({ name, index })).filter(({ index }) => !used.has(index));
  fields.sort((a, b) => specs.indexOf(a.spec) - specs.indexOf(b.spec));
  return ok({ kind: mapping.kind, fields, extras, groupDays, mergeCaseVariants: mapping.mergeCaseVariants !== false });
}

const WITHOUT_ORDER_NUMBER =
  'If the file has no order number but names the customer and the date on every line, import it as order lines with the order details on each line, grouped by customer and day.';

function groupingMisfit(mapping: ImportMapping): ImportFailure {
  return importFailure(
    'bad_mapping',
    mapping.columns.order_id !== undefined
      ? `The mapping both reads order numbers from “${mapping.columns.order_id}” and groups the lines by customer and day. Choose one.`
      : `Grouping by customer and day needs ${KIND_LABELS.order_lines_flat}, with a column for the customer number and one for the order date.`,
  );
}
