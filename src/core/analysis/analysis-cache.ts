import type { Database } from '../store/sqlite';
import { queryAll } from '../store/sqlite';
import { dataVersionOf, type DataTable } from './data-version';

/**
 * Results of analyses kept in the workspace, so reopening it shows them at once. An entry is keyed
 * by the analysis and its parameters, and holds the data version of the tables it read; it is used
 * only while those tables are unchanged.
 */

export interface CacheEntry<T> {
  result: T;
  computedAt: string;
}

interface StoredPayload<T> {
  version: string;
  result: T;
}

export function cacheKey(analysis: string, params: unknown): string {
  return `${analysis}:${stableJson(params)}`;
}

export function readCached<T>(db: Database, key: string, tables: readonly DataTable[]): CacheEntry<T> | null {
  const [row] = queryAll<{ created_at: string; payload: string }>(
    db,
    'SELECT created_at, payload FROM analysis_cache WHERE cache_key = ?',
    [key],
  );
  if (!row) return null;
  const payload = JSON.parse(row.payload) as StoredPayload<T>;
  if (payload.version !== dataVersionOf(db, tables)) return null;
  return { result: payload.result, computedAt: row.created_at };
}

export function writeCached<T>(
  db: Database,
  key: string,
  tables: readonly DataTable[],
  result: T,
  now: Date,
): CacheEntry<T> {
  const version = dataVersionOf(db, tables);
  const computedAt = now.toISOString();
  db.run(
    `INSERT INTO analysis_cache(cache_key, data_version, created_at, payload) VALUES (?, 0, ?, ?)
     ON CONFLICT(cache_key) DO UPDATE SET created_at = excluded.created_at, payload = excluded.payload`,
    [key, computedAt, JSON.stringify({ version, result } satisfies StoredPayload<T>)],
  );
  return { result, computedAt };
}

/** Entries whose tables have changed since; run after an import so the file does not keep dead results. */
export function dropStaleEntries(db: Database, tablesOf: (key: string) => readonly DataTable[] | null): number {
  let dropped = 0;
  for (const { cache_key, payload } of queryAll<{ cache_key: string; payload: string }>(
    db,
    'SELECT cache_key, payload FROM analysis_cache',
  )) {
    const tables = tablesOf(cache_key);
    const { version } = JSON.parse(payload) as StoredPayload<unknown>;
    if (!tables || version !== dataVersionOf(db, tables)) {
      db.run('DELETE FROM analysis_cache WHERE cache_key = ?', [cache_key]);
      dropped++;
    }
  }
  return dropped;
}

/** JSON with object keys sorted, so equal parameters give equal keys whatever their order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
