import type { Session, WebContents, WebPreferences } from 'electron';
import { isAppUrl, parseUrl } from './app-url';

/**
 * The security policy of every window and of the session: pure values and checks, plus two
 * functions that apply them to the Electron objects they are given.
 */

/** The only sites a link in the app may open, in the user's browser. A placeholder until the help site exists. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['cross-sell-planner.example.org'];

const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const satisfies WebPreferences;

export function secureWebPreferences(preload: string): WebPreferences {
  return { ...HARDENED_WEB_PREFERENCES, preload };
}

/** For the hidden window that turns an exported plan into a PDF: no preload and no scripts at all. */
export function printWebPreferences(): WebPreferences {
  return { ...HARDENED_WEB_PREFERENCES, javascript: false };
}

const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  // sql.js compiles its WebAssembly module at run time.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
} satisfies Record<string, string[]>;

export const CONTENT_SECURITY_POLICY = serializeCsp(CSP_DIRECTIVES);

/**
 * The CSP for the app's pages. Under the dev server it also allows what Vite's hot reload needs:
 * its inline bootstrap script, injected styles and its WebSocket.
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const devServer = devServerUrl ? parseUrl(devServerUrl) : null;
  if (!devServer) return CONTENT_SECURITY_POLICY;
  const socket = `${devServer.protocol === 'https:' ? 'wss' : 'ws'}://${devServer.host}`;
  return serializeCsp({
    ...CSP_DIRECTIVES,
    'script-src': [...CSP_DIRECTIVES['script-src'], "'unsafe-inline'"],
    'style-src': [...CSP_DIRECTIVES['style-src'], "'unsafe-inline'"],
    'connect-src': [...CSP_DIRECTIVES['connect-src'], socket],
  });
}

function serializeCsp(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Links the app may hand to the user's browser: https on an allow-listed host, nothing else. */
export function isAllowedExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    EXTERNAL_LINK_HOSTS.includes(parsed.hostname)
  );
}

/** Only the app's own page may call main; a missing frame (already gone) is refused too. */
export function validateSender(frameUrl: string | null | undefined, devServerUrl?: string): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl, devServerUrl);
}

/** Denies every permission and adds the CSP header to every response of the session. */
export function hardenSession(session: Session, devServerUrl?: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  const csp = contentSecurityPolicy(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
}

export interface ContentsPolicyOptions {
  /** Opens a URL in the user's browser (Electron's shell.openExternal). */
  openExternal(url: string): Promise<void>;
  devServerUrl?: string;
}

/**
 * Keeps a page inside the app: no navigating or redirecting away, no new windows, no webviews.
 * An allow-listed https link the user follows opens in their browser instead.
 */
export function hardenWebContents(contents: WebContents, options: ContentsPolicyOptions): void {
  const openIfAllowed = (url: string) => {
    if (isAllowedExternalUrl(url)) options.openExternal(url).catch(() => undefined);
  };
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, options.devServerUrl)) return;
    event.preventDefault();
    openIfAllowed(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, options.devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
}
