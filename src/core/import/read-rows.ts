import Papa from 'papaparse';
import { ChunkDecoder, type TextEncodingName } from './decode';
import type { Delimiter } from './sniff';
import type { ByteSource } from './source';

/**
 * Reads a CSV file as rows, one chunk of bytes at a time: decode, normalise line ends, and let
 * papaparse's parser split the complete rows while the unfinished last row waits for the next
 * chunk. Rows are numbered as a spreadsheet numbers them (the first row of the file is row 1, a
 * cell with a line break inside quotes does not start a new row).
 */

/** A row that could not be split into cells the CSV way. */
export type RowProblem = 'unclosed_quote' | 'row_too_long';

export interface SourceRow {
  row: number;
  cells: string[];
  /** Set when the cells cannot be trusted; `cells` then holds the start of the raw text. */
  problem?: RowProblem;
}

export interface RowBatch {
  /** The rows of one chunk, split as they are read: go through them before asking for the next batch. */
  rows: Iterable<SourceRow>;
  /** Bytes of the file read so far, for progress. */
  bytesRead: number;
}

export interface ReadOptions {
  chunkBytes?: number;
  /** Longer rows are rejected: far beyond any real row, and a sign of a broken quote. */
  maxRowChars?: number;
}

const DEFAULT_CHUNK_BYTES = 1 << 20;
/**
 * A chunk is split into rows this many characters at a time. The rows of a whole chunk, alive at
 * once, would outgrow the garbage collector's young generation, which then copies them over and
 * over; a few thousand rows at a time are dealt with and gone before it runs.
 */
const PIECE_CHARS = 1 << 16;
const MAX_ROW_CHARS = 1_000_000;
const SHOWN_CHARS = 200;

interface ParseResult {
  data: string[][];
  errors: { code: string; row: number }[];
  meta: { cursor: number };
}

export class RowReader {
  private readonly decoder: ChunkDecoder;
  private readonly parser: InstanceType<typeof Papa.Parser>;
  private readonly chunkBytes: number;
  private readonly maxRowChars: number;
  private nextRow = 1;
  private partial = '';
  private pendingCr = false;
  private skippingLongRow = false;

  constructor(
    private readonly source: ByteSource,
    encoding: TextEncodingName,
    private readonly delimiter: Delimiter,
    options: ReadOptions = {},
  ) {
    this.decoder = new ChunkDecoder(encoding);
    this.parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
    this.chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    this.maxRowChars = options.maxRowChars ?? MAX_ROW_CHARS;
  }

  /** The encoding actually used (UTF-8 can turn out to be Windows-1252 further down the file). */
  get encoding(): TextEncodingName {
    return this.decoder.encoding;
  }

  get linesReadAsWindows1252(): number {
    return this.decoder.linesReadAsWindows1252;
  }

  async *batches(): AsyncGenerator<RowBatch> {
    const { size } = this.source;
    for (let start = 0; start < size; start += this.chunkBytes) {
      const end = Math.min(size, start + this.chunkBytes);
      const final = end === size;
      const text = this.decoder.decode(await this.source.read(start, end), final);
      yield { rows: this.rowsOf(this.normaliseLineEnds(text, final), final), bytesRead: end };
    }
  }

  private *rowsOf(text: string, final: boolean): Generator<SourceRow> {
    let at = 0;
    do {
      const piece = text.slice(at, at + PIECE_CHARS);
      at += PIECE_CHARS;
      yield* this.take(piece, final && at >= text.length);
    } while (at < text.length);
  }

  /** CRLF and lone CR become LF; a CR at the end of a chunk waits, as its LF may start the next one. */
  private normaliseLineEnds(text: string, final: boolean): string {
    let value = this.pendingCr ? `\r${text}` : text;
    this.pendingCr = !final && value.endsWith('\r');
    if (this.pendingCr) value = value.slice(0, -1);
    return value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
  }

  private take(text: string, final: boolean): SourceRow[] {
    const rows: SourceRow[] = [];
    let input = text;
    if (this.skippingLongRow) {
      const newline = input.indexOf('\n');
      if (newline === -1) return rows;
      input = input.slice(newline + 1);
      this.skippingLongRow = false;
    }
    let buffer = this.partial + input;
    this.partial = '';
    // The line break at the very end of a file closes its last row; it does not open another.
    if (final && buffer.endsWith('\n')) buffer = buffer.slice(0, -1);
    for (;;) {
      const result = this.parse(buffer, !final);
      const broken = firstUnclosedQuote(result);
      this.collect(result.data, broken === -1 ? result.data.length : broken, rows);
      if (broken !== -1) {
        // A quote that never closed swallowed the lines after it: refuse its first line only and
        // read on from the next one.
        const start = broken === 0 ? 0 : this.endOfRows(buffer, broken);
        const newline = buffer.indexOf('\n', start);
        rows.push(this.problemRow('unclosed_quote', buffer.slice(start, newline === -1 ? undefined : newline)));
        if (newline === -1) return rows;
        buffer = buffer.slice(newline + 1);
        continue;
      }
      if (final) return rows;
      const rest = buffer.slice(result.meta.cursor);
      if (rest.length <= this.maxRowChars) {
        this.partial = rest;
        return rows;
      }
      const newline = rest.indexOf('\n');
      if (newline === -1) {
        rows.push(this.problemRow('row_too_long', rest));
        this.skippingLongRow = true;
        return rows;
      }
      // Still no end of row after a million characters: a quote opened and never closed.
      rows.push(this.problemRow('unclosed_quote', rest.slice(0, newline)));
      buffer = rest.slice(newline + 1);
    }
  }

  private parse(text: string, ignoreLastRow: boolean): ParseResult {
    return this.parser.parse(text, 0, ignoreLastRow) as ParseResult;
  }

  /** Where the row after the first `count` rows of `text` starts. */
  private endOfRows(text: string, count: number): number {
    const parser = new Papa.Parser({ delimiter: this.delimiter, newline: '\n', quoteChar: '"', preview: count });
    return (parser.parse(text, 0, false) as ParseResult).meta.cursor;
  }

  private collect(data: string[][], count: number, rows: SourceRow[]): void {
    for (let i = 0; i < count; i++) {
      const cells = data[i];
      const row = this.nextRow++;
      if (rowLength(cells) > this.maxRowChars)
        rows.push({ row, cells: [shorten(cells.join(','))], problem: 'row_too_long' });
      else rows.push({ row, cells });
    }
  }

  private problemRow(problem: RowProblem, text: string): SourceRow {
    return { row: this.nextRow++, cells: [shorten(text)], problem };
  }
}

/**
 * The first row whose quote did not close where it should and that runs over a line break: the
 * sign of a quote left open. (A stray quote inside one line, like 5" screen, is read as written.)
 */
function firstUnclosedQuote(result: ParseResult): number {
  for (const error of result.errors) {
    if (error.code !== 'MissingQuotes' && error.code !== 'InvalidQuotes') continue;
    const cells = result.data[error.row];
    if (cells && cells.some((cell) => cell.includes('\n'))) return error.row;
  }
  return -1;
}

/** Every cell is empty or white space. */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) {
    if (cell.length === 0) continue;
    // Most cells start with a visible ASCII character: no need to trim them to know.
    const first = cell.charCodeAt(0);
    if ((first > 32 && first < 127) || cell.trim() !== '') return false;
  }
  return true;
}

function rowLength(cells: string[]): number {
  let length = 0;
  for (const cell of cells) length += cell.length;
  return length;
}

function shorten(text: string): string {
  return text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
}
