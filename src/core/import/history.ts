import { z } from 'zod';
import { readStoredJson } from '../store/stored-json';
import { queryAll, type Database } from '../store/sqlite';
import { IMPORT_KINDS, isImportKind, type FieldName, type ImportKind } from './kinds';
import { importMappingSchema } from './mapping';
import { IMPORT_MODES, type ImportMode } from './import-mode';
import { undoableImportId } from './undo';
import { SET_KIND } from './file-set';
import type { SetFileSummary } from './set-report';

/** The imports of a workspace as the user sees them, newest first. */

export interface MappedColumn {
  column: string;
  field: FieldName;
}

export interface ImportHistoryEntry {
  importId: number;
  fileName: string;
  /** What the file held; 'set' for files imported together, 'demo' for the generated data of a demo workspace. */
  kind: ImportKind | typeof SET_KIND | 'demo';
  mode: ImportMode;
  startedAt: string;
  finishedAt: string | null;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  /** Which column of the file went to which field. */
  mapping: MappedColumn[];
  /** A set's files, in the order they went in; empty for a single file. */
  files: SetFileSummary[];
  /** Undone, or replaced by a later import of the same kind: its rows are no longer in the workspace. */
  undone: boolean;
  /** The last import, and its earlier state was kept: "Undo last import" takes it back. */
  undoable: boolean;
}

/** An `imports` row as the loader writes it; read back, a row of another shape is left out. */
const importRecordSchema = z.object({
  import_id: z.number().int(),
  file_name: z.string(),
  kind: z.string(),
  mode: z.enum(IMPORT_MODES),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  rows_read: z.number(),
  rows_imported: z.number(),
  rows_rejected: z.number(),
  mapping: z.string(),
  undone: z.number(),
  report: z.string().nullable(),
});

// A set's mapping is `{}`; a file's is its ImportMapping, whose columns are all the history shows.
const storedMappingSchema = z.looseObject({ columns: importMappingSchema.shape.columns.optional() });

const setFileSummarySchema = z.object({
  index: z.number().int(),
  fileName: z.string(),
  role: z.enum(['data', 'lookup', 'skipped']),
  kind: z.enum(IMPORT_KINDS).nullable(),
  description: z.string(),
  hasHeader: z.boolean(),
  layout: z.string().nullable(),
});
const storedSetReportSchema = z.looseObject({ files: z.array(setFileSummarySchema).optional() });

/** The imports whose stored record is not in the shape the loader writes: left out of the history. */
export function unreadableImports(db: Database): number {
  return queryAll(db, IMPORT_RECORDS).filter((row) => !readRecord(row)).length;
}

const IMPORT_RECORDS = `SELECT import_id, file_name, kind, mode, started_at, finished_at, rows_read, rows_imported, rows_rejected, mapping, undone,
            CASE WHEN kind = '${SET_KIND}' THEN report END AS report
       FROM imports ORDER BY import_id DESC`;

function readRecord(row: unknown) {
  const record = importRecordSchema.safeParse(row);
  if (!record.success) return null;
  const mapping = readStoredJson(record.data.mapping, storedMappingSchema);
  const report =
    record.data.report === null ? { files: [] } : readStoredJson(record.data.report, storedSetReportSchema);
  return mapping && report ? { ...record.data, columns: mapping.columns ?? {}, files: report.files ?? [] } : null;
}

export function importHistory(db: Database): ImportHistoryEntry[] {
  const undoable = undoableImportId(db);
  const records = queryAll(db, IMPORT_RECORDS).flatMap((row) => readRecord(row) ?? []);
  return records.map((record) => ({
    importId: record.import_id,
    fileName: record.file_name,
    kind: isImportKind(record.kind) || record.kind === SET_KIND ? record.kind : 'demo',
    mode: record.mode,
    startedAt: record.started_at,
    finishedAt: record.finished_at,
    rowsRead: record.rows_read,
    rowsImported: record.rows_imported,
    rowsRejected: record.rows_rejected,
    mapping: Object.entries(record.columns).map(([field, column]) => ({ column: column!, field: field as FieldName })),
    files: record.files satisfies SetFileSummary[],
    undone: record.undone === 1,
    undoable: record.import_id === undoable,
  }));
}
