import type { Result } from './result';
import type { Industry, OpenFailure, WorkspaceSummary } from './workspace';

/** One step of a long operation, reported by the engine as it goes. */
export interface Progress {
  label: string;
  done: number;
  total: number;
}
export type ProgressListener = (progress: Progress) => void;

/**
 * The data engine's API, declared once: the Web Worker exposes it over RPC, the CLI and the
 * Node specs call the same implementation directly. It holds at most one open workspace.
 */
export interface EngineApi {
  newWorkspace(name: string): Promise<WorkspaceSummary>;
  /** Opens workspace bytes; the bytes are checked first and never written back by opening. */
  openWorkspace(bytes: Uint8Array): Promise<Result<WorkspaceSummary, OpenFailure>>;
  createDemo(industry: Industry, onProgress?: ProgressListener): Promise<WorkspaceSummary>;
  summary(): Promise<WorkspaceSummary>;
  renameWorkspace(name: string): Promise<WorkspaceSummary>;
  /** The whole workspace as SQLite bytes, for the Host to write. */
  exportBytes(): Promise<Uint8Array>;
  closeWorkspace(): Promise<void>;
}
