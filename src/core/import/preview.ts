import Papa from 'papaparse';
import { fail, ok, type Result } from '../util/result';
import { GROUP_BY_CUSTOMER_DAY, proposeGrouping } from './basket-grouping';
import { ChunkDecoder, describeBinaryFile, detectEncoding, type TextEncodingName } from './decode';
import { importFailure, type ImportFailure } from './failure';
import { KIND_FIELDS, type ImportKind } from './kinds';
import { prepareSampleRows, withAddedColumns, type ExportLayout, type LayoutSummary } from './layout';
import { keepSequenceIfItRepeats } from './order-sequence';
import { detectLayout } from './layouts';
import { proposeColumns, type ImportMapping } from './mapping';
import {
  detectKind,
  foreignSeparator,
  looksLikeHeader,
  positionalNames,
  sampleRecords,
  sniffDelimiter,
  sniffLineEnd,
  uniqueHeaderNames,
  type Delimiter,
  type DelimiterGuess,
  type LineEnd,
} from './sniff';
import type { ByteSource } from './source';
import {
  guessDateFormat,
  guessDecimalSeparator,
  type DateFormatGuess,
  type DayMonthOrder,
  type DecimalSeparator,
} from './values';
import { someNames } from './messages';

/**
 * The first look at a file, before anything is written: how it is encoded and laid out, what it
 * holds, and a proposed mapping the user can correct. Reads only the first megabyte.
 */

export interface FileFormat {
  encoding: TextEncodingName;
  delimiter: Delimiter;
  hasHeader: boolean;
}

export interface DateColumnGuess {
  column: string;
  guess: DateFormatGuess;
}

export interface ImportPreview {
  fileName: string;
  size: number;
  format: FileFormat;
  bom: boolean;
  lineEnd: LineEnd;
  delimiter: DelimiterGuess;
  /** Column names as used in mappings: blank and repeated names are made unique. */
  headers: string[];
  renamedColumns: string[];
  /** What the column names say the file holds, or null when they do not say. */
  detectedKind: ImportKind | null;
  /** The known export the column names match (e.g. Shopify's orders export), or null. */
  layout: LayoutSummary | null;
  /** Proposed mapping for the chosen kind (or the detected one); null when neither is known. */
  mapping: ImportMapping | null;
  dateColumns: DateColumnGuess[];
  /** Why the proposal groups lines by customer and day although a column looked like an order number, or null. */
  groupingReason: string | null;
  /** A separator we do not read that seems to split the lines (e.g. "^"), or null. */
  foreignSeparator: string | null;
  /** The first rows of data (up to 2,000), as read. */
  sampleRows: string[][];
}

const PREVIEW_BYTES = 1 << 20;
const SAMPLE_ROWS = 2000;

export interface PreviewOptions {
  /** The kind the user chose, to propose its mapping instead of the detected kind's. */
  kind?: ImportKind;
  /** The separator the user chose, instead of the one sniffed. */
  delimiter?: Delimiter;
  /** The sheet of an Excel workbook to look at (read by the engine before the preview). */
  sheet?: string;
  /** Whether the first row names the columns, when the user says so. */
  hasHeader?: boolean;
}

export async function previewImport(
  source: ByteSource,
  options: PreviewOptions = {},
): Promise<Result<ImportPreview, ImportFailure>> {
  if (source.size === 0) return fail(importFailure('empty', 'This file is empty: there is nothing to import.'));
  const wholeFile = source.size <= PREVIEW_BYTES;
  const head = await source.read(0, Math.min(source.size, PREVIEW_BYTES));
  const binary = describeBinaryFile(head, source.name);
  if (binary) {
    return fail(
      importFailure(
        'not_text',
        `This file cannot be imported. ${binary}`,
        'Save or export the data as CSV (comma-separated values) and import that file.',
      ),
    );
  }

  const detected = detectEncoding(head);
  const raw = new ChunkDecoder(detected.encoding).decode(head, wholeFile);
  if (raw.trim() === '' && wholeFile)
    return fail(importFailure('empty', 'This file holds only blank lines: there is nothing to import.'));
  const lineEnd = sniffLineEnd(raw);
  let text = raw.replace(/\r\n?/g, '\n');
  if (!wholeFile) {
    const lastLineEnd = text.lastIndexOf('\n');
    if (lastLineEnd === -1) {
      return fail(
        importFailure(
          'not_a_table',
          'This file does not look like a table: its first line runs on for more than a megabyte without a line break.',
          'A CSV file has one row per line. Check that this is the file you meant to import.',
        ),
      );
    }
    text = text.slice(0, lastLineEnd);
  }

  const records = sampleRecords(text);
  const sniffed = sniffDelimiter(records);
  const delimiter: DelimiterGuess = options.delimiter
    ? { delimiter: options.delimiter, ambiguous: false, candidates: [options.delimiter], regular: sniffed.regular }
    : sniffed;
  const rows = Papa.parse<string[]>(text, {
    delimiter: delimiter.delimiter,
    newline: '\n',
    quoteChar: '"',
    preview: SAMPLE_ROWS,
    skipEmptyLines: 'greedy',
  }).data;

  const hasHeader = options.hasHeader ?? (rows.length > 0 && looksLikeHeader(rows[0], rows.slice(1, 50)));
  const dataRows = hasHeader ? rows.slice(1) : rows;
  if (wholeFile && dataRows.length === 0) {
    return fail(
      importFailure(
        'no_rows',
        'This file has column names but no rows of data under them.',
        `Its columns are: ${someNames(rows[0] ?? [])}.`,
      ),
    );
  }
  const width = Math.max(0, ...rows.slice(0, 50).map((row) => row.length));
  const named = hasHeader ? uniqueHeaderNames(rows[0]) : { names: positionalNames(width), renamed: [] };
  const layout = hasHeader ? detectLayout(named.names) : null;
  const detectedKind = layout?.kind ?? detectKind(hasHeader ? named.names : null, delimiter.regular);
  const kind = options.kind ?? detectedKind;
  const headers = withAddedColumns(layout, named.names);
  const sampleRows = prepareSampleRows(layout, named.names, dataRows);
  const mapping = kind ? proposeMapping(kind, headers, sampleRows, layout) : null;

  return ok({
    fileName: source.name,
    size: source.size,
    format: { encoding: detected.encoding, delimiter: delimiter.delimiter, hasHeader },
    bom: detected.bom,
    lineEnd,
    delimiter,
    headers,
    renamedColumns: named.renamed,
    detectedKind,
    layout: layout ? { id: layout.id, label: layout.label } : null,
    mapping: mapping?.mapping ?? null,
    dateColumns: mapping?.dateColumns ?? [],
    groupingReason: mapping?.groupingReason ?? null,
    foreignSeparator: width <= 1 ? foreignSeparator(records) : null,
    sampleRows,
  });
}

/**
 * The mapping of a kind, with the date order and decimal separator its sampled values show: a
 * recognised export layout's own mapping when it holds that kind, else the synonym mapping.
 */
export function proposeMapping(
  kind: ImportKind,
  headers: readonly string[],
  sampleRows: readonly string[][],
  layout: ExportLayout | null = null,
): { mapping: ImportMapping; dateColumns: DateColumnGuess[]; groupingReason: string | null } {
  const layoutColumns = layout?.columnsFor(kind, headers) ?? null;
  const grouping =
    kind === 'order_lines_flat' && !layoutColumns
      ? proposeGrouping(proposeColumns(kind, headers), headers, sampleRows)
      : null;
  const columns =
    layoutColumns ?? grouping?.columns ?? keepSequenceIfItRepeats(proposeColumns(kind, headers), headers, sampleRows);
  const { dateColumns, dayMonthOrder, decimalSeparator } = readValueFormats({ kind, columns }, headers, sampleRows);
  const mapping: ImportMapping = { kind, columns, decimalSeparator };
  // What the dates prove wins (a spreadsheet may have rewritten them); else the layout's own order.
  const order = dayMonthOrder ?? (layoutColumns ? layout?.dayMonthOrder : undefined);
  if (order) mapping.dayMonthOrder = order;
  if (layout && layoutColumns) mapping.layout = layout.id;
  if (grouping?.grouped) mapping.groupBy = GROUP_BY_CUSTOMER_DAY;
  return { mapping, dateColumns, groupingReason: grouping?.reason ?? null };
}

/** How the mapped date and number columns write their values, judged from the sampled rows. */
export function readValueFormats(
  mapping: Pick<ImportMapping, 'kind' | 'columns'>,
  headers: readonly string[],
  sampleRows: readonly string[][],
): { dateColumns: DateColumnGuess[]; dayMonthOrder: DayMonthOrder | null; decimalSeparator: DecimalSeparator } {
  const valuesOf = (column: string) => {
    const index = headers.findIndex((name) => name.toLowerCase() === column.toLowerCase());
    return index === -1 ? [] : sampleRows.map((row) => row[index] ?? '');
  };
  const dateColumns: DateColumnGuess[] = [];
  const numbers: string[] = [];
  for (const spec of KIND_FIELDS[mapping.kind]) {
    const column = mapping.columns[spec.name];
    if (column === undefined) continue;
    if (spec.type === 'date' || spec.type === 'datetime')
      dateColumns.push({ column, guess: guessDateFormat(valuesOf(column)) });
    if (spec.type === 'number' || spec.type === 'integer') numbers.push(...valuesOf(column));
  }
  const dayMonthOrder = dateColumns.find((d) => d.guess.order !== null)?.guess.order ?? null;
  return { dateColumns, dayMonthOrder, decimalSeparator: guessDecimalSeparator(numbers) };
}
