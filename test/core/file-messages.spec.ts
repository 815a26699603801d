import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { cli } from '../support/cli-process';
import { withTempDir } from '../support/temp-dir';

/** A file given where it cannot be used gets one plain sentence on what to do, never a system error code. */

const ROOT = resolve(import.meta.dirname, '../..');
const folderMessage = (path: string) => `“${path}” is a folder, not a file. Give the path of a file inside it.`;

test('a folder given as the file to import, the workspace, the plan or the send log', async () => {
  await withTempDir(async (dir) => {
    const folder = join(dir, 'exports');
    await mkdir(folder);
    const workspace = join(dir, 'Shop.xsell');

    const imported = await cli('import', folder, '--workspace', workspace);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toBe(
      `Nothing was imported (stopped at ${folder}). ${folderMessage(folder)}\nThe workspace was not changed.\n`,
    );
    await expect(access(workspace)).rejects.toThrow();

    const info = await cli('info', folder);
    expect(info.code).toBe(2);
    expect(info.stderr).toBe(`Cannot open exports: ${folderMessage(folder)}\n`);

    const checked = await cli('check', '--workspace', folder, '--plan', 'Spring');
    expect(checked.code).toBe(2);
    expect(checked.stderr).toBe(`${folderMessage(folder)}\n`);

    const made = await cli('demo', '--industry', 'running', '--out', workspace, '--customers', '50');
    expect(made.code, made.stderr).toBe(0);
    const plan = await cli('plan', '--workspace', workspace, '--from', folder);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toBe(`${folderMessage(folder)}\n`);

    const sends = await cli('results', '--workspace', workspace, '--plan', 'Spring', '--sends', folder);
    expect(sends.code).toBe(2);
    expect(sends.stderr).toBe(`${folderMessage(folder)}\n`);
    for (const run of [imported, info, checked, plan, sends]) expect(run.stderr).not.toContain('EISDIR');
  });
});

test('a data file piped in through /dev/stdin is read, not called empty', async () => {
  await withTempDir(async (dir) => {
    const lines = ['order_id,customer_id,ordered_at,product_id,quantity,unit_price'];
    for (let i = 0; i < 9; i++) lines.push(`${7000 + i},C${i % 3},2026-04-0${1 + i},P${i % 4},1,12.00`);
    const csv = join(dir, 'orders.csv');
    await writeFile(csv, lines.join('\n'));
    const importFromStdin = (workspace: string) =>
      `"${process.execPath}" --import tsx src/cli/main.ts import /dev/stdin --workspace "${join(dir, workspace)}" --json`;

    // A shell pipe (a FIFO), and the socket Node gives a child's input: both are read whole.
    const throughShell = spawnSync('sh', ['-c', `cat "${csv}" | ${importFromStdin('piped.xsell')}`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const throughSocket = spawnSync('sh', ['-c', importFromStdin('socket.xsell')], {
      cwd: ROOT,
      input: lines.join('\n'),
      encoding: 'utf8',
    });

    for (const run of [throughShell, throughSocket]) {
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, rowsRead: 9, rowsImported: 9, orderLines: 9 });
    }
  });
});
