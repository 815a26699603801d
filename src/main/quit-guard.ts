import type { App, BrowserWindow } from 'electron';
import { QUIT_REQUESTED } from '../shared/ipc-channels';

/** How long the page gets to save before the user is asked; a large workspace can take a while. */
const QUIT_FLUSH_TIMEOUT_MS = 20_000;

export interface QuitGuardOptions {
  /** Asks the page to save its unsaved work; it answers with flushed(). */
  requestFlush(): void;
  /** True when the user chooses to quit although the save was not confirmed. */
  askQuitWithoutSaving(): Promise<boolean>;
  /** Closes or quits for real. */
  proceed(): void;
  timeoutMs?: number;
}

/**
 * Closing waits for the page to confirm its work is saved. If it does not answer in time, the user
 * decides; nothing is ever dropped without asking.
 */
export class QuitGuard {
  #state: 'idle' | 'waiting' | 'asking' | 'released' = 'idle';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: QuitGuardOptions) {}

  get released(): boolean {
    return this.#state === 'released';
  }

  request(): void {
    if (this.#state !== 'idle') return;
    this.#state = 'waiting';
    this.#timer = setTimeout(() => void this.#askUser(), this.options.timeoutMs ?? QUIT_FLUSH_TIMEOUT_MS);
    try {
      this.options.requestFlush();
    } catch {
      // A page that cannot be asked is handled like one that does not answer: the timeout asks the user.
    }
  }

  flushed(): void {
    if (this.#state === 'waiting') this.#release();
  }

  async #askUser(): Promise<void> {
    if (this.#state !== 'waiting') return;
    this.#state = 'asking';
    const quit = await this.options.askQuitWithoutSaving().catch(() => false);
    if (quit) this.#release();
    else this.#state = 'idle';
  }

  #release(): void {
    clearTimeout(this.#timer);
    this.#state = 'released';
    this.options.proceed();
  }
}

/** Guards a window's close button and the app's quit (menu, Cmd+Q, shutdown) with one QuitGuard. */
export function guardAgainstDataLoss(
  window: BrowserWindow,
  app: App,
  askQuitWithoutSaving: () => Promise<boolean>,
  timeoutMs?: number,
): QuitGuard {
  let quitAppAfterwards = false;
  const guard = new QuitGuard({
    requestFlush: () => window.webContents.send(QUIT_REQUESTED),
    askQuitWithoutSaving,
    proceed: () => (quitAppAfterwards ? app.quit() : window.close()),
    timeoutMs,
  });
  window.on('close', (event) => {
    if (guard.released) return;
    event.preventDefault();
    guard.request();
  });
  const onBeforeQuit = (event: { preventDefault(): void }) => {
    if (guard.released) return;
    event.preventDefault();
    quitAppAfterwards = true;
    guard.request();
  };
  app.on('before-quit', onBeforeQuit);
  window.once('closed', () => app.off('before-quit', onBeforeQuit));
  return guard;
}
