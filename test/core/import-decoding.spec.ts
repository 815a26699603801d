import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { ChunkDecoder, detectEncoding } from '../../src/core/import/decode';
import { importFile } from '../../src/core/import/import-file';
import { RowReader } from '../../src/core/import/read-rows';
import { blobSource, bytesSource } from '../../src/core/import/source';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import { rows } from '../support/import-helpers';

// Characters survive whatever the encoding and wherever a chunk of bytes happens to end.

const NAMES = ['Zoë', 'Café crème', '€5 voucher', 'Grüße', '漢字', 'party 🎉 hat', 'naïve'];
const csv = `customer_id,first_name\n${NAMES.map((name, i) => `${1001 + i},${name}`).join('\n')}\n`;
const utf8 = new TextEncoder().encode(csv);

function decodeInChunks(bytes: Uint8Array, size: number, decoder: ChunkDecoder): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += size) {
    text += decoder.decode(bytes.subarray(start, start + size), start + size >= bytes.length);
  }
  return text;
}

test('UTF-8 characters of 2, 3 and 4 bytes split across chunk boundaries decode exactly', async () => {
  for (const size of [1, 2, 3, 4, 5, 7, 11, 64]) {
    const decoder = new ChunkDecoder('utf-8');
    expect(decodeInChunks(utf8, size, decoder), `chunks of ${size} bytes`).toBe(csv);
    expect(decoder.encoding).toBe('utf-8');
  }
});

test('an import read three bytes at a time stores every name exactly', async () => {
  const db = createWorkspaceDb(await loadSqlJs(), 'Shop');
  const outcome = await importFile(db, blobSource('names.csv', new Blob([utf8])), {}, { chunkBytes: 3 });
  expect(outcome.ok && outcome.report.rowsImported).toBe(NAMES.length);
  expect(rows(db, 'SELECT first_name FROM customers ORDER BY customer_id').map((r) => r.first_name)).toEqual(NAMES);
});

test('a byte order mark split over two chunks is still removed', async () => {
  const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
  expect(detectEncoding(withBom)).toEqual({ encoding: 'utf-8', bom: true });
  expect(decodeInChunks(withBom, 1, new ChunkDecoder('utf-8'))).toBe(csv);
});

test('UTF-16 with a byte order mark, little and big endian', async () => {
  const little = new Uint8Array([0xff, 0xfe, ...Buffer.from(csv, 'utf16le')]);
  const big = Uint8Array.from(little, (_, i) => little[i % 2 === 0 ? i + 1 : i - 1]);
  expect(detectEncoding(little)).toEqual({ encoding: 'utf-16le', bom: true });
  expect(detectEncoding(big)).toEqual({ encoding: 'utf-16be', bom: true });
  expect(decodeInChunks(little, 3, new ChunkDecoder('utf-16le'))).toBe(csv);
  expect(decodeInChunks(big, 5, new ChunkDecoder('utf-16be'))).toBe(csv);
});

test('Windows-1252 is recognised, even when its first accent comes long after the start', async () => {
  const ascii = 'sku,name\n'.concat('A1,plain name\n'.repeat(2000));
  const bytes = new Uint8Array([...Buffer.from(ascii, 'latin1'), ...Buffer.from('B2,Café £5\n', 'latin1')]);
  expect(detectEncoding(bytes.subarray(0, 1000)).encoding).toBe('utf-8');
  for (const size of [1, 2, 3, 5, 4096]) {
    const decoder = new ChunkDecoder('utf-8');
    expect(decodeInChunks(bytes, size, decoder), `chunks of ${size} bytes`).toBe(`${ascii}B2,Café £5\n`);
    expect(decoder.encoding).toBe('windows-1252');
  }
  expect(detectEncoding(Buffer.from('name\nCafé £5\n', 'latin1')).encoding).toBe('windows-1252');
  // The chunk that reveals Windows-1252 ends in a byte that could start a UTF-8 character.
  const decoder = new ChunkDecoder('utf-8');
  const text =
    decoder.decode(Buffer.from('x,café ok é', 'latin1')) + decoder.decode(Buffer.from('t\n', 'latin1'), true);
  expect(text).toBe('x,café ok ét\n');
});

test('a UTF-8 file with one Windows-1252 line keeps both and says how many lines were read differently', async () => {
  const bytes = new Uint8Array([
    ...new TextEncoder().encode('customer_id,first_name\n1001,Zoë\n'),
    ...Buffer.from('1002,Renée\n', 'latin1'),
    ...new TextEncoder().encode('1003,José\n'),
  ]);
  const db = createWorkspaceDb(await loadSqlJs(), 'Shop');
  const outcome = await importFile(db, bytesSource('mixed.csv', bytes));
  expect(outcome.ok).toBe(true);
  if (!outcome.ok) return;
  expect(outcome.report.warnings.mixed_encoding).toBe(1);
  expect(outcome.report.notes[0].message).toMatch(
    /^1 line was not written in the same character set as the rest of the file/,
  );
  expect(rows(db, 'SELECT first_name FROM customers ORDER BY customer_id').map((r) => r.first_name)).toEqual([
    'Zoë',
    'Renée',
    'José',
  ]);
});

test('rows are numbered as a spreadsheet shows them, whatever the chunk size', async () => {
  const text = 'id,note\n1,"two\nlines"\n\n3,plain\n4,"quote "" inside"\n';
  for (const chunkBytes of [1, 4, 1024]) {
    const reader = new RowReader(bytesSource('t.csv', new TextEncoder().encode(text)), 'utf-8', ',', { chunkBytes });
    const read = [];
    for await (const batch of reader.batches()) read.push(...batch.rows);
    expect(read, `chunks of ${chunkBytes}`).toEqual([
      { row: 1, cells: ['id', 'note'] },
      { row: 2, cells: ['1', 'two\nlines'] },
      { row: 3, cells: [''] },
      { row: 4, cells: ['3', 'plain'] },
      { row: 5, cells: ['4', 'quote " inside'] },
    ]);
  }
});
