import * as Comlink from 'comlink';
import type { EngineApi } from '../shared/engine-api';
import type { ProgressListener } from '../core/util/progress';

export type EngineClient = Comlink.Remote<EngineApi>;

/** Starts the data engine in its Web Worker; the UI thread only ever awaits its answers. */
export function startEngine(): EngineClient {
  const worker = new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module', name: 'engine' });
  return Comlink.wrap<EngineApi>(worker);
}

/** Wraps a progress callback so the worker can call it across the thread boundary. */
export const progressChannel = (listener: ProgressListener) => Comlink.proxy(listener);
