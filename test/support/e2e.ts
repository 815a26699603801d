import { existsSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { preview, type PreviewServer } from 'vite';

const BUNDLE = 'out/renderer';

/**
 * e2e specs drive the browser edition: the renderer bundle from `npm run build`, served the way
 * `npm run web` serves it, one server per worker on a free port.
 */
export const test = base.extend<{ app: Page }, { serverUrl: string }>({
  serverUrl: [
    async ({}, use) => {
      if (!existsSync(`${BUNDLE}/index.html`))
        throw new Error(`No browser build in ${BUNDLE}: run "npm run build" first.`);
      const server: PreviewServer = await preview({
        configFile: 'vite.web.config.ts',
        preview: { port: 0, strictPort: false, host: '127.0.0.1' },
        logLevel: 'error',
      });
      const url = server.resolvedUrls?.local[0];
      if (!url) throw new Error('The preview server did not report its address.');
      await use(url);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ serverUrl }, use) => use(serverUrl),
  app: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Plan your next cross-sell campaign' })).toBeVisible();
    await use(page);
    expect(problems, 'the page logged errors').toEqual([]);
  },
});

export { expect };
