import type { Database } from '../store/sqlite';
import type { ImportMode } from './import-mode';
import type { ImportKind } from './kinds';
import type { AcceptedRow, RowRejection } from './validate';
import type { WarningTally } from './warnings';

/** Rows this import added to (or changed in) each table. */
export interface TableCounts {
  customers: number;
  products: number;
  orders: number;
  orderLines: number;
  events: number;
  baskets: number;
}

export const noTableCounts = (): TableCounts => ({
  customers: 0,
  products: 0,
  orders: 0,
  orderLines: 0,
  events: 0,
  baskets: 0,
});

export interface SinkContext {
  db: Database;
  importId: number;
  kind: ImportKind;
  mode: ImportMode;
  warnings: WarningTally;
  /** A file of a set: what the set's files say together (such as the customers orders name) is the set's to write. */
  partOfSet: boolean;
}

/** Writes accepted rows of one kind into the workspace, inside the import's transaction. */
export interface RowSink {
  /** Writes one row, or rejects it when the workspace cannot take it (e.g. its id is already there). */
  write(row: AcceptedRow): RowRejection | null;
  /** Writes rows held back for a multi-row statement; runs after each chunk and before \`finish\`. */
  flush(): void;
  /** Writes what follows from all rows together (orders, customers and products of order lines). */
  finish(): void;
  readonly written: TableCounts;
  /** Frees prepared statements; runs whether the import succeeds or not. */
  close(): void;
}
