/** What the renderer, the engine, the CLI and main agree a workspace looks like from outside. */

export const TABLES = [
  'customers',
  'products',
  'orders',
  'order_lines',
  'events',
  'baskets',
  'imports',
  'plans',
  'plan_revisions',
] as const;
export type TableName = (typeof TABLES)[number];

export type Industry = 'beauty' | 'running' | 'lighting';
export const INDUSTRIES: readonly Industry[] = ['beauty', 'running', 'lighting'];

export interface SampleRows {
  table: TableName;
  columns: string[];
  rows: (string | number | null)[][];
}

export interface WorkspaceSummary {
  name: string;
  schemaVersion: number;
  /** Bumped by every committed change; the renderer compares it with the last saved revision. */
  revision: number;
  counts: Record<TableName, number>;
  orderDateRange: { first: string; last: string } | null;
  /** Orders without a date (e.g. an export that numbers each customer's orders instead). */
  undatedOrders: number;
  samples: SampleRows[];
  /** The demo this workspace was generated as, whatever it is called now; null for the user's own workspaces. */
  demo: Industry | null;
}

/** Why a file could not be opened as a workspace; each kind gets its own message in the UI. */
export type OpenFailureKind =
  'empty' | 'not-sqlite' | 'not-workspace' | 'truncated' | 'damaged' | 'newer-version' | 'foreign-objects';

export interface OpenFailure {
  kind: OpenFailureKind;
  message: string;
  detail?: string;
  /** For foreign objects: whether a copy without them can be opened (a changed built-in table cannot). */
  canClean?: boolean;
}
