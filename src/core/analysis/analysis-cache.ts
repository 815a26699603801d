import { z } from 'zod';
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

const storedPayloadSchema = z.object({ version: z.string(), result: z.unknown() });

/** What the cache holds for a key: a result to use, nothing, or an entry not in the shape the app writes. */
export type CachedRead<T> = { kind: 'hit'; entry: CacheEntry<T> } | { kind: 'miss' } | { kind: 'unreadable' };

function parsePayload(text: string): z.infer<typeof storedPayloadSchema> | null {
  try {
    const parsed = storedPayloadSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function cacheKey(analysis: string, params: unknown): string {
  return `${analysis}:${stableJson(params)}`;
}

/** The cached result for a key, checked against the result's schema: a file from elsewhere may hold anything. */
export function readCached<T>(
  db: Database,
  key: string,
  tables: readonly DataTable[],
  schema: z.ZodType<T>,
): CachedRead<T> {
  const [row] = queryAll<{ created_at: unknown; payload: unknown }>(
    db,
    'SELECT created_at, payload FROM analysis_cache WHERE cache_key = ?',
    [key],
  );
  if (!row) return { kind: 'miss' };
  const payload = typeof row.payload === 'string' ? parsePayload(row.payload) : null;
  if (!payload || typeof row.created_at !== 'string') return { kind: 'unreadable' };
  if (payload.version !== dataVersionOf(db, tables)) return { kind: 'miss' };
  const result = schema.safeParse(payload.result);
  if (!result.success) return { kind: 'unreadable' };
  return { kind: 'hit', entry: { result: result.data, computedAt: row.created_at } };
}

/** Stores a result that fits its schema (one that does not is left out, so it is never read back unchecked). */
export function writeCached<T>(
  db: Database,
  key: string,
  tables: readonly DataTable[],
  result: T,
  schema: z.ZodType<T>,
  now: Date,
): CacheEntry<T> {
  const version = dataVersionOf(db, tables);
  const computedAt = now.toISOString();
  if (!schema.safeParse(result).success) {
    db.run('DELETE FROM analysis_cache WHERE cache_key = ?', [key]);
    return { result, computedAt };
  }
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
    const version = parsePayload(payload)?.version;
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

/** How many stored results are not in the shape their analysis writes (`schemaOf` by cache key; null for an unknown key). */
export function unreadableEntries(db: Database, schemaOf: (key: string) => z.ZodType | null): number {
  return queryAll<{ cache_key: string; payload: unknown }>(db, 'SELECT cache_key, payload FROM analysis_cache').filter(
    (row) => {
      const payload = typeof row.payload === 'string' ? parsePayload(row.payload) : null;
      const schema = schemaOf(String(row.cache_key));
      return !payload || (schema !== null && !schema.safeParse(payload.result).success);
    },
  ).length;
}
