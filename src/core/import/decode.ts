/**
 * Bytes to text. Files come as UTF-8 (with or without a byte order mark), as UTF-16 from some
 * Windows tools, or as Windows-1252 from older Excel versions; the encoding is worked out from the
 * first bytes and then applied chunk by chunk, so a character split across two chunks survives.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** The file starts with a byte order mark (it is not part of the text). */
  bom: boolean;
}

export function detectEncoding(head: Uint8Array): DetectedEncoding {
  const [b0, b1, b2] = head;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bom: true };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bom: true };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bom: false };
  const { valid, invalid } = utf8Evidence(head);
  return { encoding: invalid > 0 && valid <= invalid ? 'windows-1252' : 'utf-8', bom: false };
}

/**
 * Characters beyond ASCII that read as UTF-8, and bytes that do not. A Windows-1252 file has
 * almost only the second kind; a UTF-8 file with a few pasted Windows lines has mostly the first.
 */
function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, bytes.length - incompleteUtf8Tail(bytes)));
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) invalid++;
    else if (code > 0x7f) valid++;
  }
  return { valid, invalid };
}

/** Mostly-ASCII UTF-16 text has a zero in every other byte. */
function utf16WithoutBom(head: Uint8Array): TextEncodingName | null {
  const pairs = Math.min(256, head.length >> 1);
  if (pairs < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** How many bytes at the end of `bytes` begin a UTF-8 character that is not complete yet. */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(4, n); back++) {
    const byte = bytes[n - back];
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/**
 * Decodes a file chunk by chunk. UTF-8 is checked strictly: when bytes turn out not to be UTF-8
 * before any non-ASCII character was seen, the whole file is Windows-1252 (ASCII reads the same
 * in both, so nothing decoded so far changes). When valid UTF-8 was seen too, the file mixes
 * encodings: each line that is not UTF-8 is read as Windows-1252 and counted.
 */
export class ChunkDecoder {
  private current: TextEncodingName;
  private readonly strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly windows1252 = new TextDecoder('windows-1252');
  private readonly utf16: TextDecoder | null;
  private pending: Uint8Array = new Uint8Array(0);
  private atStart = true;
  private sawNonAscii = false;
  private mixedLines = 0;

  constructor(encoding: TextEncodingName) {
    this.current = encoding;
    this.utf16 = encoding === 'utf-16le' || encoding === 'utf-16be' ? new TextDecoder(encoding) : null;
  }

  /** The encoding in use, which can turn from UTF-8 to Windows-1252 as described above. */
  get encoding(): TextEncodingName {
    return this.current;
  }

  /** Lines of a UTF-8 file that were not UTF-8 and were read as Windows-1252. */
  get linesReadAsWindows1252(): number {
    return this.mixedLines;
  }

  decode(chunk: Uint8Array, final = false): string {
    if (this.utf16) return this.utf16.decode(chunk, { stream: !final });
    let bytes = concat(this.pending, chunk);
    this.pending = new Uint8Array(0);
    // Held-back bytes of a file that turned out to be Windows-1252 are plain characters too.
    if (this.current === 'windows-1252') return this.windows1252.decode(bytes);

    if (this.atStart) {
      if (bytes.length < 3 && !final) {
        this.pending = bytes.slice();
        return '';
      }
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      this.atStart = false;
    }
    const keep = final ? 0 : incompleteUtf8Tail(bytes);
    const complete = bytes.subarray(0, bytes.length - keep);
    this.pending = bytes.slice(bytes.length - keep);
    return this.decodeUtf8(complete);
  }

  private decodeUtf8(bytes: Uint8Array): string {
    try {
      const text = this.strictUtf8.decode(bytes);
      if (text.length !== bytes.length) this.sawNonAscii = true;
      return text;
    } catch {
      const { valid, invalid } = utf8Evidence(bytes);
      if (!this.sawNonAscii && valid <= invalid) {
        this.current = 'windows-1252';
        return this.windows1252.decode(bytes);
      }
      this.sawNonAscii = true;
      return this.decodeLineByLine(bytes);
    }
  }

  private decodeLineByLine(bytes: Uint8Array): string {
    const parts: string[] = [];
    let start = 0;
    while (start < bytes.length) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline === -1 ? bytes.length : newline + 1;
      const line = bytes.subarray(start, end);
      try {
        parts.push(this.strictUtf8.decode(line));
      } catch {
        parts.push(this.windows1252.decode(line));
        this.mixedLines++;
      }
      start = end;
    }
    return parts.join('');
  }
}

/** A ZIP container: an archive, or a document made of one (.xlsx, .ods, .numbers …). */
export function isZipArchive(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05 || head[2] === 0x07);
}

/**
 * Names a file that is clearly not text (a spreadsheet, an archive, a PDF …), or null. Given the
 * file name, the ending of a ZIP container says which program made it and how to get CSV from it.
 */
export function describeBinaryFile(head: Uint8Array, fileName = ''): string | null {
  const b = head;
  if (isZipArchive(b)) return zipAdvice(fileName.includes('.') ? fileName.toLowerCase().split('.').pop()! : '');
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    return 'It is an older Excel or Office document (.xls), not a CSV text file. Open it in Excel and choose File › Save As, then “Excel Workbook (.xlsx)” or “CSV UTF-8”, and import that file.';
  }
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46)
    return 'It is a PDF document, which holds pages rather than a table of data. Export the data as CSV or as an Excel workbook (.xlsx) from the program that made the PDF, and import that file.';
  if (b[0] === 0x1f && b[1] === 0x8b) return 'It is a compressed (gzip) file, not a CSV text file.';
  const sample = b.subarray(0, 4096);
  if (
    sample.includes(0) &&
    !utf16WithoutBom(sample) &&
    !(b[0] === 0xff && b[1] === 0xfe) &&
    !(b[0] === 0xfe && b[1] === 0xff)
  ) {
    return 'It contains binary data, not text.';
  }
  return null;
}

function zipAdvice(ending: string): string {
  switch (ending) {
    case '':
      return 'It is a ZIP archive or an Excel workbook (.xlsx), not a CSV text file.';
    case 'numbers':
      return 'It is an Apple Numbers document, not a CSV text file. In Numbers, choose File › Export To › CSV, and import that file.';
    case 'ods':
      return 'It is an OpenDocument spreadsheet (.ods), not a CSV text file. In LibreOffice Calc, choose File › Save As with the file type “Text CSV (.csv)”, and import that file.';
    case 'xlsx':
    case 'xlsm':
      return 'It looks like an Excel workbook, but we could not read its sheets. Open it in Excel and choose File › Save As, then “CSV UTF-8”, and import that file.';
    default:
      return 'It is a ZIP archive, not a CSV text file. Unpack it (on Windows: right-click it and choose Extract All; on a Mac: double-click it) and import the CSV files inside.';
  }
}

/**
 * A whole small file as text, decoded as an import decodes it (the byte order mark left out);
 * throws with a plain message when the file is not text at all.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  const binary = describeBinaryFile(bytes);
  if (binary) throw new Error(binary);
  return new ChunkDecoder(detectEncoding(bytes.subarray(0, 65_536)).encoding).decode(bytes, true);
}
