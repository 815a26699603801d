import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  backupPathFor,
  FileWriteError,
  WRITE_STEPS,
  writeFileAtomic,
  type AtomicWriteFs,
  type WriteStep,
} from '../../src/node/atomic-write';
import { WriteQueue } from '../../src/node/write-queue';
import { sha256, sha256OfFile, tempFilesIn, withTempDir } from '../support/temp-dir';
import { runChildUnprivileged, runsAsRoot, whyNodeCannotRunUnprivileged } from '../support/unprivileged-child';

const CHILD_SCRIPT = join(import.meta.dirname, '../support/atomic-write-child.ts');

const versions = () => [randomBytes(1 << 20), randomBytes(1 << 20), randomBytes((1 << 20) + 123)] as const;

/** Steps that run before the new content replaces the target; a failure there leaves the old content. */
const BEFORE_REPLACE: readonly WriteStep[] = WRITE_STEPS.filter((step) => step !== 'dir-fsync');

function failAt(failing: WriteStep) {
  return (step: WriteStep) => {
    if (step === failing) throw new Error(`injected failure at ${step}`);
  };
}

test.describe('a failure at any step leaves the complete old or the complete new file', () => {
  for (const step of WRITE_STEPS) {
    test(`failure at "${step}"`, async () => {
      await withTempDir(async (dir) => {
        const target = join(dir, 'Client.xsell');
        const [v1, v2, v3] = versions();
        await writeFileAtomic(target, v1);
        await writeFileAtomic(target, v2);
        expect(await sha256OfFile(backupPathFor(target))).toBe(sha256(v1));

        const failure = await writeFileAtomic(target, v3, { beforeStep: failAt(step) }).catch(
          (error: unknown) => error,
        );

        expect(failure).toBeInstanceOf(FileWriteError);
        expect((failure as FileWriteError).step).toBe(step);
        expect((failure as FileWriteError).message).toContain('Could not save “Client.xsell”');
        const expected = BEFORE_REPLACE.includes(step) ? v2 : v3;
        expect(await sha256OfFile(target)).toBe(sha256(expected));
        const backupReplaced = WRITE_STEPS.indexOf(step) > WRITE_STEPS.indexOf('backup-rename');
        expect(await sha256OfFile(backupPathFor(target))).toBe(sha256(backupReplaced ? v2 : v1));
        expect(await tempFilesIn(dir)).toEqual([]);
      });
    });
  }

  test('the first save of a new file fails cleanly at every step', async () => {
    await withTempDir(async (dir) => {
      const [content] = versions();
      // With nothing to replace there is no backup to make, so those steps never run.
      for (const step of WRITE_STEPS.filter((name) => !name.startsWith('backup-'))) {
        const target = join(dir, `${step}.xsell`);
        await expect(writeFileAtomic(target, content, { beforeStep: failAt(step) })).rejects.toThrow(FileWriteError);
        const onDisk = await sha256OfFile(target);
        expect(onDisk === null || onDisk === sha256(content)).toBe(true);
        expect(await sha256OfFile(backupPathFor(target))).toBeNull();
      }
      expect(await tempFilesIn(dir)).toEqual([]);
    });
  });

  test('a write that stops half way through leaves the old file and no temp file', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'Client.xsell');
      const [v1, v2] = versions();
      await writeFileAtomic(target, v1);
      const halfWriting: AtomicWriteFs = {
        ...fs,
        open: async (...args: Parameters<typeof fs.open>) => {
          const handle = await fs.open(...args);
          return Object.assign(handle, {
            writeFile: async (data: Uint8Array) => {
              await handle.write(data, 0, data.byteLength >> 1);
              throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
            },
          });
        },
      };

      await expect(writeFileAtomic(target, v2, { fs: halfWriting })).rejects.toThrow(
        'Could not save “Client.xsell”: the disk is full.',
      );

      expect(await sha256OfFile(target)).toBe(sha256(v1));
      expect(await tempFilesIn(dir)).toEqual([]);
    });
  });

  test('saving without a backup leaves no .bak file', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'recent.json');
      const [v1, v2] = versions();
      await writeFileAtomic(target, v1, { keepBackup: false });
      await writeFileAtomic(target, v2, { keepBackup: false });
      expect(await sha256OfFile(target)).toBe(sha256(v2));
      expect(await sha256OfFile(backupPathFor(target))).toBeNull();
    });
  });
});

function runChildWriter(target: string, source: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, target, source], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test.describe('a writer killed at any step leaves the complete old or the complete new file', () => {
  for (const step of WRITE_STEPS) {
    test(`killed before "${step}"`, async () => {
      await withTempDir(async (dir) => {
        const target = join(dir, 'Client.xsell');
        const source = join(dir, 'new-content');
        const [v1, v2, v3] = versions();
        await writeFileAtomic(target, v1);
        await writeFileAtomic(target, v2);
        await writeFile(source, v3);

        const child = runChildWriter(target, source, { XSELL_KILL_AT_STEP: step });

        expect(child.signal, child.stderr).toBe('SIGKILL');
        const onDisk = await sha256OfFile(target);
        expect([sha256(v2), sha256(v3)]).toContain(onDisk);
        expect(onDisk).toBe(sha256(BEFORE_REPLACE.includes(step) ? v2 : v3));
        expect([sha256(v1), sha256(v2)]).toContain(await sha256OfFile(backupPathFor(target)));
      });
    });
  }

  test('a writer that is not killed replaces the file', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'Client.xsell');
      const source = join(dir, 'new-content');
      const [v1, v2] = versions();
      await writeFileAtomic(target, v1);
      await writeFile(source, v2);

      const child = runChildWriter(target, source);

      expect(child.status, child.stderr).toBe(0);
      expect(await sha256OfFile(target)).toBe(sha256(v2));
      expect(await sha256OfFile(backupPathFor(target))).toBe(sha256(v1));
      expect(await tempFilesIn(dir)).toEqual([]);
    });
  });
});

test.describe('the write queue', () => {
  /** Wraps the real writer to record the order of writes and how many ran at once. */
  function instrumentedWriter() {
    const written: string[] = [];
    let active = 0;
    let mostAtOnce = 0;
    const write = async (path: string, bytes: Uint8Array) => {
      active++;
      mostAtOnce = Math.max(mostAtOnce, active);
      try {
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
        await writeFileAtomic(path, bytes);
        written.push(new TextDecoder().decode(bytes));
      } finally {
        active--;
      }
    };
    return { write, written, mostAtOnce: () => mostAtOnce };
  }

  test('many concurrent saves end with the last content, one write at a time, all settled', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'Client.xsell');
      const writer = instrumentedWriter();
      const queue = new WriteQueue(writer.write);
      const contents = Array.from({ length: 25 }, (_, index) => `version ${index}`);

      const saves = contents.map((content) => queue.save(target, new TextEncoder().encode(content)));
      const outcomes = await Promise.allSettled(saves);

      expect(outcomes.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
      expect(writer.mostAtOnce()).toBe(1);
      expect(writer.written).toEqual(['version 0', 'version 24']);
      expect(await fs.readFile(target, 'utf8')).toBe('version 24');
    });
  });

  test('saves arriving during a write are coalesced and settle once the latest is on disk', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'Client.xsell');
      const writer = instrumentedWriter();
      const queue = new WriteQueue(writer.write);
      const encode = (text: string) => new TextEncoder().encode(text);

      const first = queue.save(target, encode('a'));
      await new Promise((resolve) => setTimeout(resolve, 1));
      const second = queue.save(target, encode('b'));
      const seenBySecond = second.then(() => fs.readFile(target, 'utf8'));
      const third = queue.save(target, encode('c'));
      await Promise.all([first, second, third]);

      expect(await seenBySecond).toBe('c');
      expect(writer.written).toEqual(['a', 'c']);
    });
  });

  test('different files are written independently', async () => {
    await withTempDir(async (dir) => {
      const writer = instrumentedWriter();
      const queue = new WriteQueue(writer.write);
      const encode = (text: string) => new TextEncoder().encode(text);

      await Promise.all([queue.save(join(dir, 'a.xsell'), encode('a')), queue.save(join(dir, 'b.xsell'), encode('b'))]);

      expect(writer.mostAtOnce()).toBe(2);
    });
  });

  test('a failed write rejects its callers and the queued save still runs', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'Client.xsell');
      let calls = 0;
      const queue = new WriteQueue(async (path, bytes) => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (calls === 1) throw new Error('disk unplugged');
        await writeFileAtomic(path, bytes);
      });
      const encode = (text: string) => new TextEncoder().encode(text);

      const first = queue.save(target, encode('first'));
      const second = queue.save(target, encode('second'));

      await expect(first).rejects.toThrow('disk unplugged');
      await expect(second).resolves.toBeUndefined();
      expect(await fs.readFile(target, 'utf8')).toBe('second');
    });
  });
});

test.describe('clear errors for files and folders that cannot be written', () => {
  test('a missing folder', async () => {
    await withTempDir(async (dir) => {
      const target = join(dir, 'moved away', 'Client.xsell');

      await expect(writeFileAtomic(target, randomBytes(100))).rejects.toThrow(
        `Could not save “Client.xsell”: the folder “${join(dir, 'moved away')}” does not exist any more.`,
      );

      expect(await fs.readdir(dir)).toEqual([]);
    });
  });

  test('a read-only folder', async () => {
    const cannotRun = runsAsRoot ? whyNodeCannotRunUnprivileged() : null;
    test.skip(cannotRun !== null, `Folder permissions do not bind root, and ${cannotRun}`);
    await withTempDir(async (dir) => {
      const folder = join(dir, 'locked');
      await mkdir(folder);
      const target = join(folder, 'Client.xsell');
      const source = join(dir, 'new-content');
      const [v1, v2] = versions();
      await writeFileAtomic(target, v1);
      await writeFile(source, v2);
      await chmod(folder, 0o555);
      await chmod(dir, 0o755);

      const child = await runChildUnprivileged(CHILD_SCRIPT, dir, [target, source]);
      await chmod(folder, 0o755);

      expect(child.status).toBe(1);
      expect(child.stderr).toBe(
        `Could not save “Client.xsell”: you do not have permission to write in the folder “${folder}”.`,
      );
      expect(await sha256OfFile(target)).toBe(sha256(v1));
      expect(await tempFilesIn(folder)).toEqual([]);
    });
  });

  test('a read-only file in a folder that can be written', async () => {
    const cannotRun = runsAsRoot ? whyNodeCannotRunUnprivileged() : null;
    test.skip(cannotRun !== null, `File permissions do not bind root, and ${cannotRun}`);
    await withTempDir(async (dir) => {
      const target = join(dir, 'Client.xsell');
      const source = join(dir, 'new-content');
      const [v1, v2] = versions();
      await writeFileAtomic(target, v1);
      await writeFile(source, v2);
      await chmod(target, 0o444);
      await chmod(dir, 0o777);

      const child = await runChildUnprivileged(CHILD_SCRIPT, dir, [target, source]);

      expect(child.status).toBe(1);
      expect(child.stderr).toBe(
        'Could not save “Client.xsell”: the file is read-only. Make it writable, or save a copy under another name.',
      );
      expect(await sha256OfFile(target)).toBe(sha256(v1));
      expect(await tempFilesIn(dir)).toEqual([]);
    });
  });
});
