import { queryAll, type Database } from '../store/sqlite';
import { isImportKind, type FieldName, type ImportKind } from './kinds';
import type { ImportMapping } from './mapping';
import type { ImportMode } from './import-mode';
import { undoableImportId } from './undo';
import { SET_KIND } from './file-set';
import type { FileSetReport, SetFileSummary } from './set-report';

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

interface ImportRecord {
  import_id: number;
  file_name: string;
  kind: string;
  mode: ImportMode;
  started_at: string;
  finished_at: string | null;
  rows_read: number;
  rows_imported: number;
  rows_rejected: number;
  mapping: string;
  undone: number;
  report: string | null;
}

export function importHistory(db: Database): ImportHistoryEntry[] {
  const undoable = undoableImportId(db);
  const records = queryAll<ImportRecord>(
    db,
    `SELECT import_id, file_name, kind, mode, started_at, finished_at, rows_read, rows_imported, rows_rejected, mapping, undone,
            CASE WHEN kind = '${SET_KIND}' THEN report END AS report
       FROM imports ORDER BY import_id DESC`,
  );
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
    mapping: mappedColumns(record.mapping),
    files: setFiles(record.report),
    undone: record.undone === 1,
    undoable: record.import_id === undoable,
  }));
}

function setFiles(json: string | null): SetFileSummary[] {
  if (!json) return [];
  const { files } = JSON.parse(json) as Partial<FileSetReport>;
  return (files ?? []).map(({ index, fileName, role, kind, description, hasHeader, layout }) => ({
    index,
    fileName,
    role,
    kind,
    description,
    hasHeader,
    layout,
  }));
}

function mappedColumns(json: string): MappedColumn[] {
  const { columns } = JSON.parse(json) as Partial<ImportMapping>;
  return Object.entries(columns ?? {}).map(([field, column]) => ({
    column: column as string,
    field: field as FieldName,
  }));
}
