import { openAsBlob } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { buffer } from 'node:stream/consumers';
import { unreadableFile } from './cli-support';

/** The names a user gives for the command's own input; it may be a socket, which cannot be opened by path. */
const STANDARD_INPUT = new Set(['-', '/dev/stdin']);

/**
 * A data file to import, as a Blob the engine reads range by range; otherwise why it cannot be read.
 * A pipe or device (`/dev/stdin`, `<(…)`) reports no size until it has been read, so it is read whole first.
 */
export async function openDataFile(path: string): Promise<Blob | string> {
  try {
    if (STANDARD_INPUT.has(path)) return new Blob([await buffer(process.stdin)]);
    const info = await stat(path);
    if (info.isDirectory()) return unreadableFile(path, { code: 'EISDIR' });
    if (info.isFile()) return await openAsBlob(path);
    return new Blob([await readFile(path)]);
  } catch (error) {
    return unreadableFile(path, error);
  }
}
