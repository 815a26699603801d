import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../src/node/atomic-write';

/**
 * Writes one file atomically in its own process, for tests that must see what a crash leaves:
 * `node --import tsx atomic-write-child.ts <target> <file with the new content>`.
 * With XSELL_KILL_AT_STEP set, the process kills itself the moment that step is about to run.
 */
const [target, source] = process.argv.slice(2);
if (!target || !source) throw new Error('usage: atomic-write-child.ts <target> <source>');
const killAt = process.env['XSELL_KILL_AT_STEP'];

try {
  await writeFileAtomic(target, await readFile(source), {
    beforeStep: (step) => {
      if (step === killAt) process.kill(process.pid, 'SIGKILL');
    },
  });
} catch (error) {
  process.stderr.write(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
