import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * Permission checks do not bind the superuser, so a spec running as root runs its child as an
 * ordinary user. That user may not be able to read the checkout (its folder, node_modules), so the
 * child runs from one bundled file in the test's own folder.
 */
export const UNPRIVILEGED_UID = 65534;

export const runsAsRoot = process.getuid?.() === 0;

/** Why the ordinary user cannot run Node here, or null when it can. */
export function whyNodeCannotRunUnprivileged(): string | null {
  const probe = spawnSync(process.execPath, ['-e', ''], { uid: UNPRIVILEGED_UID, gid: UNPRIVILEGED_UID });
  if (probe.status === 0) return null;
  return `user ${UNPRIVILEGED_UID} cannot run ${process.execPath} (${probe.error?.message ?? `exit ${probe.status}`})`;
}

/** Bundles a TypeScript child script into `folder` and runs it as the ordinary user when this process is root. */
export async function runChildUnprivileged(
  script: string,
  folder: string,
  args: string[],
): Promise<SpawnSyncReturns<string>> {
  const bundle = join(folder, 'child.mjs');
  await build({
    entryPoints: [script],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'silent',
  });
  await chmod(bundle, 0o644);
  return spawnSync(process.execPath, [bundle, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    ...(runsAsRoot ? { uid: UNPRIVILEGED_UID, gid: UNPRIVILEGED_UID } : {}),
  });
}
