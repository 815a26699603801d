import { expect, test } from '@playwright/test';
import type { Protocol, Session, WebContents } from 'electron';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mimeTypeFor, registerAppScheme, resolveBundlePath, serveBundleFile } from '../../src/main/app-protocol';
import { APP_ENTRY_URL, isAppUrl } from '../../src/main/app-url';
import { applicationMenuTemplate } from '../../src/main/menu';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  EXTERNAL_LINK_HOSTS,
  hardenSession,
  hardenWebContents,
  isAllowedExternalUrl,
  printWebPreferences,
  secureWebPreferences,
  validateSender,
} from '../../src/main/security';
import { createPreloadBridge } from '../../src/preload/bridge';
import { IPC_CHANNELS, MENU_COMMAND, QUIT_REQUESTED } from '../../src/shared/ipc-channels';
import { withTempDir } from '../support/temp-dir';

const HELP_URL = `https://${EXTERNAL_LINK_HOSTS[0]}/guide`;
const DEV_SERVER = 'http://localhost:5173';

test.describe('window settings', () => {
  test('the app window is isolated, sandboxed and has no Node access', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  test('the print window has the same protections, no preload and no scripts', () => {
    const prefs = printWebPreferences();
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, javascript: false });
    expect(prefs.preload).toBeUndefined();
  });
});

test.describe('content security policy', () => {
  const directives = (csp: string) =>
    Object.fromEntries(
      csp
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources]),
    );

  test('allows only the app itself, plus WebAssembly compilation for sql.js', () => {
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'wasm-unsafe-eval'"],
      'worker-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(contentSecurityPolicy()).toBe(CONTENT_SECURITY_POLICY);
  });

  test('under the dev server it also lets hot reload work', () => {
    const dev = directives(contentSecurityPolicy(DEV_SERVER));
    expect(dev['connect-src']).toEqual(["'self'", 'ws://localhost:5173']);
    expect(dev['script-src']).toContain("'unsafe-inline'");
    expect(dev['object-src']).toEqual(["'none'"]);
  });
});

test.describe('which URLs count as what', () => {
  test('external links: https on an allow-listed host only', () => {
    expect(isAllowedExternalUrl(HELP_URL)).toBe(true);
    for (const url of [
      `http://${EXTERNAL_LINK_HOSTS[0]}/guide`,
      `https://${EXTERNAL_LINK_HOSTS[0]}:8443/guide`,
      `https://user:secret@${EXTERNAL_LINK_HOSTS[0]}/`,
      `https://${EXTERNAL_LINK_HOSTS[0]}.attacker.test/`,
      `https://evil.test/?${EXTERNAL_LINK_HOSTS[0]}`,
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'not a url',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  test('app pages: the bundle scheme, and the dev server only while developing', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://bundle/assets/index.js')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('https://evil.test/')).toBe(false);
    expect(isAppUrl(`${DEV_SERVER}/index.html`)).toBe(false);
    expect(isAppUrl(`${DEV_SERVER}/index.html`, DEV_SERVER)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', DEV_SERVER)).toBe(false);
  });

  test('IPC senders: only frames showing an app page', () => {
    expect(validateSender(APP_ENTRY_URL)).toBe(true);
    expect(validateSender('https://evil.test/')).toBe(false);
    expect(validateSender('about:blank')).toBe(false);
    expect(validateSender(undefined)).toBe(false);
    expect(validateSender(null)).toBe(false);
  });
});

test.describe('session policy', () => {
  function fakeSession() {
    const recorded: {
      request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
      check?: (...args: unknown[]) => boolean;
      device?: (...args: unknown[]) => boolean;
      headers?: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: unknown) => void,
      ) => void;
    } = {};
    const session = {
      setPermissionRequestHandler: (handler: typeof recorded.request) => (recorded.request = handler),
      setPermissionCheckHandler: (handler: typeof recorded.check) => (recorded.check = handler),
      setDevicePermissionHandler: (handler: typeof recorded.device) => (recorded.device = handler),
      webRequest: { onHeadersReceived: (handler: typeof recorded.headers) => (recorded.headers = handler) },
    };
    return { session: session as unknown as Session, recorded };
  }

  test('every permission request and check is denied', () => {
    const { session, recorded } = fakeSession();
    hardenSession(session);

    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      let granted: boolean | undefined;
      recorded.request?.({}, permission, (answer) => (granted = answer));
      expect(granted, permission).toBe(false);
      expect(recorded.check?.(null, permission, 'app://bundle', {}), permission).toBe(false);
    }
    expect(recorded.device?.({ deviceType: 'usb' })).toBe(false);
  });

  test('every response carries the CSP header, replacing one a server sent', () => {
    const { session, recorded } = fakeSession();
    hardenSession(session);

    let response: { responseHeaders: Record<string, string[]> } | undefined;
    recorded.headers?.(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      (answer) => (response = answer as typeof response),
    );

    expect(response?.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

test.describe('page policy', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: unknown) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (name: string, listener: (event: unknown) => void) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    };
    const opened: string[] = [];
    hardenWebContents(contents as unknown as WebContents, {
      openExternal: async (url) => void opened.push(url),
    });
    const fire = (name: string, url?: string) => {
      let prevented = false;
      listeners.get(name)?.({ url, preventDefault: () => (prevented = true) });
      return prevented;
    };
    return { fire, opened, openWindow: (url: string) => openHandler?.({ url }), listeners };
  }

  test('navigating away from the app is denied; help links open in the browser instead', () => {
    const page = fakeContents();
    expect(page.fire('will-navigate', 'https://evil.test/phish')).toBe(true);
    expect(page.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(page.opened).toEqual([]);

    expect(page.fire('will-navigate', HELP_URL)).toBe(true);
    expect(page.opened).toEqual([HELP_URL]);

    expect(page.fire('will-navigate', 'app://bundle/index.html')).toBe(false);
  });

  test('redirects away from the app are denied', () => {
    const page = fakeContents();
    expect(page.fire('will-redirect', 'https://evil.test/')).toBe(true);
    expect(page.fire('will-redirect', 'app://bundle/index.html')).toBe(false);
  });

  test('new windows are always denied; help links open in the browser', () => {
    const page = fakeContents();
    expect(page.openWindow('https://evil.test/')).toEqual({ action: 'deny' });
    expect(page.openWindow('app://bundle/index.html')).toEqual({ action: 'deny' });
    expect(page.openWindow(HELP_URL)).toEqual({ action: 'deny' });
    expect(page.opened).toEqual([HELP_URL]);
  });

  test('webviews are never attached', () => {
    const page = fakeContents();
    expect(page.fire('will-attach-webview')).toBe(true);
  });
});

test.describe('the app:// protocol', () => {
  const root = '/app/out/renderer';

  test('maps URLs to files inside the bundle', () => {
    expect(resolveBundlePath(root, 'app://bundle/')).toBe(join(root, 'index.html'));
    expect(resolveBundlePath(root, 'app://bundle/index.html')).toBe(join(root, 'index.html'));
    expect(resolveBundlePath(root, 'app://bundle/assets/sql-wasm.wasm?v=1#x')).toBe(join(root, 'assets/sql-wasm.wasm'));
    expect(resolveBundlePath(root, 'app://bundle/assets/My%20Font.woff2')).toBe(join(root, 'assets/My Font.woff2'));
  });

  test('plain dot segments are resolved by the URL itself and stay inside the bundle', () => {
    for (const url of [
      'app://bundle/../../etc/passwd',
      'app://bundle/%2e%2e/%2e%2e/etc/passwd',
      'app://bundle//etc/passwd',
    ]) {
      expect(resolveBundlePath(root, url), url).toBe(join(root, 'etc/passwd'));
    }
  });

  test('refuses every way out of the bundle', () => {
    for (const url of [
      'app://bundle/..%2f..%2fetc%2fpasswd',
      'app://bundle/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://bundle/assets/..%2F..%2F..%2Fetc%2Fpasswd',
      'app://bundle/..%5c..%5cwindows%5cwin.ini',
      'app://bundle/index.html%00.png',
      'app://bundle/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'https://bundle/index.html',
    ]) {
      expect(resolveBundlePath(root, url), url).toBeNull();
    }
  });

  test('knows the MIME types the renderer needs', () => {
    expect(mimeTypeFor('a/sql-wasm.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('assets/worker-1a2b.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('assets/index.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('unknown.bin')).toBe('application/octet-stream');
  });

  test('serves files with their type and the CSP header, and 404 for anything else', async () => {
    await withTempDir(async (dir) => {
      const bundle = join(dir, 'renderer');
      await mkdir(join(bundle, 'assets'), { recursive: true });
      await writeFile(join(bundle, 'index.html'), '<!doctype html><title>app</title>');
      await writeFile(join(bundle, 'assets', 'sql-wasm.wasm'), new Uint8Array([0, 97, 115, 109]));
      await writeFile(join(dir, 'secret.txt'), 'do not serve');

      const page = await serveBundleFile(bundle, 'app://bundle/');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await page.text()).toContain('<title>app</title>');

      const wasm = await serveBundleFile(bundle, 'app://bundle/assets/sql-wasm.wasm');
      expect(wasm.headers.get('content-type')).toBe('application/wasm');
      expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));

      for (const url of ['app://bundle/../secret.txt', 'app://bundle/..%2fsecret.txt', 'app://bundle/missing.js']) {
        const response = await serveBundleFile(bundle, url);
        expect(response.status, url).toBe(404);
        expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      }
    });
  });

  test('is registered as a standard, secure scheme that supports fetch', () => {
    let registered: unknown;
    registerAppScheme({
      registerSchemesAsPrivileged: (schemes: unknown) => (registered = schemes),
    } as unknown as Protocol);
    expect(registered).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

test.describe('the preload bridge', () => {
  function fakeIpc() {
    const invoked: [string, unknown][] = [];
    const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
    const ipc = {
      invoke: async (channel: string, payload: unknown) => {
        invoked.push([channel, payload]);
        return { ok: true, value: 'answer' };
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => {
        listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
        return ipc;
      },
      removeListener: (channel: string, listener: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
        return ipc;
      },
    };
    const emit = (channel: string, ...args: unknown[]) =>
      listeners.get(channel)?.forEach((listener) => listener({ sender: 'the ipc event' }, ...args));
    return { ipc: ipc as unknown as Parameters<typeof createPreloadBridge>[0], invoked, emit };
  }

  test('exposes the three bridge functions and nothing else', () => {
    const bridge = createPreloadBridge(fakeIpc().ipc);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onMenuCommand', 'onQuitRequested']);
  });

  test('forwards the contract channels and refuses any other', async () => {
    const { ipc, invoked } = fakeIpc();
    const bridge = createPreloadBridge(ipc);

    for (const channel of IPC_CHANNELS) await bridge.invoke(channel, undefined as never);
    const refused = await bridge.invoke('fs:read' as never, { path: '/etc/passwd' } as never);

    expect(invoked.map(([channel]) => channel)).toEqual([...IPC_CHANNELS]);
    expect(refused).toEqual({ ok: false, error: '“fs:read” is not a request the app knows.' });
  });

  test('turns a failed IPC call into an error result', async () => {
    const { ipc } = fakeIpc();
    const bridge = createPreloadBridge({ ...ipc, invoke: async () => Promise.reject(new Error('main is gone')) });
    expect(await bridge.invoke('recent:list', undefined)).toEqual({ ok: false, error: 'main is gone' });
  });

  test('main -> page events reach listeners without the IPC event, and can be unsubscribed', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createPreloadBridge(ipc);
    const quitCalls: unknown[][] = [];
    const commands: unknown[] = [];
    const stopQuit = bridge.onQuitRequested((...args: unknown[]) => void quitCalls.push(args));
    bridge.onMenuCommand((command) => commands.push(command));

    emit(QUIT_REQUESTED);
    emit(MENU_COMMAND, 'open-workspace');
    emit(MENU_COMMAND, 'delete-everything');
    stopQuit();
    emit(QUIT_REQUESTED);

    expect(quitCalls).toEqual([[]]);
    expect(commands).toEqual(['open-workspace']);
  });
});

test.describe('the application menu', () => {
  const commands: string[] = [];
  const menu = (platform: NodeJS.Platform, developerTools = false) =>
    applicationMenuTemplate({
      appName: 'Cross-Sell Planner',
      platform,
      developerTools,
      sendCommand: (c) => commands.push(c),
    });
  type Item = { label?: string; role?: string; accelerator?: string; submenu?: Item[]; click?: () => void };
  const items = (template: unknown) => template as Item[];
  const all = (template: Item[]): Item[] => template.flatMap((item) => [item, ...all(item.submenu ?? [])]);

  test('File > New and Open send commands to the page; Quit goes through the app quit', () => {
    const file = items(menu('linux')).find((item) => item.label === 'File');
    const newItem = file?.submenu?.find((item) => item.label === 'New Workspace…');
    const openItem = file?.submenu?.find((item) => item.label === 'Open Workspace…');
    expect(newItem?.accelerator).toBe('CmdOrCtrl+N');
    expect(openItem?.accelerator).toBe('CmdOrCtrl+O');
    newItem?.click?.();
    openItem?.click?.();
    expect(commands).toEqual(['new-workspace', 'open-workspace']);
    expect(file?.submenu?.some((item) => item.role === 'quit')).toBe(true);
  });

  test('macOS gets the app menu; developer tools only while developing', () => {
    expect(items(menu('darwin'))[0]?.label).toBe('Cross-Sell Planner');
    expect(all(items(menu('linux'))).some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(all(items(menu('linux', true))).some((item) => item.role === 'toggleDevTools')).toBe(true);
    expect(all(items(menu('darwin'))).some((item) => item.role === 'editMenu')).toBe(true);
  });
});
