import { app, Menu, protocol, session, shell, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { MENU_COMMAND, type MenuCommand } from '../shared/ipc-channels';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { APP_ENTRY_URL } from './app-url';
import { askQuitWithoutSaving } from './dialogs';
import { registerIpcHandlers } from './ipc-handlers';
import { APP_TITLE, createMainWindow } from './main-window';
import { applicationMenuTemplate } from './menu';
import { guardAgainstDataLoss, type QuitGuard } from './quit-guard';
import { RecentFiles } from './recent-files';
import { hardenSession, hardenWebContents } from './security';
import { WorkspaceAccess } from './workspace-files';
import { WriteQueue } from '../node/write-queue';
import { WindowLocks } from './window-locks';

/** `electron-vite dev` serves the renderer from a dev server; a packaged app never does. */
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const rendererBundle = join(import.meta.dirname, '../renderer');

registerAppScheme(protocol);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const quitGuards = new Map<number, QuitGuard>();
  const locks = new WindowLocks();

  const openMainWindow = () => {
    const window = createMainWindow(preloadPath, devServerUrl ?? APP_ENTRY_URL);
    const contentsId = window.webContents.id;
    quitGuards.set(
      contentsId,
      guardAgainstDataLoss(window, app, () => askQuitWithoutSaving(window)),
    );
    window.on('closed', () => {
      quitGuards.delete(contentsId);
      void locks.releaseAll(contentsId);
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

  const sendMenuCommand = (command: MenuCommand) => {
    if (mainWindow) mainWindow.webContents.send(MENU_COMMAND, command);
    else openMainWindow();
  };

  app.on('web-contents-created', (_event, contents) =>
    hardenWebContents(contents, { openExternal: (url) => shell.openExternal(url), devServerUrl }),
  );
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && !mainWindow) openMainWindow();
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, devServerUrl);
      serveAppScheme(protocol, rendererBundle);
      const settingsFolder = app.getPath('userData');
      const demoFolder = join(settingsFolder, 'Demo workspaces');
      const recent = new RecentFiles(settingsFolder);
      const access = new WorkspaceAccess(demoFolder);
      for (const path of await recent.paths()) access.grant(path);
      registerIpcHandlers({
        recent,
        access,
        saves: new WriteQueue(),
        locks,
        demoFolder,
        devServerUrl,
        onQuitReady: (contents) => quitGuards.get(contents.id)?.flushed(),
      });
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          applicationMenuTemplate({
            appName: APP_TITLE,
            platform: process.platform,
            developerTools: devServerUrl !== undefined,
            sendCommand: sendMenuCommand,
          }),
        ),
      );
      openMainWindow();
    })
    .catch((error: unknown) => {
      console.error('Cross-Sell Planner could not start:', error);
      app.exit(1);
    });
}
