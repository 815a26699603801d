import { TABLES, type SampleRows, type TableName, type WorkspaceSummary } from './workspace-types';
import { SCHEMA_VERSION } from './schema';
import { queryValue, type Database } from './sqlite';
import { demoOf } from './workspace-demo';

const SAMPLE_QUERIES: { table: TableName; sql: string }[] = [
  {
    table: 'customers',
    sql: `SELECT customer_id, first_name, last_name, email, country, loyalty_tier, email_opt_in, sms_opt_in
          FROM customers ORDER BY customer_id LIMIT 5`,
  },
  {
    table: 'products',
    sql: `SELECT product_id, name, category, family, tier, price, rating FROM products ORDER BY product_id LIMIT 5`,
  },
  {
    table: 'orders',
    sql: `SELECT order_id, customer_id, ordered_at, channel, is_gift, status FROM orders ORDER BY ordered_at, order_id LIMIT 5`,
  },
  {
    table: 'events',
    sql: `SELECT customer_id, occurred_at, type, product_id, value FROM events ORDER BY occurred_at, event_id LIMIT 5`,
  },
];

/** The longest workspace name kept; a longer one read from a file is cut here (`workspaceNameIsClipped` says so). */
export const MAX_WORKSPACE_NAME = 200;

export function workspaceName(db: Database): string {
  const name = queryValue(db, "SELECT value FROM meta WHERE key = 'name'");
  if (typeof name !== 'string' || !name.trim()) return 'Untitled workspace';
  return name.length > MAX_WORKSPACE_NAME ? `${name.slice(0, MAX_WORKSPACE_NAME)}…` : name;
}

export function workspaceNameIsClipped(db: Database): boolean {
  const name = queryValue(db, "SELECT value FROM meta WHERE key = 'name'");
  return typeof name !== 'string' || name.length > MAX_WORKSPACE_NAME;
}

/** What the overview screen and `cli info` show: counts, the order date range and a few rows. */
export function summarizeWorkspace(db: Database, revision: number): WorkspaceSummary {
  const counts = Object.fromEntries(
    TABLES.map((table) => [table, Number(queryValue(db, `SELECT count(*) FROM ${table}`))]),
  ) as Record<TableName, number>;
  const first = queryValue(db, 'SELECT min(ordered_at) FROM orders');
  const last = queryValue(db, 'SELECT max(ordered_at) FROM orders');
  const samples: SampleRows[] = [];
  for (const { table, sql } of SAMPLE_QUERIES) {
    if (counts[table] === 0) continue;
    const [result] = db.exec(sql);
    if (result) samples.push({ table, columns: result.columns, rows: result.values as SampleRows['rows'] });
  }
  return {
    name: workspaceName(db),
    schemaVersion: SCHEMA_VERSION,
    revision,
    counts,
    orderDateRange: first && last ? { first: String(first), last: String(last) } : null,
    undatedOrders: Number(queryValue(db, 'SELECT count(*) FROM orders WHERE ordered_at IS NULL')),
    samples,
    demo: demoOf(db),
  };
}
