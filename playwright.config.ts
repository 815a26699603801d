import { defineConfig } from '@playwright/test';

/** How Chromium runs here: as root, headless, and with no reach beyond this machine. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
};

export default defineConfig({
  reporter: [['list'], ['./test/support/summary-reporter.ts']],
  timeout: 60_000,
  workers: 2,
  projects: [
    { name: 'core', testDir: 'test/core', timeout: 180_000 },
    {
      name: 'e2e',
      testDir: 'test/e2e',
      testIgnore: /screenshots/,
      use: chromium,
    },
    {
      name: 'screenshots',
      testDir: 'test/e2e',
      testMatch: /screenshots\.spec\.ts/,
      use: { ...chromium, viewport: { width: 1280, height: 800 } },
    },
    { name: 'electron', testDir: 'test/electron' },
  ],
});
