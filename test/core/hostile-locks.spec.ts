import { expect, test } from '@playwright/test';
import { copyFile, readFile, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { clockTime } from '../../src/core/util/lock-messages';
import { commandHolder, lockPathFor, lockWorkspace, WorkspaceInUseError } from '../../src/node/workspace-lock';
import { sha256, withTempDir } from '../support/temp-dir';

/**
 * Crafted lock files beside a workspace: anyone who can write the folder can leave one. None may
 * keep the workspace locked for ever, reach other processes through its process id, or put its
 * text on the user's terminal; each is cleared as unreadable (when old) or names its holder plainly.
 */

const FIXTURES = join(import.meta.dirname, '../fixtures/hostile/locks');
const CLEARED = 'Cleared the unreadable lock file “Shop.xsell.lock”, left behind by a crash.';

interface Case {
  attack: string;
  file: string;
  /** A lock file just written may still be being written: it is then respected, not cleared. */
  fresh?: boolean;
  /** {made} stands for the time the lock file was made. */
  expected: { cleared: string } | { refused: string };
}

const CASES: Case[] = [
  { attack: 'text that is not a lock record', file: 'not-json.lock', expected: { cleared: CLEARED } },
  { attack: 'a record cut off half way', file: 'truncated.lock', expected: { cleared: CLEARED } },
  {
    attack: 'process id 0, which signals a whole process group',
    file: 'pid-zero.lock',
    expected: { cleared: CLEARED },
  },
  { attack: 'process id -1, which signals every process', file: 'pid-negative.lock', expected: { cleared: CLEARED } },
  {
    attack: 'terminal escapes in the holder’s name',
    file: 'terminal-escapes-in-who.lock',
    expected: { cleared: CLEARED },
  },
  {
    attack: 'a line break in the computer’s name',
    file: 'line-break-in-hostname.lock',
    expected: { cleared: CLEARED },
  },
  { attack: 'a holder’s name of 391 characters', file: 'who-too-long.lock', expected: { cleared: CLEARED } },
  { attack: 'a start time that is not a date', file: 'not-a-date.lock', expected: { cleared: CLEARED } },
  { attack: 'a kind of holder we never write', file: 'unknown-kind.lock', expected: { cleared: CLEARED } },
  { attack: 'an array instead of a record', file: 'array.lock', expected: { cleared: CLEARED } },
  { attack: 'UTF-16 bytes', file: 'utf16-bytes.lock', expected: { cleared: CLEARED } },
  {
    attack: 'a half-written lock that was just made',
    file: 'truncated.lock',
    fresh: true,
    expected: {
      refused:
        'This workspace is being changed by another program since {made}. Wait until that has finished, then try again.',
    },
  },
  {
    attack: 'a lock held on another computer, which cannot be checked from here',
    file: 'held-on-another-computer.lock',
    expected: {
      refused: `This workspace is open in a window of Cross-Sell Planner since ${clockTime('2026-03-01T09:00:00Z')} (process 1 on the computer “front-desk-pc”). Close it there; if nothing has it open any more, delete “Shop.xsell.lock” beside it.`,
    },
  },
];

for (const { attack, file, fresh, expected } of CASES) {
  test(attack, async () => {
    await withTempDir(async (dir) => {
      const fixture = join(FIXTURES, file);
      const before = sha256(await readFile(fixture));
      const workspace = join(dir, 'Shop.xsell');
      await copyFile(fixture, lockPathFor(workspace));
      if (!fresh) {
        const aMinuteAgo = new Date(Date.now() - 60_000);
        await utimes(lockPathFor(workspace), aMinuteAgo, aMinuteAgo);
      }

      const outcome = await lockWorkspace(workspace, commandHolder('import')).then(
        async (lock) => {
          await lock.release();
          return { cleared: lock.clearedNote };
        },
        (error: unknown) => {
          if (!(error instanceof WorkspaceInUseError)) throw error;
          return { refused: error.message };
        },
      );

      const made = clockTime(
        (await stat(lockPathFor(workspace)).catch(() => ({ mtime: new Date() }))).mtime.toISOString(),
      );
      expect(outcome).toEqual('refused' in expected ? { refused: expected.refused.replace('{made}', made) } : expected);
      expect(JSON.stringify(outcome)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(sha256(await readFile(fixture))).toBe(before);
    });
  });
}
