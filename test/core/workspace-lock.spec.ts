import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { access, readFile, utimes, writeFile } from 'node:fs/promises';
import { thisHost } from '../../src/node/lock-record';
import { join } from 'node:path';
import { lockPathFor, lockWorkspace, WINDOW_HOLDER, WorkspaceInUseError } from '../../src/node/workspace-lock';
import { cli, startCli } from '../support/cli-process';
import { sha256OfFile, withTempDir } from '../support/temp-dir';

const LINES = 20_000;
const CLOCK = '\\d\\d:\\d\\d';

async function orderLines(workspace: string): Promise<number> {
  const info = await cli('info', workspace, '--json');
  expect(info.code, info.stderr).toBe(0);
  return (JSON.parse(info.stdout) as { counts: { order_lines: number } }).counts.order_lines;
}

async function demoCsv(dir: string, name: string, seed: number): Promise<string> {
  const file = join(dir, name);
  const made = await cli(
    'demo-csv',
    '--industry',
    'running',
    '--lines',
    String(LINES),
    '--out',
    file,
    '--seed',
    String(seed),
  );
  expect(made.code, made.stderr).toBe(0);
  return file;
}

/** A small order-line file written here, for tests that need some lines rather than many. */
async function smallCsv(dir: string, lines: number): Promise<string> {
  const file = join(dir, 'lines.csv');
  const rows = Array.from(
    { length: lines },
    (_, i) => `${5000 + i},C${i % 7},2026-03-0${1 + (i % 9)},P${i % 5},1,9.50`,
  );
  await writeFile(file, ['order_id,customer_id,ordered_at,product_id,quantity,unit_price', ...rows].join('\n'));
  return file;
}

/** Resolves once the lock file exists, with the process id it names. */
async function lockHolderPid(workspace: string): Promise<number> {
  for (;;) {
    const text = await readFile(lockPathFor(workspace), 'utf8').catch(() => '');
    const pid = text ? (JSON.parse(text) as { pid?: number }).pid : undefined;
    if (pid) return pid;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function lockRecord(fields: { who: string; kind: string; pid: number; host?: string; startedAt?: string }) {
  return JSON.stringify({
    who: fields.who,
    kind: fields.kind,
    pid: fields.pid,
    hostname: fields.host ?? thisHost(),
    startedAt: fields.startedAt ?? new Date().toISOString(),
    token: 'left-behind',
  });
}

/** The id of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

test('two imports at once: one is refused naming the other, and every line of the one accepted is kept', async () => {
  await withTempDir(async (dir) => {
    const [first, second] = await Promise.all([demoCsv(dir, 'first.csv', 1), demoCsv(dir, 'second.csv', 2)]);
    const workspace = join(dir, 'Shop.xsell');
    const imports = [first, second].map((file) => ({ file, run: startCli('import', file, '--workspace', workspace) }));

    // The holder is paused while it holds the lock, so the other import certainly finds it held.
    const holderPid = await lockHolderPid(workspace);
    const holder = imports.find((i) => i.run.pid === holderPid)!;
    const other = imports.find((i) => i !== holder)!;
    process.kill(holderPid, 'SIGSTOP');
    const refused = await other.run.done;
    process.kill(holderPid, 'SIGCONT');
    const accepted = await holder.run.done;

    expect(refused.code).toBe(75);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      new RegExp(
        `^Nothing was imported\\. This workspace is being changed by the command \`import\` since ${CLOCK} \\(process ${holderPid}\\)\\. Wait until that has finished, then try again\\.\\nThe workspace was not changed\\.\\n$`,
      ),
    );
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain(
      `${LINES.toLocaleString('en')} rows read: ${LINES.toLocaleString('en')} imported`,
    );
    expect(await orderLines(workspace)).toBe(LINES);
    expect(await exists(lockPathFor(workspace))).toBe(false);
  });
});

test('a lock left by a command that is no longer running is cleared with a note, and the import goes ahead', async () => {
  await withTempDir(async (dir) => {
    const file = await smallCsv(dir, 12);
    const workspace = join(dir, 'Shop.xsell');
    const pid = deadPid();
    await writeFile(lockPathFor(workspace), lockRecord({ who: 'the command `import`', kind: 'command', pid }));

    const run = await cli('import', file, '--workspace', workspace);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(
        `^Cleared a lock left behind by the command \`import\` \\(process ${pid}, since ${CLOCK}\\), which is no longer running\\.\\n$`,
      ),
    );
    expect(run.stdout).toContain('12 rows read: 12 imported');
    expect(await exists(lockPathFor(workspace))).toBe(false);
  });
});

test('an unreadable lock file is cleared once it is old, and respected while it may still be being written', async () => {
  await withTempDir(async (dir) => {
    const file = await smallCsv(dir, 12);
    const workspace = join(dir, 'Shop.xsell');
    const lock = lockPathFor(workspace);
    await writeFile(lock, '{"who": "a window of Cross');

    const fresh = await cli('import', file, '--workspace', workspace);
    expect(fresh.code).toBe(75);
    expect(fresh.stderr).toMatch(
      new RegExp(`This workspace is being changed by another program since ${CLOCK}\\. Wait until that has finished`),
    );
    expect(await exists(workspace)).toBe(false);

    const aMinuteAgo = new Date(Date.now() - 60_000);
    await utimes(lock, aMinuteAgo, aMinuteAgo);
    const old = await cli('import', file, '--workspace', workspace);
    expect(old.code, old.stderr).toBe(0);
    expect(old.stderr).toBe('Cleared the unreadable lock file “Shop.xsell.lock”, left behind by a crash.\n');
    expect(old.stdout).toContain('12 rows read: 12 imported');
  });
});

test('a lock held on another computer is respected, and the message says how to clear it', async () => {
  await withTempDir(async (dir) => {
    const file = await smallCsv(dir, 12);
    const workspace = join(dir, 'Shop.xsell');
    const record = lockRecord({ who: WINDOW_HOLDER.who, kind: 'window', pid: deadPid(), host: 'front-desk-pc' });
    await writeFile(lockPathFor(workspace), record);

    const run = await cli('import', file, '--workspace', workspace, '--json');

    expect(run.code).toBe(75);
    const { error } = JSON.parse(run.stdout) as { error: { code: string; message: string } };
    expect(error.code).toBe('workspace_in_use');
    expect(error.message).toMatch(
      new RegExp(
        `^This workspace is open in a window of Cross-Sell Planner since ${CLOCK} \\(process \\d+ on the computer “front-desk-pc”\\)\\. Close it there; if nothing has it open any more, delete “Shop\\.xsell\\.lock” beside it\\.$`,
      ),
    );
    expect(await readFile(lockPathFor(workspace), 'utf8')).toBe(record);
  });
});

test('while a window holds the workspace, commands that only read it still run and analyze keeps nothing', async () => {
  await withTempDir(async (dir) => {
    const workspace = join(dir, 'Shop.xsell');
    expect((await cli('demo', '--industry', 'running', '--out', workspace, '--customers', '200')).code).toBe(0);
    const before = await sha256OfFile(workspace);
    const lock = await lockWorkspace(workspace, WINDOW_HOLDER);
    try {
      const info = await cli('info', workspace);
      expect(info.code, info.stderr).toBe(0);

      const analysis = await cli('analyze', '--workspace', workspace, '--moments');
      expect(analysis.code, analysis.stderr).toBe(0);
      expect(analysis.stderr).toMatch(
        new RegExp(
          `^The result was not kept in Shop\\.xsell: This workspace is open in a window of Cross-Sell Planner since ${CLOCK} \\(process ${process.pid}\\)\\. Close it there, then try again\\.\\n$`,
        ),
      );

      const demo = await cli('demo', '--industry', 'beauty', '--out', workspace);
      expect(demo.code).toBe(75);
      expect(await sha256OfFile(workspace)).toBe(before);
    } finally {
      await lock.release();
    }
    expect(await exists(lockPathFor(workspace))).toBe(false);
  });
});

test('one process cannot take a workspace twice, and a released lock can be taken again', async () => {
  await withTempDir(async (dir) => {
    const workspace = join(dir, 'Shop.xsell');
    const lock = await lockWorkspace(workspace, WINDOW_HOLDER);
    const second = await lockWorkspace(workspace, WINDOW_HOLDER).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(WorkspaceInUseError);
    expect((second as Error).message).toMatch(/^This workspace is open in a window of Cross-Sell Planner since /);
    await lock.release();
    const again = await lockWorkspace(workspace, WINDOW_HOLDER);
    expect(again.clearedNote).toBeNull();
    await again.release();
    expect(await exists(lockPathFor(workspace))).toBe(false);
  });
});
