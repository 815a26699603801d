import { INDUSTRIES, type Industry } from './workspace-types';
import { queryAll, type Database } from './sqlite';

/**
 * Which demo a workspace was generated as, kept in `meta` so that a renamed demo, or a copy handed
 * out to a class, is still that demo. Imports leave it alone: exercises check their own data.
 */
const DEMO_KEY = 'demo';
/** Demos generated before `demo` existed carry only this key; nothing but the demo generator ever wrote it. */
const EARLIER_DEMO_KEY = 'industry';

export function markAsDemo(db: Database, industry: Industry): void {
  db.run('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [
    DEMO_KEY,
    industry,
  ]);
}

/** The demo this workspace was generated as, or null; a value that names no demo counts as none. */
export function demoOf(db: Database): Industry | null {
  const rows = queryAll<{ key: string; value: string }>(db, 'SELECT key, value FROM meta WHERE key IN (?, ?)', [
    DEMO_KEY,
    EARLIER_DEMO_KEY,
  ]);
  const value = (rows.find((r) => r.key === DEMO_KEY) ?? rows.find((r) => r.key === EARLIER_DEMO_KEY))?.value;
  return INDUSTRIES.find((industry) => industry === value) ?? null;
}
