import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Whether the Electron runtime is on this machine, found the way the electron package finds it
 * (path.txt, then dist/, or ELECTRON_OVERRIDE_DIST_PATH). Requiring the package instead would start
 * a download when the binary is missing, and throw "Electron uninstall" where none is possible.
 */

export interface RuntimeFiles {
  /** The electron package's folder, or null when the package is not installed at all. */
  packageDir: string | null;
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
  read(path: string): string;
}

export type Launch = { edition: 'desktop'; executable: string } | { edition: 'web'; missing: string };

export function chooseLaunch(files: RuntimeFiles): Launch {
  if (!files.packageDir) return { edition: 'web', missing: 'the electron package' };
  const pathFile = join(files.packageDir, 'path.txt');
  const name = files.exists(pathFile) ? files.read(pathFile).trim() : '';
  const override = files.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const executable = override ? join(override, name || 'electron') : name ? join(files.packageDir, 'dist', name) : null;
  if (!executable) return { edition: 'web', missing: pathFile };
  return files.exists(executable) ? { edition: 'desktop', executable } : { edition: 'web', missing: executable };
}

/** The files of this checkout. */
export function installedRuntimeFiles(): RuntimeFiles {
  let packageDir: string | null = null;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    // No electron package: the web edition is all there is.
  }
  return { packageDir, env: process.env, exists: existsSync, read: (path) => readFileSync(path, 'utf8') };
}

/** What `npm start` says when it serves the web edition instead of the desktop app. */
export function webInsteadMessage(url: string): string {
  return `The desktop runtime (Electron) is not installed on this machine, so the web edition starts instead: open ${url} in your browser. Run \`npm install\` where Electron can be downloaded to get the desktop app.`;
}
