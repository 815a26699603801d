import { randomBytes } from 'node:crypto';
import type * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The temp files an atomic write makes beside its target, and the clean-up of those a crash left. */

export type StrayTemps = 'old' | 'all';

/** Temp files younger than this may belong to a write still running in another process. */
export const STRAY_TEMP_AGE_MS = 5 * 60_000;

const HEX_TAG_LENGTH = 12;

/** A hidden, unique name beside the target, so the final rename never crosses file systems. */
export function tempPathFor(path: string, purpose: 'new' | 'backup' = 'new'): string {
  const tag = purpose === 'backup' ? 'bak.' : '';
  return join(dirname(path), `.${basename(path)}.${tag}${randomBytes(HEX_TAG_LENGTH / 2).toString('hex')}.tmp`);
}

/** Whether a name in the target's folder is one of this target's own temp files (never another file's). */
export function isTempNameOf(target: string, name: string): boolean {
  const prefix = `.${basename(target)}.`;
  if (!name.startsWith(prefix) || !name.endsWith('.tmp')) return false;
  const tag = name.slice(prefix.length, -'.tmp'.length).replace(/^bak\./, '');
  return tag.length === HEX_TAG_LENGTH && /^[0-9a-f]+$/.test(tag);
}

/** Removes the target's temp files that a crashed write left behind: all of them, or only old ones. */
export async function removeStrayTemps(
  fs: Pick<typeof nodeFs, 'readdir' | 'stat' | 'rm'>,
  target: string,
  which: StrayTemps,
): Promise<void> {
  const folder = dirname(target);
  for (const name of await fs.readdir(folder)) {
    if (!isTempNameOf(target, name)) continue;
    const path = join(folder, name);
    if (which === 'old' && Date.now() - (await fs.stat(path)).mtimeMs < STRAY_TEMP_AGE_MS) continue;
    await fs.rm(path, { force: true });
  }
}
