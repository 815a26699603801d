import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../node/atomic-write';
import { EXIT, parseCommandLine, required, unreadableFile, UsageError, type Command } from '../cli-support';
import { newEngine, whileLocked } from '../workspace-file';

export const repairCommand: Command = {
  name: 'repair',
  summary: 'Copy a workspace without the things the app did not put there',
  usage: `Usage: npm run cli -- repair FILE.xsell --out NEW.xsell

For a workspace that was refused because it holds triggers, views, tables or indexes the app did
not put there: writes a copy without them to NEW.xsell. The original file is never changed. A
workspace whose own tables were changed cannot be repaired this way (exit code 2).

  --out  the new workspace file to write; it must not exist yet`,

  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, { out: { type: 'string' } }, true);
    if (positionals.length !== 1)
      throw new UsageError(
        positionals.length ? 'Give one file at a time.' : 'Which file? Give the path of a workspace.',
      );
    const [path] = positionals;
    const out = required(values.out, 'out');
    if (resolve(out) === resolve(path))
      throw new UsageError('Write the copy to a new file: the original is kept as it is.');
    if (existsSync(out)) throw new UsageError(`${out} already exists. Choose a new file name for the copy.`);

    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      io.err(unreadableFile(path, error));
      return EXIT.badFile;
    }
    const engine = await newEngine();
    const opened = await engine.workspace.openCleaned(bytes);
    if (!opened.ok) {
      io.err(`Cannot repair ${path}: ${opened.failure.message}`);
      return EXIT.badFile;
    }
    try {
      if (opened.removed.length === 0) {
        io.out(`${path} holds nothing the app did not put there: it opens as it is. No copy was written.`);
        return EXIT.ok;
      }
      const bytes = await engine.workspace.toBytes();
      return await whileLocked(out, 'repair', io, async () => {
        await writeFileAtomic(out, bytes);
        io.out(`Wrote ${out} without ${opened.removed.join(', ')}. ${path} has not been changed.`);
        for (const warning of opened.warnings) io.err(warning);
        return EXIT.ok;
      });
    } finally {
      await engine.workspace.close();
    }
  },
};
