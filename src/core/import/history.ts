import { queryAll, type Database } from '../store/sqlite';
import { isImportKind, type FieldName, type ImportKind } from './kinds';
import type { ImportMapping } from './mapping';
import type { ImportMode } from './import-mode';
import { undoableImportId } from './undo';

/** The imports of a workspace as the user sees them, newest first. */

/** Where a file picked with others stands while they are imported one after another. */
export type QueuedFileStatus = 'waiting' | 'current' | 'done' | 'failed' | 'skipped';

export interface MappedColumn {
  column: string;
  field: FieldName;
}

export interface ImportHistoryEntry {
  importId: number;
  fileName: string;
  /** What the file held; 'demo' for the generated data of a demo workspace. */
  kind: ImportKind | 'demo';
  mode: ImportMode;
  startedAt: string;
  finishedAt: string | null;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  /** Which column of the file went to which field. */
  mapping: MappedColumn[];
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
}

export function importHistory(db: Database): ImportHistoryEntry[] {
  const undoable = undoableImportId(db);
  const records = queryAll<ImportRecord>(
    db,
    `SELECT import_id, file_name, kind, mode, started_at, finished_at, rows_read, rows_imported, rows_rejected, mapping, undone
       FROM imports ORDER BY import_id DESC`,
  );
  return records.map((record) => ({
    importId: record.import_id,
    fileName: record.file_name,
    kind: isImportKind(record.kind) ? record.kind : 'demo',
    mode: record.mode,
    startedAt: record.started_at,
    finishedAt: record.finished_at,
    rowsRead: record.rows_read,
    rowsImported: record.rows_imported,
    rowsRejected: record.rows_rejected,
    mapping: mappedColumns(record.mapping),
    undone: record.undone === 1,
    undoable: record.import_id === undoable,
  }));
}

function mappedColumns(json: string): MappedColumn[] {
  const { columns } = JSON.parse(json) as Partial<ImportMapping>;
  return Object.entries(columns ?? {}).map(([field, column]) => ({
    column: column as string,
    field: field as FieldName,
  }));
}
