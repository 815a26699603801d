import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { chooseLaunch, webInsteadMessage, type RuntimeFiles } from '../../scripts/desktop-runtime';

/** `npm start` opens the desktop app when Electron's binary is there, and the web edition otherwise. */

const PACKAGE = join('/checkout', 'node_modules', 'electron');

function files(
  present: Record<string, string>,
  env: Record<string, string> = {},
  packageDir: string | null = PACKAGE,
): RuntimeFiles {
  return {
    packageDir,
    env,
    exists: (path) => path in present,
    read: (path) => present[path] ?? '',
  };
}

test('the desktop app when the electron package recorded a download whose binary is there', () => {
  const binary = join(PACKAGE, 'dist', 'electron');
  expect(chooseLaunch(files({ [join(PACKAGE, 'path.txt')]: 'electron', [binary]: '' }))).toEqual({
    edition: 'desktop',
    executable: binary,
  });
});

test('the web edition when the download never happened (no path.txt), which is where "Electron uninstall" came from', () => {
  expect(chooseLaunch(files({}))).toEqual({ edition: 'web', missing: join(PACKAGE, 'path.txt') });
});

test('the web edition when path.txt names a binary that is not there', () => {
  expect(chooseLaunch(files({ [join(PACKAGE, 'path.txt')]: 'electron\n' }))).toEqual({
    edition: 'web',
    missing: join(PACKAGE, 'dist', 'electron'),
  });
});

test('the web edition when the electron package is not installed at all', () => {
  expect(chooseLaunch(files({}, {}, null))).toEqual({
    edition: 'web',
    missing: 'the electron package',
  });
});

test('a runtime put elsewhere with ELECTRON_OVERRIDE_DIST_PATH counts when its binary is there', () => {
  const override = join('/opt', 'electron');
  const env = { ELECTRON_OVERRIDE_DIST_PATH: override };
  expect(chooseLaunch(files({ [join(override, 'electron')]: '' }, env))).toEqual({
    edition: 'desktop',
    executable: join(override, 'electron'),
  });
  expect(chooseLaunch(files({}, env))).toEqual({ edition: 'web', missing: join(override, 'electron') });
});

test('the sentence says what happened and where the app is', () => {
  expect(webInsteadMessage('http://127.0.0.1:4173')).toBe(
    'The desktop runtime (Electron) is not installed on this machine, so the web edition starts instead: open http://127.0.0.1:4173 in your browser. Run `npm install` where Electron can be downloaded to get the desktop app.',
  );
});
