import { basename } from 'node:path';
import { csvLine } from '../../core/export/csv-cell';
import { KIND_LABELS, type ImportKind } from '../../core/import/kinds';
import { layoutById } from '../../core/import/layouts';
import { describeReach, type CustomerReach } from '../../core/import/reach';
import type { ImportReport } from '../../core/import/report';
import { noTableCounts, type TableCounts } from '../../core/import/sink';
import type { ImportRunOutcome, RejectedRows } from '../../shared/engine-api';
import type { CliOutput } from '../cli-support';
import { importAdvice } from './import-advice';

/** What the import command prints: one JSON object, or a few plain lines per file. */

export interface FileResult {
  file: string;
  outcome: ImportRunOutcome;
  rejected: RejectedRows;
}

type Summary = Record<string, unknown> & { ok: boolean };
type Failed = Extract<ImportRunOutcome, { ok: false }>;

function fileSummary(file: string, r: ImportReport): Record<string, unknown> {
  return {
    file,
    kind: r.kind,
    layout: r.mapping.layout ? { id: r.mapping.layout, label: layoutById(r.mapping.layout).label } : null,
    encoding: r.encoding,
    delimiter: r.delimiter,
    hasHeader: r.hasHeader,
    mapping: r.mapping,
    rowsRead: r.rowsRead,
    rowsImported: r.rowsImported,
    rowsRejected: r.rowsRejected,
    blankRowsSkipped: r.blankRowsSkipped,
    ...r.written,
    rejected: r.rejected,
    warnings: r.warnings,
    notes: r.notes.map((note) => note.message),
    reach: r.reach,
  };
}

export function successSummary(workspace: string, results: FileResult[]): Summary {
  const imported = results.flatMap((r) => (r.outcome.ok ? [{ file: r.file, report: r.outcome.report }] : []));
  const reports = imported.map((r) => r.report);
  const written = reports.reduce<TableCounts>((total, r) => addCounts(total, r.written), noTableCounts());
  const files = imported.map((r) => fileSummary(r.file, r.report));
  const single = files.length === 1 ? files[0] : {};
  return {
    ok: true,
    workspace,
    ...single,
    rowsRead: sum(reports, (r) => r.rowsRead),
    rowsImported: sum(reports, (r) => r.rowsImported),
    rowsRejected: sum(reports, (r) => r.rowsRejected),
    ...written,
    rejected: mergeCounts(reports.map((r) => r.rejected)),
    warnings: mergeCounts(reports.map((r) => r.warnings)),
    files,
  };
}

export function failureSummary(file: string, outcome: Failed): Summary {
  const { kind, message, detail, report, preview, sheets } = outcome.failure;
  return {
    ok: false,
    file,
    error: {
      code: kind,
      message,
      ...(detail === undefined ? {} : { detail }),
      ...(sheets ? { sheets } : {}),
      advice: importAdvice(outcome.failure),
    },
    ...(preview
      ? {
          encoding: preview.format.encoding,
          delimiter: preview.format.delimiter,
          kind: preview.detectedKind,
          mapping: preview.mapping,
        }
      : {}),
    ...(report ? fileSummary(file, report) : {}),
  };
}

export function report(io: CliOutput, json: boolean, summary: Summary): void {
  if (json) {
    io.out(JSON.stringify(summary));
    return;
  }
  if (!summary.ok) {
    const error = summary.error as { message: string; detail?: string; advice?: string[] };
    const lines = [
      `Nothing was imported${summary.file ? ` (stopped at ${String(summary.file)})` : ''}. ${error.message}`,
    ];
    if (error.detail) lines.push(error.detail);
    lines.push(...(error.advice ?? []));
    lines.push('The workspace was not changed.');
    io.err(lines.join('\n'));
    return;
  }
  const files = summary.files as ReturnType<typeof fileSummary>[];
  const reach = files.length > 0 ? describeReach(files[files.length - 1].reach as CustomerReach) : null;
  io.out([...files.map(describeFile), ...(reach ? [reach] : []), `Saved ${String(summary.workspace)}.`].join('\n'));
}

const TABLE_NOUNS: Record<keyof TableCounts, [string, string]> = {
  orders: ['order', 'orders'],
  orderLines: ['order line', 'order lines'],
  customers: ['customer', 'customers'],
  products: ['product', 'products'],
  events: ['event', 'events'],
  baskets: ['basket', 'baskets'],
};

function describeFile(file: Record<string, unknown>): string {
  const n = (key: string) => Number(file[key]).toLocaleString('en');
  const added = (Object.keys(TABLE_NOUNS) as (keyof TableCounts)[])
    .filter((key) => Number(file[key]) > 0)
    .map((key) => `${n(key)} ${TABLE_NOUNS[key][Number(file[key]) === 1 ? 0 : 1]}`);
  return [
    `${String(file.file)}: ${KIND_LABELS[file.kind as ImportKind]}`,
    ...(file.layout ? [`  ${(file.layout as { label: string }).label}: read with its built-in mapping`] : []),
    `  ${n('rowsRead')} rows read: ${n('rowsImported')} imported, ${n('rowsRejected')} rejected`,
    `  Added or updated: ${added.join(', ') || 'nothing'}`,
    ...(file.notes as string[]).map((note) => `  - ${note}`),
  ].join('\n');
}

/** The rejected rows with their row numbers and reasons, under the file's own column names. */
export function rejectedCsv(results: FileResult[]): string {
  const headers = results.map((r) => r.rejected.headers);
  const sameColumns = headers.every((h) => h.join('\u0000') === headers[0]?.join('\u0000'));
  const width = Math.max(0, ...results.flatMap((r) => r.rejected.rows.map((row) => row.cells.length)));
  const named = sameColumns ? (headers[0] ?? []) : [];
  const columns = Array.from({ length: Math.max(width, named.length) }, (_, i) => named[i] ?? `Column ${i + 1}`);
  let text = csvLine(['file', 'row', 'reason', 'message', ...columns]);
  for (const { file, rejected } of results) {
    for (const row of rejected.rows) text += csvLine([basename(file), row.row, row.reason, row.message, ...row.cells]);
  }
  return text;
}

const sum = (reports: ImportReport[], pick: (r: ImportReport) => number) =>
  reports.reduce((total, r) => total + pick(r), 0);

function addCounts(a: TableCounts, b: TableCounts): TableCounts {
  const total = { ...a };
  for (const key of Object.keys(total) as (keyof TableCounts)[]) total[key] += b[key];
  return total;
}

function mergeCounts(list: Partial<Record<string, number>>[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const counts of list) for (const [key, n] of Object.entries(counts)) merged[key] = (merged[key] ?? 0) + (n ?? 0);
  return merged;
}
