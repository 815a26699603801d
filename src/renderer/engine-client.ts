import * as Comlink from 'comlink';
import type { EngineApi } from '../shared/engine-api';
import type { ProgressListener } from '../core/util/progress';

/** The engine seen from the UI thread: each group's methods answer across the worker boundary. */
export type EngineClient = { [Group in keyof EngineApi]: Comlink.Remote<EngineApi[Group]> };

/** Starts the data engine in its Web Worker; the UI thread only ever awaits its answers. */
export function startEngine(): EngineClient {
  const worker = new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module', name: 'engine' });
  // Comlink types a nested group as a value to await, but its proxy reaches a group's methods by
  // their path: `engine.plans.save(...)` calls the worker's `plans.save`.
  return Comlink.wrap<EngineApi>(worker) as unknown as EngineClient;
}

/** Wraps a progress callback so the worker can call it across the thread boundary. */
export const progressChannel = (listener: ProgressListener) => Comlink.proxy(listener);
