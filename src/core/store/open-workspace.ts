import { fail, ok, type Result } from '../util/result';
import type { OpenFailure } from './workspace-types';
import { migrate, schemaVersionOf } from './migrate';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema';
import { applyConnectionSettings, queryAll, queryValue, type Database, type SqlJsStatic } from './sqlite';

const SQLITE_MAGIC = 'SQLite format 3\u0000';
const HEADER_SIZE = 100;

/** Creates an empty, current workspace in memory. */
export function createWorkspaceDb(SQL: SqlJsStatic, name: string, now = new Date()): Database {
  const db = new SQL.Database();
  applyConnectionSettings(db);
  migrate(db);
  db.run('INSERT INTO meta(key, value) VALUES (?, ?), (?, ?)', ['name', name, 'created_at', now.toISOString()]);
  return db;
}

/**
 * Opens workspace bytes in memory, checking everything that can be wrong with a file before it is
 * trusted, then migrates the in-memory copy. The bytes themselves are never written back here.
 */
export function openWorkspaceBytes(SQL: SqlJsStatic, bytes: Uint8Array): Result<Database, OpenFailure> {
  const headerProblem = checkHeader(bytes);
  if (headerProblem) return fail(headerProblem);

  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (error) {
    return fail(damaged(error));
  }
  try {
    const problem = checkContents(db);
    if (problem) {
      db.close();
      return fail(problem);
    }
    applyConnectionSettings(db);
    migrate(db);
    return ok(db);
  } catch (error) {
    db.close();
    return fail(damaged(error));
  }
}

function checkHeader(bytes: Uint8Array): OpenFailure | null {
  if (bytes.length === 0) {
    return { kind: 'empty', message: 'This file is empty, so there is no workspace in it.' };
  }
  const magic = new TextDecoder('latin1').decode(bytes.subarray(0, SQLITE_MAGIC.length));
  if (bytes.length < HEADER_SIZE || magic !== SQLITE_MAGIC) {
    return {
      kind: 'not-sqlite',
      message: 'This file is not a Cross-Sell Planner workspace.',
      detail: describeForeignFile(bytes),
    };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rawPageSize = view.getUint16(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = view.getUint32(28);
  const countIsValid = view.getUint32(24) === view.getUint32(92);
  const expected = countIsValid && pageCount > 0 ? pageSize * pageCount : null;
  if (pageSize < 512 || bytes.length % pageSize !== 0 || (expected !== null && bytes.length < expected)) {
    return {
      kind: 'truncated',
      message: 'This workspace file is incomplete: it ends before the end of its data.',
      detail: expected
        ? `The file has ${bytes.length.toLocaleString('en')} bytes; its header promises ${expected.toLocaleString('en')}.`
        : `The file has ${bytes.length.toLocaleString('en')} bytes, not a whole number of ${pageSize}-byte pages.`,
    };
  }
  return null;
}

function checkContents(db: Database): OpenFailure | null {
  const applicationId = Number(queryValue(db, 'PRAGMA application_id'));
  if (applicationId !== APPLICATION_ID) {
    const tables = queryAll<{ name: string }>(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    return {
      kind: 'not-workspace',
      message: 'This is a SQLite database, but not a Cross-Sell Planner workspace.',
      detail: tables.length
        ? `It holds the tables ${tables
            .slice(0, 6)
            .map((t) => t.name)
            .join(', ')}${tables.length > 6 ? ', …' : ''}.`
        : 'It holds no tables.',
    };
  }
  const version = schemaVersionOf(db);
  if (version > SCHEMA_VERSION) {
    return {
      kind: 'newer-version',
      message: 'This workspace was saved by a newer version of Cross-Sell Planner. Update the app to open it.',
      detail: `The file is at workspace version ${version}; this app reads up to version ${SCHEMA_VERSION}.`,
    };
  }
  const check = queryAll<{ quick_check: string }>(db, 'PRAGMA quick_check').map((r) => r.quick_check);
  if (check.length !== 1 || check[0] !== 'ok') {
    return { kind: 'damaged', message: 'This workspace file is damaged.', detail: check.slice(0, 3).join('; ') };
  }
  return null;
}

function damaged(error: unknown): OpenFailure {
  return {
    kind: 'damaged',
    message: 'This workspace file is damaged.',
    detail: error instanceof Error ? error.message : String(error),
  };
}

function describeForeignFile(bytes: Uint8Array): string {
  const b = bytes;
  if (b[0] === 0x50 && b[1] === 0x4b) return 'It looks like a ZIP archive (or an Office document).';
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'It looks like a PDF document.';
  if (b[0] === 0x1f && b[1] === 0x8b) return 'It looks like a gzip-compressed file.';
  const sample = b.subarray(0, 512);
  const printable = sample.filter((c) => c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127) || c >= 128).length;
  if (printable / sample.length > 0.95) {
    return 'It looks like a text file. To bring in CSV data, open a workspace and use Import.';
  }
  return 'Its first bytes do not match any workspace format.';
}
