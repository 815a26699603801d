import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc-channels';

export interface MenuOptions {
  appName: string;
  platform: NodeJS.Platform;
  /** Shows reload and developer tools, for `electron-vite dev` only. */
  developerTools: boolean;
  sendCommand(command: MenuCommand): void;
}

/** The application menu. Quit goes through the app's quit, so unsaved work is saved first. */
export function applicationMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => options.sendCommand('new-workspace') },
      { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => options.sendCommand('open-workspace') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(options.developerTools
        ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const macAppMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  // The Edit menu is what makes copy and paste shortcuts work in text fields on macOS.
  const menus: MenuItemConstructorOptions[] = [fileMenu, { role: 'editMenu' }, viewMenu, { role: 'windowMenu' }];
  return isMac ? [macAppMenu, ...menus] : menus;
}
