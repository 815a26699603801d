import { BrowserWindow } from 'electron';
import icon from '../../resources/icon.png?asset';
import { secureWebPreferences } from './security';

export const APP_TITLE = 'Cross-Sell Planner';

/** The app window: hardened preferences, shown once its first paint is ready. */
export function createMainWindow(preloadPath: string, startUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    title: APP_TITLE,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    icon,
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(startUrl).catch((error: unknown) => {
    console.error(`The app page did not load from ${startUrl}:`, error);
  });
  return window;
}
