/** Debounced, one-at-a-time saving: every scheduled change is written, never two writes at once. */
export interface Autosave {
  schedule(): void;
  flush(): Promise<void>;
  cancel(): void;
}

export const AUTOSAVE_DELAY_MS = 1000;

export function createAutosave({
  save,
  delayMs = AUTOSAVE_DELAY_MS,
}: {
  save: () => Promise<void>;
  delayMs?: number;
}): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  let running: Promise<void> | null = null;

  const run = async (): Promise<void> => {
    if (running) await running.catch(() => undefined);
    if (!pending) return;
    pending = false;
    running = save();
    try {
      await running;
    } catch (error) {
      pending = true;
      throw error;
    } finally {
      running = null;
    }
  };

  return {
    schedule() {
      pending = true;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        run().catch(() => undefined);
      }, delayMs);
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      return run();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = false;
    },
  };
}
