import { z } from 'zod';
import type { IpcChannel, MenuCommand } from './ipc-channels';
import type { Result } from '../core/util/result';

/**
 * The IPC contract between preload and main: one channel per Host call, each with the schema
 * main validates its payload against before doing anything.
 */

const workspaceRef = z.object({ id: z.string().min(1).max(4096), name: z.string().min(1).max(512) }).strict();
const fileName = z.string().min(1).max(255);
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected the file bytes');

export const ipcRequests = {
  'workspace:pick': z.undefined(),
  'workspace:open-recent': z.object({ ref: workspaceRef }).strict(),
  'workspace:open-backup': z.object({ ref: workspaceRef }).strict(),
  'workspace:choose-new': z.object({ suggestedName: fileName }).strict(),
  'workspace:demo-location': z.object({ suggestedName: fileName }).strict(),
  'workspace:save': z.object({ ref: workspaceRef, bytes }).strict(),
  'workspace:release': z.object({ ref: workspaceRef }).strict(),
  'recent:list': z.undefined(),
  'recent:forget': z.object({ ref: workspaceRef }).strict(),
  'export:save': z
    .object({ suggestedName: fileName, mimeType: z.string().max(100), data: z.union([bytes, z.string()]) })
    .strict(),
  'export:pdf': z.object({ html: z.string().max(50_000_000), suggestedName: fileName }).strict(),
  'shell:open-external': z.object({ url: z.string().url().max(2048) }).strict(),
  'window:set-title': z.object({ title: z.string().max(300) }).strict(),
  'app:quit-ready': z.undefined(),
} as const satisfies Record<IpcChannel, z.ZodType>;

export { IPC_CHANNELS, MENU_COMMAND, QUIT_REQUESTED } from './ipc-channels';
export type { IpcChannel, MenuCommand } from './ipc-channels';
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof ipcRequests)[C]>;

/** What preload exposes on `window.xsellBridge`, and nothing more. */
export interface PreloadBridge {
  invoke<C extends IpcChannel>(channel: C, payload: IpcRequest<C>): Promise<Result<unknown>>;
  /** Each returns a function that removes the listener again. */
  onQuitRequested(listener: () => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

declare global {
  interface Window {
    xsellBridge?: PreloadBridge;
  }
}
