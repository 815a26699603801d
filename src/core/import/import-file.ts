import { fail, ok, type Result } from '../util/result';
import type { Database } from '../store/sqlite';
import { importFailure, type ImportFailure } from './failure';
import { KIND_LABELS, type ImportKind } from './kinds';
import { loadImport, type ImportControl, type ImportSettings } from './load';
import { withGrouping, type ImportMapping } from './mapping';
import { previewImport, readValueFormats, type ImportPreview } from './preview';
import type { ImportOutcome } from './report';
import type { ImportMode } from './import-mode';
import type { Delimiter } from './sniff';
import { notUsedFailure } from './set-roles';
import type { ByteSource } from './source';
import type { DayMonthOrder } from './values';
import { someNames } from './messages';

/**
 * One file from bytes to workspace: look at it, settle every open question from the user's
 * choices (or stop and ask), then load it.
 */

export interface ImportChoices {
  /** What the file holds, when the user says so. */
  kind?: ImportKind;
  /** A saved mapping; its kind wins, and the file is taken to hold what it says. */
  mapping?: ImportMapping;
  dayMonthOrder?: DayMonthOrder;
  delimiter?: Delimiter;
  /** Whether the first row names the columns, when the user says so. */
  hasHeader?: boolean;
  mode?: ImportMode;
  /** Order lines without an order number: each customer's purchases of this many days form one order. */
  groupDays?: number;
  /** The sheet of an Excel workbook to import (read by the engine before the file is looked at). */
  sheet?: string;
  /** false keeps product codes that differ only in letter case apart (the mapping's mergeCaseVariants). */
  mergeCaseVariants?: boolean;
}

export type FileImportOutcome = ImportOutcome & { preview: ImportPreview | null };

export async function importFile(
  db: Database,
  source: ByteSource,
  choices: ImportChoices = {},
  control: ImportControl = {},
): Promise<FileImportOutcome> {
  const previewed = await previewImport(source, {
    kind: choices.mapping?.kind ?? choices.kind ?? (choices.groupDays ? 'order_lines_flat' : undefined),
    delimiter: choices.delimiter,
    hasHeader: choices.hasHeader,
  });
  if (!previewed.ok) return { ok: false, failure: previewed.error, report: null, preview: null };
  const preview = previewed.value;
  const settings = settleImport(preview, choices);
  if (!settings.ok) return { ok: false, failure: settings.error, report: null, preview };
  return { ...(await loadImport(db, source, settings.value, control)), preview };
}

/** Combines what the preview found with the user's choices; fails with a question when one is still open. */
export function settleImport(preview: ImportPreview, choices: ImportChoices): Result<ImportSettings, ImportFailure> {
  const { delimiter } = preview;
  if (delimiter.ambiguous && !choices.delimiter) {
    const options = delimiter.candidates.map(separatorName).join(' or ');
    return fail(
      importFailure(
        'choose_delimiter',
        `We cannot tell whether this file separates its values with ${options}. Choose the separator it uses.`,
      ),
    );
  }

  const kind = choices.mapping?.kind ?? choices.kind ?? (choices.groupDays ? 'order_lines_flat' : preview.detectedKind);
  if (choices.mapping && choices.kind && choices.mapping.kind !== choices.kind) {
    return fail(
      importFailure(
        'bad_mapping',
        `The saved mapping is for ${KIND_LABELS[choices.mapping.kind]}, but you chose ${KIND_LABELS[choices.kind]}.`,
      ),
    );
  }
  if (!kind) return fail(unknownKind(preview));
  const notUsed = choices.mapping || choices.kind ? null : notUsedFailure(preview);
  if (notUsed) return fail(notUsed);
  if (!choices.mapping && choices.kind && preview.detectedKind && !fits(choices.kind, preview.detectedKind)) {
    return fail(
      importFailure(
        'kind_mismatch',
        `You chose to import ${KIND_LABELS[choices.kind]}, but this file looks like ${KIND_LABELS[preview.detectedKind]}. Choose what the file really holds, or map its columns yourself.`,
        `Its columns are: ${someNames(preview.headers)}.`,
      ),
    );
  }

  const chosen = choices.mapping ?? preview.mapping ?? { kind, columns: {} };
  const proposed = choices.groupDays ? withGrouping(chosen, choices.groupDays) : chosen;
  const formats = readValueFormats(proposed, preview.headers, preview.sampleRows);
  const dayMonthOrder = choices.dayMonthOrder ?? proposed.dayMonthOrder ?? formats.dayMonthOrder;
  const undecided = formats.dateColumns.find((d) => d.guess.ambiguous);
  if (!dayMonthOrder && undecided) {
    return fail(
      importFailure(
        'choose_date_order',
        `The dates in column “${undecided.column}” (such as ${undecided.guess.example}) can be read day first or month first. Choose which one the file uses.`,
        'Every date we sampled has a day of 12 or less, so the dates themselves do not tell.',
      ),
    );
  }

  const mode = choices.mode ?? 'append';
  if (mode === 'update' && (kind === 'events' || kind === 'baskets')) {
    return fail(
      importFailure(
        'mode_not_supported',
        `${capitalise(KIND_LABELS[kind])} have no number to match rows by, so they cannot be updated. Append them, or replace the earlier ones.`,
      ),
    );
  }

  const mapping: ImportMapping = {
    ...proposed,
    decimalSeparator: proposed.decimalSeparator ?? formats.decimalSeparator,
  };
  if (dayMonthOrder) mapping.dayMonthOrder = dayMonthOrder;
  const groupingReason = mapping.groupBy ? preview.groupingReason : null;
  if (choices.mergeCaseVariants !== undefined) mapping.mergeCaseVariants = choices.mergeCaseVariants;
  return ok({
    fileName: preview.fileName,
    format: { ...preview.format, delimiter: choices.delimiter ?? preview.format.delimiter },
    mapping,
    mode,
    ...(groupingReason ? { groupingReason } : {}),
  });
}

/** A file of order lines with the order details on each line is also a file of order lines. */
function fits(chosen: ImportKind, detected: ImportKind): boolean {
  return chosen === detected || (chosen === 'order_lines' && detected === 'order_lines_flat');
}

function unknownKind(preview: ImportPreview): ImportFailure {
  if (preview.foreignSeparator) {
    return importFailure(
      'unknown_kind',
      `This file seems to separate its values with “${preview.foreignSeparator}”, which we do not read. Save it with commas, semicolons or tabs between the values and import it again.`,
    );
  }
  const columns = preview.format.hasHeader
    ? `Its columns are: ${someNames(preview.headers)}.`
    : 'Its first row holds data, not column names.';
  return importFailure(
    'unknown_kind',
    'We cannot tell from its column names what this file holds. Choose what it holds and which column is which.',
    columns,
  );
}

function separatorName(delimiter: Delimiter): string {
  return delimiter === '\t' ? 'tabs' : `“${delimiter}”`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
