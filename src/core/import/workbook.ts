import { fail, ok, type Result } from '../util/result';
import { isZipArchive } from './decode';
import { importFailure, type ImportFailure } from './failure';
import { bytesSource, type ByteSource } from './source';
import { someNames } from './messages';

/**
 * Excel workbooks (.xlsx) import as CSV files do: the chosen sheet is written out as CSV text and
 * goes through the same preview, mapping and load. The library that reads workbooks stays behind
 * `WorkbookReader`, so core knows nothing of it.
 */

/** A cell as the workbook holds it; a date is a Date whose UTC fields are the date and time shown. */
export type SheetCell = string | number | boolean | Date | null;

export interface WorkbookReader {
  /** The names of the sheets of an Excel workbook, in order; null when the bytes hold no Excel workbook. */
  sheetNames(bytes: Uint8Array): string[] | null;
  /** The rows of one sheet (only the first `maxRows` when given), each from column A. */
  readSheet(bytes: Uint8Array, sheet: string, maxRows?: number): SheetCell[][];
}

export interface WorkbookSheets {
  sheets: string[];
  /** The sheet read, as chosen or by default the first one with data. */
  sheet: string;
}

export interface OpenedFile {
  source: ByteSource;
  /** Set when the file is a workbook. */
  workbook: WorkbookSheets | null;
}

/**
 * The file as a CSV source: itself when it is not a ZIP container, or the chosen sheet of an Excel
 * workbook. Without a chosen sheet, `pickFirst` takes the first sheet with data (to preview it);
 * otherwise a workbook with data on several sheets asks which one to import.
 */
export async function openImportFile(
  source: ByteSource,
  reader: WorkbookReader,
  choice: { sheet?: string; pickFirst?: boolean } = {},
): Promise<Result<OpenedFile, ImportFailure>> {
  if (!isZipArchive(await source.read(0, Math.min(source.size, 4)))) return ok({ source, workbook: null });
  const bytes = await source.read(0, source.size);
  const sheets = readSheetNames(reader, bytes);
  // Not a workbook: the preview names the container and says how to get a CSV file.
  if (!sheets) return ok({ source, workbook: null });

  const sheet = choice.sheet ?? defaultSheet(reader, bytes, sheets, choice.pickFirst ?? false);
  if (typeof sheet !== 'string') return fail(sheet);
  if (!sheets.includes(sheet)) {
    return fail(chooseSheet(`This workbook has no sheet called “${sheet}”. Choose one of its sheets.`, sheets));
  }
  const text = sheetAsCsv(reader.readSheet(bytes, sheet));
  // The import history tells the sheets of one workbook apart.
  const name = sheets.length > 1 ? `${source.name} (${sheet})` : source.name;
  return ok({ source: bytesSource(name, new TextEncoder().encode(text)), workbook: { sheets, sheet } });
}

function readSheetNames(reader: WorkbookReader, bytes: Uint8Array): string[] | null {
  try {
    return reader.sheetNames(bytes);
  } catch {
    return null;
  }
}

/** The only sheet with data, the first one when previewing, or a question. */
function defaultSheet(
  reader: WorkbookReader,
  bytes: Uint8Array,
  sheets: string[],
  pickFirst: boolean,
): string | ImportFailure {
  if (sheets.length === 1) return sheets[0];
  const withData = sheets.filter((name) => reader.readSheet(bytes, name, 2).some((row) => !isBlank(row)));
  if (withData.length === 0)
    return importFailure('empty', 'Every sheet of this workbook is empty: there is nothing to import.');
  if (withData.length === 1 || pickFirst) return withData[0];
  return chooseSheet(
    `This workbook has ${withData.length} sheets with data: ${withData.map((s) => `“${s}”`).join(', ')}. Choose the sheet to import.`,
    sheets,
  );
}

function chooseSheet(message: string, sheets: string[]): ImportFailure {
  return { ...importFailure('choose_sheet', message, `Its sheets are: ${someNames(sheets)}.`), sheets };
}

const isBlank = (row: SheetCell[]) => row.every((cell) => cell === null || cell === '');

/**
 * The rows as CSV text, every row as wide as the widest. Blank rows above and below the table are
 * left out; blank rows inside it are kept (and skipped by the loader), so row numbers match the sheet.
 */
export function sheetAsCsv(rows: SheetCell[][]): string {
  let first = 0;
  while (first < rows.length && isBlank(rows[first])) first++;
  let last = rows.length;
  while (last > first && isBlank(rows[last - 1])) last--;
  const kept = rows.slice(first, last);
  const width = kept.reduce((widest, row) => Math.max(widest, row.length), 0);
  const lines = kept.map((row) => {
    const cells: string[] = [];
    for (let i = 0; i < width; i++) cells.push(csvText(cellText(row[i] ?? null)));
    return cells.join(',');
  });
  return lines.join('\n');
}

/** A cell as text: numbers plainly, dates as ISO dates (with the time when there is one). */
export function cellText(cell: SheetCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

const csvText = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
