import { fail, ok, type Result } from '../util/result';
import type { OpenFailure } from './workspace-types';
import { migrate, schemaVersionOf } from './migrate';
import { APPLICATION_ID, SCHEMA_VERSION } from './schema';
import {
  canBeCleaned,
  compareSchema,
  describeDifference,
  expectedSchema,
  schemaObjectsOf,
  type SchemaDifference,
} from './schema-check';
import { cleanSchema } from './schema-clean';
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
 * Nothing reads a table or view of the file, and nothing is written, before its schema is verified.
 */
export function openWorkspaceBytes(SQL: SqlJsStatic, bytes: Uint8Array): Result<Database, OpenFailure> {
  const opened = openChecked(SQL, bytes, false);
  return opened.ok ? ok(opened.value.db) : opened;
}

/** A workspace opened from a copy without the objects the app did not put there. */
export interface CleanedWorkspace {
  db: Database;
  /** What was left out, in the open message's words. */
  removed: string[];
}

/**
 * Opens a copy of the bytes with every trigger, view, table and index the app did not build dropped
 * (and built-in indexes or tables it lacks made afresh), for the user who agreed to it. A built-in
 * table changed in place is still refused: dropping it would drop the user's rows.
 */
export function openCleanedWorkspaceBytes(SQL: SqlJsStatic, bytes: Uint8Array): Result<CleanedWorkspace, OpenFailure> {
  return openChecked(SQL, bytes, true);
}

function openChecked(SQL: SqlJsStatic, bytes: Uint8Array, clean: boolean): Result<CleanedWorkspace, OpenFailure> {
  const headerProblem = checkHeader(bytes);
  if (headerProblem) return fail(headerProblem);

  let db: Database;
  try {
    db = new SQL.Database(bytes);
  } catch (error) {
    return fail(damaged(error));
  }
  try {
    applyConnectionSettings(db);
    const problem = checkContents(db);
    if (problem) {
      db.close();
      return fail(problem);
    }
    const differences = compareSchema(schemaObjectsOf(db), expectedSchema(SQL, schemaVersionOf(db)));
    if (differences.length > 0 && !(clean && canBeCleaned(differences))) {
      db.close();
      return fail(foreignObjects(differences));
    }
    if (differences.length > 0) cleanSchema(db, differences);
    migrate(db);
    // Built-in tables and indexes the file lacked are made afresh; what the copy is without is the rest.
    return ok({ db, removed: differences.filter((d) => d.change !== 'missing').map(describeDifference) });
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
    // SQLite may put several findings in one row, under a heading naming the database.
    const findings = check.flatMap((row) => row.split('\n')).filter((line) => line && !line.startsWith('***'));
    const problems = findings.length === 1 ? 'a problem was' : `${findings.length.toLocaleString('en')} problems were`;
    return {
      kind: 'damaged',
      message: `This workspace file is damaged: ${problems} found in its pages. Open its backup, or ask whoever sent it for a fresh copy.`,
      detail: firstLines(findings),
    };
  }
  return null;
}

const DETAIL_LINES = 5;

function firstLines(lines: string[], count = DETAIL_LINES): string {
  const shown = lines.slice(0, count).map((line) => (line.length > 200 ? `${line.slice(0, 200)}…` : line));
  const more = lines.length - shown.length;
  return [...shown, ...(more > 0 ? [`… and ${more.toLocaleString('en')} more`] : [])].join('\n');
}

const NAMED_IN_MESSAGE = 3;

function foreignObjects(differences: SchemaDifference[]): OpenFailure {
  const names = differences.map(describeDifference);
  const more = names.length - NAMED_IN_MESSAGE;
  const listed = more > 0 ? `${names.slice(0, NAMED_IN_MESSAGE).join(', ')} and ${more} more` : names.join(', ');
  const next = canBeCleaned(differences)
    ? 'You can open a copy without them, or ask whoever sent the file for a fresh one.'
    : 'Ask whoever sent the file for a fresh one.';
  const what = differences.every((d) => d.change === 'unknown')
    ? `This workspace holds things the app did not put there: ${listed}. They could change your plans`
    : `This workspace was changed outside the app: ${listed}. Such changes could alter your plans`;
  return {
    kind: 'foreign-objects',
    message: `${what}, so it was not opened. ${next}`,
    detail: firstLines(names, 20),
    canClean: canBeCleaned(differences),
  };
}

function damaged(error: unknown): OpenFailure {
  return {
    kind: 'damaged',
    message: 'This workspace file is damaged. Open its backup, or ask whoever sent it for a fresh copy.',
    detail: firstLines([error instanceof Error ? error.message : String(error)]),
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
