/**
 * Where the bytes of an import file come from. Reading is by range, so a large file is never
 * held as one string: the app hands in the picked File (a Blob), the CLI and the specs hand in bytes.
 */
export interface ByteSource {
  /** The file name, as shown to the user and recorded with the import. */
  readonly name: string;
  readonly size: number;
  /** The bytes from `start` up to (not including) `end`. */
  read(start: number, end: number): Promise<Uint8Array>;
}

export function bytesSource(name: string, bytes: Uint8Array): ByteSource {
  return {
    name,
    size: bytes.length,
    read: async (start, end) => bytes.subarray(start, end),
  };
}

export function blobSource(name: string, blob: Blob): ByteSource {
  return {
    name,
    size: blob.size,
    read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
  };
}
