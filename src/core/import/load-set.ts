import type { Database } from '../store/sqlite';
import { importFailure, type ImportFailure } from './failure';
import { describePlannedFile, planFileSet, SET_KIND, type FileSetPlan, type PlannedFile } from './file-set';
import { settleImport } from './import-file';
import { inImportTransaction, loadRows, type ImportControl } from './load';
import { count, someNames } from './messages';
import { previewImport, type ImportPreview } from './preview';
import { customerReach } from './reach';
import type { ImportReport } from './report';
import { RowReader } from './read-rows';
import {
  lineOrderLinks,
  lineProductLinks,
  orderCustomerLinks,
  productLabelLinks,
  rememberKnownProducts,
  KNOWN_PRODUCTS,
  type UnresolvedLink,
} from './set-links';
import { applyLookup, applyWorkspaceLookup, lookupTable, readLookup } from './set-lookups';
import type { FileSetOutcome, FileSetReport, SetFileReport, SetFileSummary } from './set-report';
import { personColumn } from './set-roles';
import { noTableCounts, type TableCounts } from './sink';
import { BatchedInsert } from './batched-insert';
import type { ByteSource } from './source';
import { addCustomersNamedByOrders } from './write-entities';

/**
 * Several files picked together, from first look to workspace as one import: one import record
 * that all their rows carry (so the history shows one import and undo takes the whole set back),
 * in one transaction, files in dependency order, then the links between them checked.
 */

export interface FileSetChoices {
  /** Files (by name) whose first row the user says does, or does not, name the columns. */
  headerRow?: Record<string, boolean>;
}

export interface FileSetPreview {
  previews: (ImportPreview | null)[];
  plan: FileSetPlan;
  files: SetFileSummary[];
  /** Files that cannot be read as a table: the set cannot be imported while they are in it. */
  failures: { index: number; failure: ImportFailure }[];
}

const PEOPLE = 'temp.set_people';

export async function previewFileSet(
  sources: readonly ByteSource[],
  choices: FileSetChoices = {},
): Promise<FileSetPreview> {
  const previews: (ImportPreview | null)[] = [];
  const unreadable: PlannedFile[] = [];
  const failures: FileSetPreview['failures'] = [];
  for (const [index, source] of sources.entries()) {
    const previewed = await previewImport(source, { hasHeader: choices.headerRow?.[source.name] });
    previews.push(previewed.ok ? previewed.value : null);
    if (!previewed.ok) {
      failures.push({ index, failure: previewed.error });
      unreadable.push({
        index,
        fileName: source.name,
        role: { role: 'skipped', reason: previewed.error.message, unreadable: true },
      });
    }
  }
  const readable = previews.flatMap((preview) => (preview ? [preview] : []));
  const plan = planFileSet(readable);
  // The plan numbers the readable files; give each its place among all the files picked.
  const positions = previews.flatMap((preview, index) => (preview ? [index] : []));
  for (const file of plan.files) file.index = positions[file.index];
  if (plan.person) plan.person.index = positions[plan.person.index];
  plan.files.push(...unreadable);
  const files = plan.files.map((file) => summarise(file, previews[file.index]));
  return { previews, plan, files, failures };
}

export async function importFileSet(
  db: Database,
  sources: readonly ByteSource[],
  choices: FileSetChoices = {},
  control: ImportControl = {},
): Promise<FileSetOutcome> {
  const { previews, plan, files, failures } = await previewFileSet(sources, choices);
  if (failures.length > 0) {
    const { index, failure } = failures[0];
    const fileName = sources[index].name;
    return { ok: false, failure: { ...failure, message: `${fileName}: ${failure.message}` }, fileName, report: null };
  }
  if (!files.some((file) => file.role === 'data' || file.role === 'lookup')) {
    return {
      ok: false,
      failure: importFailure(
        'nothing_imported',
        'None of these files holds customers, products, orders, order lines or names for codes, so nothing was imported.',
      ),
      fileName: null,
      report: null,
    };
  }
  return inImportTransaction(db, () => new SetRun(db, sources, previews, plan, control).execute());
}

function summarise(file: PlannedFile, preview: ImportPreview | null): SetFileSummary {
  return {
    index: file.index,
    fileName: file.fileName,
    role: file.role.role,
    kind: file.role.role === 'data' ? file.role.kind : null,
    description: describePlannedFile(file),
    hasHeader: preview?.format.hasHeader ?? false,
    layout: preview?.layout?.label ?? null,
  };
}

/**
 * In a customer list keyed by the person, one person on several rows is expected (one row per
 * order customer number): said so, instead of as numbers that disagree with themselves.
 */
function personNotes(report: ImportReport): ImportReport {
  const notes = report.notes.map((note) =>
    note.kind === 'id_conflicts'
      ? {
          ...note,
          message: `${note.count === 1 ? 'One customer bought' : `${count(note.count)} customers bought`} under more than one customer number of an order: each is one customer, so their repeat purchases are seen together, with the details of their last row.`,
        }
      : note,
  );
  return { ...report, notes };
}

class SetRun {
  private readonly startedAt = Date.now();
  private readonly reports: SetFileReport[] = [];
  private readonly unresolved: UnresolvedLink[] = [];
  private readonly written: TableCounts = noTableCounts();
  private readonly temporary: string[] = [];
  private importId = 0;
  private bytesBefore = 0;
  private rowsBefore = 0;

  constructor(
    private readonly db: Database,
    private readonly sources: readonly ByteSource[],
    private readonly previews: readonly (ImportPreview | null)[],
    private readonly plan: FileSetPlan,
    private readonly control: ImportControl,
  ) {}

  async execute(): Promise<FileSetOutcome> {
    const { db, plan } = this;
    const names = this.sources.map((source) => source.name);
    const name = someNames(names, 3);
    db.run('INSERT INTO imports(file_name, kind, mode, started_at) VALUES (?, ?, ?, ?)', [
      name,
      SET_KIND,
      'append',
      new Date().toISOString(),
    ]);
    this.importId = Number(db.exec('SELECT last_insert_rowid()')[0].values[0][0]);
    try {
      for (const file of plan.files) {
        const failure = await this.take(file);
        if (failure) return failure;
      }
      this.finish();
      const report = this.report(name);
      db.run(
        `UPDATE imports SET finished_at = ?, rows_read = ?, rows_imported = ?, rows_rejected = ?, report = ? WHERE import_id = ?`,
        [
          new Date().toISOString(),
          report.rowsRead,
          report.rowsImported,
          report.rowsRejected,
          JSON.stringify(report),
          this.importId,
        ],
      );
      return { ok: true, report };
    } finally {
      for (const table of this.temporary) db.run(`DROP TABLE IF EXISTS ${table}`);
    }
  }

  private async take(file: PlannedFile): Promise<FileSetOutcome | null> {
    const preview = this.previews[file.index];
    const summary = summarise(file, preview);
    if (file.role.role === 'skipped' || !preview) {
      this.reports.push({ ...summary, report: null });
      return null;
    }
    const source = this.sources[file.index];
    if (file.role.role === 'lookup') {
      const table = lookupTable(file.index);
      this.temporary.push(table);
      const read = await readLookup(this.db, table, source, preview.format);
      this.reports.push({
        ...summary,
        report: null,
        lookupRows: read.rows,
        labelled: 0,
        ...(read.shortened > 0 && { lookupShortened: read.shortened }),
      });
      this.bytesBefore += source.size;
      return null;
    }

    const kind = file.role.kind;
    if (
      (kind === 'order_lines' || kind === 'order_lines_flat') &&
      this.has('products') &&
      !this.temporary.includes(KNOWN_PRODUCTS)
    ) {
      rememberKnownProducts(this.db);
      this.temporary.push(KNOWN_PRODUCTS);
    }
    if (this.plan.person?.index === file.index)
      await this.readPeople(source, preview, this.plan.person.orderCustomerColumn);
    const settled = settleImport(preview, { mapping: file.mapping, mode: 'append' });
    if (!settled.ok) return this.failed(file, settled.error, null);
    const outcome = await loadRows(
      this.db,
      source,
      { ...settled.value, importId: this.importId },
      this.fileControl(file),
    );
    if (!outcome.ok) return this.failed(file, outcome.failure, outcome.report);
    const report = this.plan.person?.index === file.index ? personNotes(outcome.report) : outcome.report;
    this.reports.push({ ...summary, report });
    this.bytesBefore += source.size;
    this.rowsBefore += outcome.report.rowsRead;
    for (const [table, n] of Object.entries(outcome.report.written) as [keyof TableCounts, number][])
      this.written[table] += n;
    if (kind === 'products') this.labelProducts();
    return null;
  }

  private fileControl(file: PlannedFile): ImportControl {
    const { control } = this;
    const total = this.plan.files
      .filter((f) => f.role.role !== 'skipped')
      .reduce((sum, f) => sum + this.sources[f.index].size, 0);
    return {
      ...control,
      onProgress: (done, _size, rows) => control.onProgress?.(this.bytesBefore + done, total, this.rowsBefore + rows),
      onRejectedRow: (row) => control.onRejectedRow?.({ ...row, message: `${file.fileName}: ${row.message}` }),
    };
  }

  /** The lookups that name a column of the products file label the set's products. */
  private labelProducts(): void {
    for (const file of this.plan.files) {
      if (file.role.role !== 'lookup' || !file.productColumn || !file.labels) continue;
      const outcome = applyLookup(this.db, lookupTable(file.index), file.labels, this.importId);
      this.lookupReport(file).labelled = outcome.labelled;
      const link = productLabelLinks(
        file.fileName,
        file.labels,
        outcome.unknownCodes,
        outcome.productsWithUnknownCodes,
      );
      if (link) this.unresolved.push(link);
    }
  }

  private finish(): void {
    const { db, importId } = this;
    for (const file of this.plan.files) {
      if (file.role.role !== 'lookup' || file.productColumn) continue;
      this.lookupReport(file).labelled = applyWorkspaceLookup(
        db,
        lookupTable(file.index),
        file.labels ?? 'category',
        file.role.key,
      );
    }
    if (this.temporary.includes(PEOPLE)) {
      db.run(
        `UPDATE orders SET customer_id = (SELECT person FROM ${PEOPLE} WHERE alias = orders.customer_id)
          WHERE import_id = ? AND customer_id IN (SELECT alias FROM ${PEOPLE})`,
        [importId],
      );
    }
    const orders = this.fileOf('orders');
    const customers = this.fileOf('customers');
    const products = this.fileOf('products');
    const lines = this.fileOf('order_lines') ?? this.fileOf('order_lines_flat');
    if (orders && lines) this.noteLink(lineOrderLinks(db, importId, orders));
    if (orders && customers) this.noteLink(orderCustomerLinks(db, importId, customers));
    if (orders && !customers) this.customersFromOrders();
    if (products && lines) this.noteLink(lineProductLinks(db, importId, products));
  }

  /** Without a customer list, the customers the orders name are known by their numbers. */
  private customersFromOrders(): void {
    this.written.customers += addCustomersNamedByOrders(this.db, this.importId);
  }

  /** Each customer number of the orders, and the person it stands for. */
  private async readPeople(source: ByteSource, preview: ImportPreview, orderCustomerColumn: string): Promise<void> {
    const person = personColumn(preview);
    const aliasAt = preview.headers.indexOf(orderCustomerColumn);
    const personAt = person === null ? -1 : preview.headers.indexOf(person);
    if (aliasAt === -1 || personAt === -1) return;
    this.db.run(`CREATE TABLE ${PEOPLE} (alias TEXT PRIMARY KEY, person TEXT NOT NULL)`);
    this.temporary.push(PEOPLE);
    const insert = new BatchedInsert(
      this.db,
      `INSERT INTO ${PEOPLE}(alias, person)`,
      2,
      'ON CONFLICT(alias) DO NOTHING',
    );
    try {
      const reader = new RowReader(source, preview.format.encoding, preview.format.delimiter);
      for await (const batch of reader.batches()) {
        for (const { row, cells, problem } of batch.rows) {
          if (problem || row === 1) continue;
          const alias = (cells[aliasAt] ?? '').trim();
          const id = (cells[personAt] ?? '').trim();
          if (alias !== '' && id !== '') insert.add(alias, id);
        }
      }
      insert.flush();
    } finally {
      insert.free();
    }
  }

  private failed(file: PlannedFile, failure: ImportFailure, report: ImportReport | null): FileSetOutcome {
    return {
      ok: false,
      failure: { ...failure, message: `${file.fileName}: ${failure.message} Nothing from these files was imported.` },
      fileName: file.fileName,
      report,
    };
  }

  private report(name: string): FileSetReport {
    const data = this.reports.flatMap((file) => (file.report ? [file.report] : []));
    const sum = (pick: (r: (typeof data)[number]) => number) => data.reduce((total, r) => total + pick(r), 0);
    return {
      importId: this.importId,
      kind: SET_KIND,
      fileName: name,
      files: this.reports,
      rowsRead: sum((r) => r.rowsRead),
      rowsImported: sum((r) => r.rowsImported),
      rowsRejected: sum((r) => r.rowsRejected),
      written: this.written,
      unresolved: this.unresolved,
      reach: customerReach(this.db),
      durationMs: Date.now() - this.startedAt,
    };
  }

  private noteLink(link: UnresolvedLink | null): void {
    if (link) this.unresolved.push(link);
  }

  private has(kind: 'products'): boolean {
    return this.fileOf(kind) !== null;
  }

  private fileOf(kind: string): string | null {
    return this.plan.files.find((f) => f.role.role === 'data' && f.role.kind === kind)?.fileName ?? null;
  }

  private lookupReport(file: PlannedFile): SetFileReport {
    return this.reports.find((r) => r.index === file.index)!;
  }
}
