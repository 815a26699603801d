import { CFB, read, SSF, type CellObject } from '@e965/xlsx';
import type { SheetCell, WorkbookReader } from '../core/import/workbook';

/**
 * Reads Excel workbooks with SheetJS (see README: dependencies). Plain JavaScript over bytes, so it
 * runs alike in the Web Worker and in Node. Dates are stored as day numbers with a date format;
 * they come back as Dates whose UTC fields hold the date and time the sheet shows.
 */

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system is 30 December 1899 (it counts a 29 February 1900 that never was). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** Excel's error values by their stored code: written as Excel shows them, so the row is refused with them in view. */
const ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

export const xlsxWorkbookReader: WorkbookReader = {
  sheetNames(bytes) {
    const zip = CFB.read(bytes, { type: 'array' });
    if (!CFB.find(zip, '/xl/workbook.xml')) return null;
    return read(bytes, { type: 'array', bookSheets: true }).SheetNames;
  },
  readSheet(bytes, sheet, maxRows) {
    // Formatted text and HTML of every cell are not needed, and making them triples the time.
    const book = read(bytes, {
      type: 'array',
      sheets: sheet,
      dense: true,
      cellNF: true,
      cellText: false,
      cellHTML: false,
      sheetRows: maxRows ?? 0,
    });
    const epoch = book.Workbook?.WBProps?.date1904 ? EPOCH_1904 : EPOCH_1900;
    const data = (book.Sheets[sheet]?.['!data'] ?? []) as (CellObject | undefined)[][];
    const rows: SheetCell[][] = [];
    for (let r = 0; r < data.length; r++) rows.push(Array.from(data[r] ?? [], (cell) => cellValue(cell, epoch)));
    return rows;
  },
};

/** Whether a number format shows a date; a sheet has a few formats over many cells. */
const dateFormats = new Map<string, boolean>();
function isDateFormat(format: string): boolean {
  const known = dateFormats.get(format);
  if (known !== undefined) return known;
  const answer = SSF.is_date(format) === true;
  dateFormats.set(format, answer);
  return answer;
}

function cellValue(cell: CellObject | undefined, epoch: number): SheetCell {
  if (!cell || cell.v === undefined || cell.t === 'z') return null;
  if (cell.t === 'e') return ERRORS[Number(cell.v)] ?? '#ERROR';
  if (cell.t === 'd') return cell.v instanceof Date ? cell.v : new Date(String(cell.v));
  if (cell.t === 'n' && typeof cell.z === 'string' && isDateFormat(cell.z)) {
    // Whole seconds: a time of day is stored as a fraction of a day, which rarely comes out even.
    return new Date(Math.round((epoch + Number(cell.v) * DAY_MS) / 1000) * 1000);
  }
  return cell.v as string | number | boolean;
}
