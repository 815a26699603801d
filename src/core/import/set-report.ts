import type { ImportFailure } from './failure';
import type { ImportKind } from './kinds';
import type { CustomerReach } from './reach';
import type { ImportReport } from './report';
import type { UnresolvedLink } from './set-links';
import type { SetFileRole } from './set-roles';
import type { TableCounts } from './sink';

/** One file of a set as the review step shows it, before anything is written. */
export interface SetFileSummary {
  /** Where the file stands among the files picked. */
  index: number;
  fileName: string;
  role: SetFileRole['role'];
  kind: ImportKind | null;
  /** Its kind in words, a lookup, or “not used for cross-selling: …”. */
  description: string;
  hasHeader: boolean;
  /** The known export layout it matches (e.g. “Shopify orders export”), or null. */
  layout: string | null;
}

export interface SetFileReport extends SetFileSummary {
  /** What a data file's import did. */
  report: ImportReport | null;
  /** A lookup's names read, and the products it labelled. */
  lookupRows?: number;
  labelled?: number;
  /** A lookup's codes and names that were longer than the workspace keeps and were shortened. */
  lookupShortened?: number;
}

/** What a set's import did: its files in the order they went in, skipped ones last. */
export interface FileSetReport {
  importId: number;
  kind: 'set';
  /** How the set is named in the history. */
  fileName: string;
  files: SetFileReport[];
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  /** Rows the set added to, or changed in, each table. */
  written: TableCounts;
  /** References between the files that do not resolve, with examples. */
  unresolved: UnresolvedLink[];
  reach: CustomerReach;
  durationMs: number;
}

export type FileSetOutcome =
  | { ok: true; report: FileSetReport }
  /** The workspace is unchanged; `fileName` names the file that stopped the set. */
  | { ok: false; failure: ImportFailure; fileName: string | null; report: ImportReport | null };
