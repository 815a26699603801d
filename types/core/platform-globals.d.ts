/**
 * The few platform globals core may use: ones that Node, browsers and workers all provide alike.
 * Core compiles against these alone (tsconfig.core.json), so a DOM or Node API cannot creep in.
 */

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

interface Blob {
  readonly size: number;
  slice(start?: number, end?: number): Blob;
  arrayBuffer(): Promise<ArrayBuffer>;
}

declare function structuredClone<T>(value: T): T;
