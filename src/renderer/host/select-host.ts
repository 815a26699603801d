import type { Host } from '../../shared/host';
import { createBrowserHost } from './browser-host';
import { createElectronHost } from './electron-host';

/** One renderer bundle for both editions: the preload bridge is only there inside Electron. */
export function selectHost(): Host {
  return window.xsellBridge ? createElectronHost(window.xsellBridge) : createBrowserHost();
}
