import { resolve } from 'node:path';
import { lockWorkspace, WINDOW_HOLDER, type WorkspaceLock } from '../node/workspace-lock';

interface Held {
  owner: number;
  /** How many opens of this window have not been let go of yet: reopening the open workspace counts twice. */
  count: number;
  lock: WorkspaceLock;
}

/**
 * The workspace locks main holds for its windows (by web contents id): taken when a window opens or
 * creates a workspace, let go of when it closes that workspace, switches, or the window closes.
 * Another window, app or command that wants to write the same file is refused while one is held.
 */
export class WindowLocks {
  readonly #held = new Map<string, Held>();

  /** Takes the workspace for the window, or throws a sentence naming who has it. */
  async take(owner: number, path: string): Promise<void> {
    const key = resolve(path);
    const held = this.#held.get(key);
    if (held?.owner === owner) {
      held.count++;
      return;
    }
    // Held by another window of this app: the lock file names this process, so the refusal says so.
    const lock = await lockWorkspace(key, WINDOW_HOLDER);
    if (lock.clearedNote) console.warn(lock.clearedNote);
    this.#held.set(key, { owner, count: 1, lock });
  }

  holds(owner: number, path: string): boolean {
    return this.#held.get(resolve(path))?.owner === owner;
  }

  async release(owner: number, path: string): Promise<void> {
    const key = resolve(path);
    const held = this.#held.get(key);
    if (held?.owner !== owner || --held.count > 0) return;
    this.#held.delete(key);
    await held.lock.release();
  }

  async releaseAll(owner: number): Promise<void> {
    const mine = [...this.#held].filter(([, held]) => held.owner === owner);
    for (const [key, held] of mine) {
      this.#held.delete(key);
      await held.lock.release();
    }
  }
}
