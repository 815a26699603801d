import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentWorkspace, WorkspaceRef } from '../shared/host';
import { writeFileAtomic } from '../node/atomic-write';
import { fileExists } from './workspace-files';

export const MAX_RECENT_WORKSPACES = 10;
export const RECENT_FILE_NAME = 'recent-workspaces.json';

const storedEntry = z.object({ path: z.string().min(1), name: z.string().min(1), openedAt: z.string().min(1) });
type StoredEntry = z.infer<typeof storedEntry>;

/**
 * The recently opened workspaces, most recent first, kept as JSON in the app's settings folder.
 * A damaged or unreadable list counts as empty: it must never stop the app from starting.
 */
export class RecentFiles {
  readonly #file: string;
  readonly #folder: string;
  #changes: Promise<void> = Promise.resolve();

  constructor(folder: string) {
    this.#folder = folder;
    this.#file = join(folder, RECENT_FILE_NAME);
  }

  /** The workspaces whose file is still there; missing ones stay stored in case their drive comes back. */
  async list(): Promise<RecentWorkspace[]> {
    await this.#changes;
    const entries = await this.#read();
    const present = await Promise.all(entries.map((entry) => fileExists(entry.path)));
    return entries
      .filter((_, index) => present[index])
      .map((entry) => ({ ref: { id: entry.path, name: entry.name }, openedAt: entry.openedAt }));
  }

  /** Every stored path, including missing ones. */
  async paths(): Promise<string[]> {
    await this.#changes;
    return (await this.#read()).map((entry) => entry.path);
  }

  add(ref: WorkspaceRef): Promise<void> {
    const entry = { path: resolve(ref.id), name: ref.name, openedAt: new Date().toISOString() };
    return this.#change((entries) => [entry, ...entries.filter((other) => other.path !== entry.path)]);
  }

  forget(path: string): Promise<void> {
    const full = resolve(path);
    return this.#change((entries) => entries.filter((entry) => entry.path !== full));
  }

  #change(update: (entries: StoredEntry[]) => StoredEntry[]): Promise<void> {
    const next = this.#changes.then(async () => {
      const entries = update(await this.#read()).slice(0, MAX_RECENT_WORKSPACES);
      await mkdir(this.#folder, { recursive: true });
      const json = JSON.stringify({ version: 1, workspaces: entries }, null, 2);
      await writeFileAtomic(this.#file, new TextEncoder().encode(json), { keepBackup: false });
    });
    this.#changes = next.catch(() => undefined);
    return next;
  }

  async #read(): Promise<StoredEntry[]> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(this.#file, 'utf8'));
    } catch {
      return [];
    }
    const workspaces = (parsed as { workspaces?: unknown } | null)?.workspaces;
    if (!Array.isArray(workspaces)) return [];
    return workspaces.flatMap((item) => {
      const entry = storedEntry.safeParse(item);
      return entry.success ? [entry.data] : [];
    });
  }
}
