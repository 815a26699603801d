import type { MenuCommand } from './ipc-channels';
import type { Result } from '../core/util/result';

/**
 * The Host port: everything the renderer needs from the world outside the page.
 * ElectronHost implements it over IPC to main, BrowserHost over browser storage and downloads.
 */

/** The file extension of a workspace on disk. */
export const WORKSPACE_EXTENSION = 'xsell';

/** Names a workspace file: a filesystem path in Electron, a storage key in the browser. */
export interface WorkspaceRef {
  id: string;
  name: string;
}

export interface OpenedWorkspace {
  ref: WorkspaceRef;
  bytes: Uint8Array;
  /** A previous version kept beside the file by the last successful save. */
  hasBackup: boolean;
  /** The host holds no copy yet (a file brought into the browser edition): save once it opened. */
  needsFirstSave?: boolean;
}

export interface RecentWorkspace {
  ref: WorkspaceRef;
  openedAt: string;
}

export interface SaveExportRequest {
  suggestedName: string;
  mimeType: string;
  data: Uint8Array | string;
}

/**
 * What became of a PDF export: the desktop app saved a file; the web edition hands the report to the
 * browser's print dialog, which either opened (the user picks “Save as PDF” there) or did not.
 */
export type PdfOutcome = { savedTo: string } | { printDialog: 'opened' | 'not-opened' };

export interface Host {
  readonly kind: 'electron' | 'browser';
  /** Asks the user for a workspace file; null when they cancel. */
  pickWorkspace(): Promise<Result<OpenedWorkspace | null>>;
  /** Asks the user for data files to import (CSV and other text tables); null when they cancel. */
  pickDataFiles(): Promise<Result<File[] | null>>;
  /** Asks the user for a plan document (JSON) to use as a template; null when they cancel. */
  pickPlanFile(): Promise<Result<File | null>>;
  openRecent(ref: WorkspaceRef): Promise<Result<OpenedWorkspace>>;
  openBackup(ref: WorkspaceRef): Promise<Result<OpenedWorkspace>>;
  /** Asks where a new workspace goes; null when they cancel. */
  chooseNewWorkspace(suggestedName: string): Promise<Result<WorkspaceRef | null>>;
  /** Where a demo workspace of this name lives, without asking. */
  demoWorkspace(suggestedName: string): Promise<Result<WorkspaceRef>>;
  /**
   * Lets go of a workspace this page opened or created, once it is closed (or failed to open), so
   * another window or tab may write it. Opening takes it; while another has it, opening is refused.
   */
  releaseWorkspace(ref: WorkspaceRef): Promise<Result<void>>;
  /** Writes the whole workspace atomically, keeping the previous version as a backup. */
  saveWorkspace(ref: WorkspaceRef, bytes: Uint8Array): Promise<Result<{ savedAt: string }>>;
  listRecent(): Promise<Result<RecentWorkspace[]>>;
  forgetRecent(ref: WorkspaceRef): Promise<Result<void>>;
  saveExport(request: SaveExportRequest): Promise<Result<{ savedTo: string } | null>>;
  printToPdf(html: string, suggestedName: string): Promise<Result<PdfOutcome | null>>;
  openExternal(url: string): Promise<Result<void>>;
  setTitle(title: string): void;
  /** Registers what to run before the app quits or the page goes away, so unsaved work is saved. */
  /** The desktop app's menu items the page acts on; the web edition has no menu. */
  onMenuCommand(listener: (command: MenuCommand) => void): void;
  onBeforeQuit(work: { flush: () => Promise<void>; hasUnsavedWork: () => boolean }): void;
}
