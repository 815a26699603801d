import { open, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ByteSource } from '../core/import/source';

/** A file on disk as an import source, read range by range so a large file is never held whole. */
export async function openFileSource(path: string): Promise<{ source: ByteSource; close: () => Promise<void> }> {
  const handle: FileHandle = await open(path, 'r');
  const { size } = await handle.stat();
  const source: ByteSource = {
    name: basename(path),
    size,
    read: async (start, end) => {
      const bytes = new Uint8Array(end - start);
      let filled = 0;
      while (filled < bytes.length) {
        const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, start + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return bytes.subarray(0, filled);
    },
  };
  return { source, close: () => handle.close() };
}
