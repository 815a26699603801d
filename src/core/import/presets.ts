import { z } from 'zod';
import { readStoredJson } from '../store/stored-json';
import { queryAll, type Database } from '../store/sqlite';
import type { FileImportOutcome } from './import-file';
import { importMappingSchema, type ImportMapping } from './mapping';

/**
 * Mapping presets: the column choices of the last successful import of a file, offered again for
 * files with the same header. One preset per header; the newest import of that header wins.
 */

export interface MappingPreset {
  name: string;
  mapping: ImportMapping;
  /** When these choices were last used, as an ISO timestamp. */
  lastUsedAt: string;
}

/** The header as a key: names trimmed and lower-cased, in order, joined by a unit separator. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map((name) => name.trim().toLowerCase()).join('\u001f');
}

export function savePreset(
  db: Database,
  headers: readonly string[],
  mapping: ImportMapping,
  name: string,
  now = new Date(),
): void {
  const at = now.toISOString();
  db.run(
    `INSERT INTO mapping_presets(header_signature, name, kind, mapping, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(header_signature) DO UPDATE SET
       name = excluded.name, kind = excluded.kind, mapping = excluded.mapping, last_used_at = excluded.last_used_at`,
    [headerSignature(headers), name, mapping.kind, JSON.stringify(mapping), at, at],
  );
}

/** The preset for this header, or null when there is none or it no longer reads as a mapping. */
export function findPreset(db: Database, headers: readonly string[]): MappingPreset | null {
  const [row] = queryAll(db, `${PRESET_ROWS} WHERE header_signature = ?`, [headerSignature(headers)]);
  return row ? readPreset(row) : null;
}

/** How many stored presets are not in the shape they were written in (they are never offered). */
export function unreadablePresets(db: Database): number {
  return queryAll(db, PRESET_ROWS).filter((row) => !readPreset(row)).length;
}

const PRESET_ROWS = 'SELECT name, mapping, last_used_at FROM mapping_presets';
const presetRowSchema = z.object({ name: z.string(), mapping: z.string(), last_used_at: z.string() });

function readPreset(row: unknown): MappingPreset | null {
  const parsed = presetRowSchema.safeParse(row);
  const mapping = parsed.success ? readStoredJson(parsed.data.mapping, importMappingSchema) : null;
  return parsed.success && mapping ? { name: parsed.data.name, mapping, lastUsedAt: parsed.data.last_used_at } : null;
}

/** After a successful import of a file with a header row, keeps its mapping as that header's preset. */
export function rememberImportMapping(db: Database, outcome: FileImportOutcome): void {
  if (!outcome.ok || !outcome.preview?.format.hasHeader) return;
  savePreset(db, outcome.preview.headers, outcome.report.mapping, outcome.report.fileName);
}
