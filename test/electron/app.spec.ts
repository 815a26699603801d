import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseLaunch, installedRuntimeFiles } from '../../scripts/desktop-runtime';

/**
 * The built desktop app (`npm run build` first), launched through Playwright's Electron support.
 * Everything Electron-independent is covered by test/core; this checks the wiring end to end.
 */

const HOME_HEADING = 'Plan your next cross-sell campaign';
const APP_URL = 'app://bundle/index.html';

test.skip(
  chooseLaunch(installedRuntimeFiles()).edition !== 'desktop',
  'Electron runtime is not installed on this machine (its binary download is unavailable); run `npm install` where it can download',
);
test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let page: Page;
let settingsHome: string;

test.beforeAll(async () => {
  settingsHome = await mkdtemp(join(tmpdir(), 'xsell-electron-'));
  const env = { ...process.env, XDG_CONFIG_HOME: settingsHome, APPDATA: settingsHome } as Record<string, string>;
  delete env['ELECTRON_RENDERER_URL'];
  // No executablePath: Playwright then finds the same executable and adds its loader, which holds
  // the app's ready event until Playwright is attached.
  app = await electron.launch({
    // Chromium refuses to start as root unless its OS sandbox is off; the page sandbox setting is still checked below.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), 'out/main/index.js'],
    env,
  });
  page = await app.firstWindow();
});

test.afterAll(async () => {
  if (app) {
    // Quitting waits for the page to confirm it saved; kill the app if that ever hangs.
    const closed = app.close().then(() => true);
    const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000));
    if (!(await Promise.race([closed, timedOut]))) app.process().kill('SIGKILL');
  }
  if (settingsHome) await rm(settingsHome, { recursive: true, force: true });
});

test('the window opens on the home screen, served from the app scheme', async () => {
  await expect(page.getByRole('heading', { name: HOME_HEADING })).toBeVisible();
  expect(page.url()).toBe(APP_URL);
  expect(app.windows()).toHaveLength(1);
});

test('the window is isolated and sandboxed, without Node in the page', async () => {
  const preferences = await app.evaluate(({ BrowserWindow }) => {
    // getLastWebPreferences is not in Electron's typings, but it reports what the window really got.
    const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
      getLastWebPreferences(): Record<string, unknown>;
    };
    const { contextIsolation, sandbox, nodeIntegration, nodeIntegrationInWorker, webviewTag, webSecurity } =
      contents.getLastWebPreferences();
    return { contextIsolation, sandbox, nodeIntegration, nodeIntegrationInWorker, webviewTag, webSecurity };
  });
  expect(preferences).toEqual({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webviewTag: false,
    webSecurity: true,
  });

  const inPage = await page.evaluate(() => {
    const global = window as unknown as Record<string, unknown>;
    return {
      require: typeof global['require'],
      process: typeof global['process'],
      bridge: Object.keys(window.xsellBridge ?? {}).sort(),
    };
  });
  expect(inPage).toEqual({
    require: 'undefined',
    process: 'undefined',
    bridge: ['invoke', 'onMenuCommand', 'onQuitRequested'],
  });
});

test('the page gets the CSP header and can talk to main through the bridge', async () => {
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");

  expect(await page.evaluate(() => window.xsellBridge!.invoke('recent:list', undefined))).toEqual({
    ok: true,
    value: [],
  });
});

test('navigating away from the app is denied', async () => {
  await page.evaluate(() => {
    window.location.href = 'https://example.invalid/phishing';
  });
  await page.waitForTimeout(1_000);
  expect(page.url()).toBe(APP_URL);

  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = 'https://example.invalid/elsewhere';
    document.body.append(link);
    link.click();
    link.remove();
  });
  await page.waitForTimeout(1_000);
  expect(page.url()).toBe(APP_URL);
  await expect(page.getByRole('heading', { name: HOME_HEADING })).toBeVisible();
});

test('window.open is denied', async () => {
  expect(await page.evaluate(() => window.open('https://example.invalid/popup') === null)).toBe(true);
  expect(await page.evaluate(() => window.open(location.href) === null)).toBe(true);
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
});
