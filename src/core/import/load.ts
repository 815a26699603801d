import type { Database } from '../store/sqlite';
import { deferIndexes } from './deferred-indexes';
import { DuplicateFinder } from './duplicates';
import { importFailure, type ImportFailure } from './failure';
import { withAddedColumns, type RowPreparer } from './layout';
import { layoutById } from './layouts';
import { resolveMapping, type ImportMapping, type ResolvedMapping } from './mapping';
import { count, describeWarning } from './messages';
import type { FileFormat } from './preview';
import { customerReach } from './reach';
import { isBlankRow, RowReader, type SourceRow } from './read-rows';
import type { ImportOutcome, ImportReport } from './report';
import type { ImportMode } from './import-mode';
import { noTableCounts, type RowSink, type SinkContext } from './sink';
import { positionalNames, uniqueHeaderNames } from './sniff';
import type { ByteSource } from './source';
import { createRowChecker, type RejectedRow, type RejectReason, type RowCheck } from './validate';
import { WarningTally } from './warnings';
import { BasketSink } from './write-baskets';
import { EntitySink } from './write-entities';
import { EventSink } from './write-events';
import { LineSink } from './write-lines';

/**
 * Writes one file into the workspace in a single transaction: every accepted row and everything
 * derived from them, plus a record of the import, or nothing at all (on a failure, a thrown error
 * or a cancel). Works through the file chunk by chunk; between chunks it reports progress, lets an
 * async caller (the Web Worker) handle messages, and checks for a cancel.
 */

export interface ImportSettings {
  fileName: string;
  format: FileFormat;
  mapping: ImportMapping;
  mode: ImportMode;
  /** A file of a set: its rows go in under the set's import record, which the set keeps itself. */
  importId?: number;
  /** Why the proposed mapping groups lines by customer and day although a column looked like an order number. */
  groupingReason?: string;
}

export interface ImportControl {
  /** Bytes of the file processed so far, of the total, and the rows read in them. */
  onProgress?: (done: number, total: number, rows: number) => void;
  /** Polled between chunks; true rolls the import back. */
  isCancelled?: () => boolean;
  /** Awaited between chunks, e.g. `() => new Promise((r) => setTimeout(r))` in a worker. */
  yieldToEventLoop?: () => Promise<void>;
  /** Receives every rejected row, e.g. to write them to a file. */
  onRejectedRow?: (row: RejectedRow) => void;
  chunkBytes?: number;
  now?: () => Date;
}

const REJECTED_EXAMPLES = 20;
const EARLIER_IMPORTS = 'SELECT import_id FROM imports WHERE kind = ? AND undone = 0 AND import_id <> ?';
const DATA_TABLES = ['order_lines', 'orders', 'customers', 'products', 'events', 'baskets'];

export async function loadImport(
  db: Database,
  source: ByteSource,
  settings: ImportSettings,
  control: ImportControl = {},
): Promise<ImportOutcome> {
  return inImportTransaction(db, () => loadRows(db, source, settings, control));
}

/**
 * Runs an import's work in one transaction with the connection tuned for bulk writes: committed
 * when the outcome is ok, rolled back on a failure or a thrown error.
 */
export async function inImportTransaction<T extends { ok: boolean }>(db: Database, work: () => Promise<T>): Promise<T> {
  const restore = tuneForBulkWrites(db);
  db.run('BEGIN');
  try {
    const outcome = await work();
    db.run(outcome.ok ? 'COMMIT' : 'ROLLBACK');
    return outcome;
  } catch (error) {
    db.run('ROLLBACK');
    throw error;
  } finally {
    restore();
  }
}

/** Reads one file's rows into the open transaction: under its own new import record, or the set's. */
export async function loadRows(
  db: Database,
  source: ByteSource,
  settings: ImportSettings,
  control: ImportControl = {},
): Promise<ImportOutcome> {
  const run = new ImportRun(db, source, settings, control);
  try {
    return await run.execute();
  } finally {
    run.close();
  }
}

/**
 * Connection settings for the length of one import, put back afterwards. The rollback journal
 * stays in memory (the database itself lives in memory, so a crash loses it either way; a
 * rollback still works), a larger page cache keeps index pages of big tables at hand, and foreign
 * keys are not checked row by row: the only reference an import writes is its own import_id,
 * inserted in the same transaction.
 */
function tuneForBulkWrites(db: Database): () => void {
  const before = ['journal_mode', 'cache_size', 'foreign_keys'].map((name) => [
    name,
    db.exec(`PRAGMA ${name}`)[0].values[0][0],
  ]);
  db.run('PRAGMA journal_mode = MEMORY');
  db.run('PRAGMA cache_size = -65536');
  db.run('PRAGMA foreign_keys = OFF');
  return () => {
    for (const [name, value] of before) db.run(`PRAGMA ${name} = ${value}`);
  };
}

class ImportRun {
  private readonly warnings = new WarningTally();
  private readonly duplicates = new DuplicateFinder();
  private readonly rejected: Partial<Record<RejectReason, number>> = {};
  private readonly rejectedExamples: RejectedRow[] = [];
  private readonly startedAt: number;
  private readonly now: () => Date;
  private sink: RowSink | null = null;
  private check: ((row: SourceRow) => RowCheck) | null = null;
  /** A known export layout's preparation of each row before it is read, or null. */
  private prepare: RowPreparer | null = null;
  private importId = 0;
  private rowsRead = 0;
  private rowsImported = 0;
  private blankRows = 0;

  constructor(
    private readonly db: Database,
    private readonly source: ByteSource,
    private readonly settings: ImportSettings,
    private readonly control: ImportControl,
  ) {
    this.now = control.now ?? (() => new Date());
    this.startedAt = Date.now();
  }

  async execute(): Promise<ImportOutcome> {
    const { db, settings, control, source } = this;
    this.importId = settings.importId ?? this.newRecord();
    if (settings.mode === 'replace') this.clearEarlierImports();
    const buildIndexes = deferIndexes(db, DATA_TABLES);

    const reader = new RowReader(source, settings.format.encoding, settings.format.delimiter, {
      chunkBytes: control.chunkBytes,
    });
    for await (const batch of reader.batches()) {
      for (const row of batch.rows) {
        const failure = this.take(row);
        if (failure) return { ok: false, failure, report: null };
      }
      this.sink?.flush();
      control.onProgress?.(batch.bytesRead, source.size, this.rowsRead);
      await control.yieldToEventLoop?.();
      if (control.isCancelled?.()) {
        return {
          ok: false,
          failure: importFailure('cancelled', 'The import was cancelled. Nothing was changed.'),
          report: null,
        };
      }
    }

    if (reader.linesReadAsWindows1252 > 0)
      this.warnings.add('mixed_encoding', undefined, reader.linesReadAsWindows1252);
    if (this.rowsRead === 0) {
      return {
        ok: false,
        failure: importFailure('no_rows', 'This file has column names but no rows of data under them.'),
        report: null,
      };
    }
    if (this.rowsImported === 0) {
      return { ok: false, failure: this.nothingImported(), report: this.report(reader.encoding) };
    }
    buildIndexes();
    this.sink?.finish();
    const report = this.report(reader.encoding);
    if (settings.importId === undefined) this.finishRecord(report);
    return { ok: true, report };
  }

  close(): void {
    this.sink?.close();
  }

  private newRecord(): number {
    const { settings } = this;
    this.db.run('INSERT INTO imports(file_name, kind, mode, started_at, mapping) VALUES (?, ?, ?, ?, ?)', [
      settings.fileName,
      settings.mapping.kind,
      settings.mode,
      this.now().toISOString(),
      JSON.stringify(settings.mapping),
    ]);
    return Number(this.db.exec('SELECT last_insert_rowid()')[0].values[0][0]);
  }

  private finishRecord(report: ImportReport): void {
    this.db.run(
      `UPDATE imports SET finished_at = ?, rows_read = ?, rows_imported = ?, rows_rejected = ?, report = ?
       WHERE import_id = ?`,
      [
        this.now().toISOString(),
        report.rowsRead,
        report.rowsImported,
        report.rowsRejected,
        JSON.stringify(report),
        this.importId,
      ],
    );
  }

  /** Handles one row of the file; the first one sets up the columns. */
  private take(row: SourceRow): ImportFailure | null {
    if (!this.check) {
      const failure = this.start(row);
      if (failure || this.settings.format.hasHeader) return failure;
    }
    if (isBlankRow(row.cells) && !row.problem) {
      this.blankRows++;
      return null;
    }
    // A layout may skip a row (it counts it among the warnings) or split one into several lines.
    const lines = this.prepare && !row.problem ? this.prepare(row.cells, row.row) : [row.cells];
    if (lines.length > 0 && !row.problem && this.duplicates.isCopy(row.cells))
      this.warnings.add('duplicate_rows', row.row);
    for (const cells of lines) this.read({ ...row, cells }, row.cells);
    return null;
  }

  private read(row: SourceRow, asWritten: string[]): void {
    this.rowsRead++;
    const checked = this.check!(row);
    if (!checked.ok) {
      this.reject({ ...checked.rejected, cells: asWritten });
      return;
    }
    const refused = this.sink!.write(checked.row);
    if (refused) this.reject({ ...refused, row: row.row, cells: asWritten });
    else this.rowsImported++;
  }

  private start(first: SourceRow): ImportFailure | null {
    const { format, mapping } = this.settings;
    const named = format.hasHeader
      ? uniqueHeaderNames(first.cells)
      : { names: positionalNames(first.cells.length), renamed: [] };
    if (named.renamed.length > 0) {
      this.warnings.add('renamed_columns', undefined, named.renamed.length);
      this.warnings.detail('renamed_columns', named.renamed.join('; '));
    }
    const layout = mapping.layout ? layoutById(mapping.layout) : null;
    const columns = withAddedColumns(layout, named.names);
    const resolved = resolveMapping(mapping, columns);
    if (!resolved.ok) return resolved.error;
    this.prepare = layout?.rowPreparer(named.names, this.warnings) ?? null;
    this.check = createRowChecker({
      mapping: resolved.value,
      columnCount: mapping.kind === 'baskets' ? null : columns.length,
      delimiter: format.delimiter,
      dayMonthOrder: mapping.dayMonthOrder ?? 'dmy',
      decimalSeparator: mapping.decimalSeparator ?? '.',
      warnings: this.warnings,
    });
    this.sink = this.createSink(resolved.value);
    return null;
  }

  private createSink(mapping: ResolvedMapping): RowSink {
    const context: SinkContext = {
      db: this.db,
      importId: this.importId,
      kind: mapping.kind,
      mode: this.settings.mode,
      warnings: this.warnings,
      partOfSet: this.settings.importId !== undefined,
    };
    switch (mapping.kind) {
      case 'customers':
      case 'products':
      case 'orders':
        return new EntitySink(context, mapping, mapping.kind);
      case 'order_lines':
      case 'order_lines_flat':
        return new LineSink(context, mapping, this.settings.groupingReason ?? null);
      case 'events':
        return new EventSink(context);
      case 'baskets':
        return new BasketSink(context);
    }
  }

  private reject(row: RejectedRow): void {
    this.rejected[row.reason] = (this.rejected[row.reason] ?? 0) + 1;
    if (this.rejectedExamples.length < REJECTED_EXAMPLES) this.rejectedExamples.push(row);
    this.control.onRejectedRow?.(row);
  }

  /** Replace mode: the rows of earlier imports of this kind go first, in the same transaction. */
  private clearEarlierImports(): void {
    const kind = this.settings.mapping.kind;
    for (const table of DATA_TABLES)
      this.db.run(`DELETE FROM ${table} WHERE import_id IN (${EARLIER_IMPORTS})`, [kind, this.importId]);
    this.db.run('UPDATE imports SET undone = 1 WHERE kind = ? AND undone = 0 AND import_id <> ?', [
      kind,
      this.importId,
    ]);
  }

  private nothingImported(): ImportFailure {
    const [reason, n] = Object.entries(this.rejected).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    const example = this.rejectedExamples.find((row) => row.reason === reason);
    return importFailure(
      'nothing_imported',
      `None of the ${count(this.rowsRead)} rows could be imported, so the workspace was left as it was.`,
      example ? `${count(n)} of them were refused like this one: ${example.message}` : undefined,
    );
  }

  private report(encoding: ImportReport['encoding']): ImportReport {
    const { settings } = this;
    return {
      importId: this.importId,
      fileName: settings.fileName,
      kind: settings.mapping.kind,
      mode: settings.mode,
      encoding,
      delimiter: settings.format.delimiter,
      hasHeader: settings.format.hasHeader,
      mapping: settings.mapping,
      rowsRead: this.rowsRead,
      rowsImported: this.rowsImported,
      rowsRejected: Object.values(this.rejected).reduce((sum, n) => sum + n, 0),
      blankRowsSkipped: this.blankRows,
      rejected: { ...this.rejected },
      warnings: this.warnings.counted(),
      notes: this.warnings.list(describeWarning),
      rejectedExamples: this.rejectedExamples,
      written: this.sink?.written ?? noTableCounts(),
      reach: customerReach(this.db),
      durationMs: Date.now() - this.startedAt,
    };
  }
}
