import { lookupShortenedText } from '../../core/import/messages';
import { describeReach } from '../../core/import/reach';
import type { FileSetReport, SetFileReport } from '../../core/import/set-report';
import { describeFile, fileSummary } from './import-output';

/** What the import command prints for files imported together as one set. */

export function setSummary(workspace: string, r: FileSetReport): Record<string, unknown> & { ok: boolean } {
  return {
    ok: true,
    workspace,
    set: {
      importId: r.importId,
      name: r.fileName,
      files: r.files.length,
      layouts: [...new Set(r.files.flatMap((file) => (file.layout ? [file.layout] : [])))],
    },
    rowsRead: r.rowsRead,
    rowsImported: r.rowsImported,
    rowsRejected: r.rowsRejected,
    ...r.written,
    files: r.files.map(setFileSummary),
    unresolved: r.unresolved.map(({ link, missing, rows, examples, message }) => ({
      link,
      missing,
      rows,
      examples,
      message,
    })),
    reach: r.reach,
  };
}

function setFileSummary(file: SetFileReport): Record<string, unknown> {
  const { fileName, role, kind, description, layout, lookupRows, labelled, lookupShortened, report } = file;
  return {
    ...(report ? fileSummary(fileName, report) : { file: fileName }),
    role,
    kind,
    description,
    layout,
    ...(role === 'skipped' ? { skipped: description } : {}),
    ...(role === 'lookup' ? { lookupRows, labelled, ...(lookupShortened && { lookupShortened }) } : {}),
  };
}

export function describeSet(r: FileSetReport, workspace: string): string {
  const used = r.files.filter((f) => f.role !== 'skipped').length;
  const lines = [
    r.files.length === 1
      ? `Imported ${r.files[0].fileName}:`
      : `Imported ${used} of ${r.files.length} files together, as one import (one undo takes them all back):`,
  ];
  for (const file of r.files) {
    if (file.report) lines.push(indent(describeFile(fileSummary(file.fileName, file.report))));
    else if (file.role === 'lookup')
      lines.push(
        `  ${file.fileName}: ${file.description}: ${n(file.lookupRows ?? 0)} names, ${n(file.labelled ?? 0)} products labelled` +
          (file.lookupShortened ? `. ${lookupShortenedText(file.lookupShortened)}` : ''),
      );
  }
  const skipped = r.files.filter((file) => file.role === 'skipped');
  if (skipped.length > 0) {
    lines.push('Left out:');
    for (const file of skipped) lines.push(`  ${file.fileName}: ${file.description}`);
  }
  if (r.unresolved.length > 0) {
    lines.push('Links between the files that do not resolve:');
    for (const link of r.unresolved) lines.push(`  - ${link.message} For example: ${link.examples.join(', ')}.`);
  }
  const added = Object.entries(r.written)
    .filter(([, value]) => value > 0)
    .map(([table, value]) => `${n(value)} ${TABLE_WORDS[table] ?? table}`);
  if (added.length > 0) lines.push(`Together: ${added.join(', ')} added or updated.`);
  const reach = describeReach(r.reach);
  if (reach) lines.push(reach);
  lines.push(`Saved ${workspace}.`);
  return lines.join('\n');
}

const TABLE_WORDS: Record<string, string> = {
  customers: 'customers',
  products: 'products',
  orders: 'orders',
  orderLines: 'order lines',
  events: 'events',
  baskets: 'baskets',
};

const n = (value: number) => value.toLocaleString('en');
const indent = (text: string) =>
  text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
