import { openAsBlob } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { unreadableFile } from './cli-support';

/**
 * A data file to import, as a Blob the engine reads range by range; otherwise why it cannot be read.
 * A pipe or device (`/dev/stdin`) reports no size until it has been read, so it is read whole first.
 */
export async function openDataFile(path: string): Promise<Blob | string> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return unreadableFile(path, { code: 'EISDIR' });
    if (info.isFile()) return await openAsBlob(path);
    return new Blob([await readFile(path)]);
  } catch (error) {
    return unreadableFile(path, error);
  }
}
