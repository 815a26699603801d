import { resolve } from 'node:path';
import { writeFileAtomic, type AtomicWriteOptions } from './atomic-write';

type WriteFile = (path: string, bytes: Uint8Array, options?: AtomicWriteOptions) => Promise<void>;

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

interface PendingWrite {
  bytes: Uint8Array;
  options: AtomicWriteOptions | undefined;
  waiters: Waiter[];
}

/**
 * One write at a time per file. Saves that arrive while a write runs are coalesced: only the latest
 * bytes are written next, and every one of those callers settles with that write, because each save
 * is a whole-file snapshot that supersedes the ones before it.
 */
export class WriteQueue {
  readonly #running = new Map<string, { next: PendingWrite | null }>();

  constructor(private readonly writeFile: WriteFile = writeFileAtomic) {}

  save(path: string, bytes: Uint8Array, options?: AtomicWriteOptions): Promise<void> {
    const key = resolve(path);
    return new Promise<void>((resolvePromise, reject) => {
      const waiter = { resolve: resolvePromise, reject };
      const running = this.#running.get(key);
      if (running) {
        const waiters = running.next?.waiters ?? [];
        running.next = { bytes, options, waiters: [...waiters, waiter] };
        return;
      }
      const slot = { next: { bytes, options, waiters: [waiter] } as PendingWrite | null };
      this.#running.set(key, slot);
      void this.#drain(key, slot);
    });
  }

  async #drain(key: string, slot: { next: PendingWrite | null }): Promise<void> {
    while (slot.next) {
      const { bytes, options, waiters } = slot.next;
      slot.next = null;
      try {
        await this.writeFile(key, bytes, options);
        for (const waiter of waiters) waiter.resolve();
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.#running.delete(key);
  }
}
