/**
 * Where the app's own pages live: the built renderer is served from a privileged custom scheme,
 * so it gets a real origin ('self' in the CSP, fetch of the WebAssembly file, module workers).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True for the app's own pages. `devServerUrl` is the renderer dev server under `electron-vite dev`;
 * its pages count as the app's only while developing.
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  const devServer = devServerUrl ? parseUrl(devServerUrl) : null;
  return devServer !== null && parsed.origin === devServer.origin;
}

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
