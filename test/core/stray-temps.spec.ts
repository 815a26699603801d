import { expect, test } from '@playwright/test';
import { readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/node/atomic-write';
import { cli } from '../support/cli-process';
import { withTempDir } from '../support/temp-dir';

/** Temp files a crash left beside a workspace go at its next save; nothing else in the folder does. */

const OLD = ['.Client.xsell.0123456789ab.tmp', '.Client.xsell.bak.abcdef012345.tmp'];
const FRESH = '.Client.xsell.fedcba987654.tmp';
const NOT_OURS = ['.Other.xsell.0123456789ab.tmp', '.Client.xsell.notes.tmp', 'Client.xsell.0123456789ab.tmp'];

async function leaveCrashDebris(dir: string): Promise<void> {
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const name of [...OLD, ...NOT_OURS]) {
    await writeFile(join(dir, name), 'half a workspace');
    await utimes(join(dir, name), anHourAgo, anHourAgo);
  }
  await writeFile(join(dir, FRESH), 'a write that may still be running');
}

const listed = async (dir: string) => (await readdir(dir)).sort();

test('a save removes the file’s own old temp files and keeps a recent one, which another writer may own', async () => {
  await withTempDir(async (dir) => {
    const target = join(dir, 'Client.xsell');
    await writeFileAtomic(target, new Uint8Array([1]));
    await leaveCrashDebris(dir);

    await writeFileAtomic(target, new Uint8Array([2]));

    expect(await listed(dir)).toEqual(['Client.xsell', 'Client.xsell.bak', FRESH, ...NOT_OURS].sort());
  });
});

test('a command holding the workspace’s lock removes all of the workspace’s temp files', async () => {
  await withTempDir(async (dir) => {
    const workspace = join(dir, 'Client.xsell');
    const made = await cli('demo', '--industry', 'lighting', '--out', workspace, '--customers', '50');
    expect(made.code, made.stderr).toBe(0);
    await leaveCrashDebris(dir);
    const csv = join(dir, 'customers.csv');
    await writeFile(csv, 'customer_id,email\nNEW1,new1@example.com\nNEW2,new2@example.com\n');

    const run = await cli('import', csv, '--workspace', workspace);

    expect(run.code, run.stderr).toBe(0);
    expect(await listed(dir)).toEqual(['Client.xsell', 'Client.xsell.bak', 'customers.csv', ...NOT_OURS].sort());
  });
});
