import type { TextEncodingName } from './decode';
import type { ImportFailure } from './failure';
import type { ImportKind } from './kinds';
import type { ImportMapping } from './mapping';
import type { CustomerReach } from './reach';
import type { ImportMode } from './import-mode';
import type { TableCounts } from './sink';
import type { Delimiter } from './sniff';
import type { RejectedRow, RejectReason } from './validate';
import type { ImportWarning, WarningKind } from './warnings';

/**
 * What one import did, as shown to the user and stored with the import. Row numbers count the
 * header as row 1, so they match what a spreadsheet shows. Always: rowsRead = rowsImported +
 * rowsRejected (blank lines are not rows; they are counted apart).
 */
export interface ImportReport {
  importId: number;
  fileName: string;
  kind: ImportKind;
  mode: ImportMode;
  encoding: TextEncodingName;
  delimiter: Delimiter;
  hasHeader: boolean;
  mapping: ImportMapping;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  blankRowsSkipped: number;
  /** Rejected rows by reason. */
  rejected: Partial<Record<RejectReason, number>>;
  /** Warnings by kind: rows (or ids) concerned. */
  warnings: Partial<Record<WarningKind, number>>;
  /** The warnings in words, with example rows. */
  notes: ImportWarning[];
  /** The first rejected rows, with their reasons. */
  rejectedExamples: RejectedRow[];
  /** Rows this import added to, or changed in, each table. */
  written: TableCounts;
  /** The workspace's customers afterwards, and how many of them agreed to each channel. */
  reach: CustomerReach;
  durationMs: number;
}

export type ImportOutcome =
  | { ok: true; report: ImportReport }
  /** The workspace is unchanged; `report` tells what was read before the import stopped, when it got that far. */
  | { ok: false; failure: ImportFailure; report: ImportReport | null };
