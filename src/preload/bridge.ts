import type { IpcRenderer } from 'electron';
import type { PreloadBridge } from '../shared/ipc';
import { IPC_CHANNELS, isMenuCommand, MENU_COMMAND, QUIT_REQUESTED } from '../shared/ipc-channels';

type IpcPort = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

const KNOWN_CHANNELS: ReadonlySet<string> = new Set(IPC_CHANNELS);

/**
 * The bridge the page gets: requests on the contract's channels and two main -> page events.
 * The IPC event object never reaches the page, and no other channel can be used.
 */
export function createPreloadBridge(ipc: IpcPort): PreloadBridge {
  return {
    invoke(channel, payload) {
      if (!KNOWN_CHANNELS.has(channel)) {
        return Promise.resolve({ ok: false, error: `“${String(channel)}” is not a request the app knows.` });
      }
      return ipc.invoke(channel, payload).catch((error: unknown) => ({
        ok: false as const,
        error: error instanceof Error ? error.message : String(error),
      }));
    },
    onQuitRequested(listener) {
      const forward = () => listener();
      ipc.on(QUIT_REQUESTED, forward);
      return () => void ipc.removeListener(QUIT_REQUESTED, forward);
    },
    onMenuCommand(listener) {
      const forward = (_event: unknown, command: unknown) => {
        if (isMenuCommand(command)) listener(command);
      };
      ipc.on(MENU_COMMAND, forward);
      return () => void ipc.removeListener(MENU_COMMAND, forward);
    },
  };
}
