/**
 * The names of the IPC channels, with no dependencies, so the sandboxed preload can check a channel
 * without bundling the payload schemas (src/shared/ipc.ts holds those, keyed by these names).
 */

/** Renderer -> main requests, answered with a Result. */
export const IPC_CHANNELS = [
  'workspace:pick',
  'workspace:open-recent',
  'workspace:open-backup',
  'workspace:choose-new',
  'workspace:demo-location',
  'workspace:save',
  'workspace:release',
  'recent:list',
  'recent:forget',
  'export:save',
  'export:pdf',
  'shell:open-external',
  'window:set-title',
  'app:quit-ready',
] as const;

export type IpcChannel = (typeof IPC_CHANNELS)[number];

/** Main -> renderer: the user quits or closes the window; the renderer flushes, then sends app:quit-ready. */
export const QUIT_REQUESTED = 'app:quit-requested';

/** Main -> renderer: the user chose an application menu item the page acts on. */
export const MENU_COMMAND = 'menu:command';

const MENU_COMMANDS = ['new-workspace', 'open-workspace'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
