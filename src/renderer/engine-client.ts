import * as Comlink from 'comlink';
import type { EngineApi } from '../shared/engine-api';
import type { ProgressListener } from '../core/util/progress';

/** The engine seen from the UI thread: each group's methods answer across the worker boundary. */
export type EngineClient = { [Group in keyof EngineApi]: Comlink.Remote<EngineApi[Group]> };

/** The engine and a way to stop its worker mid-call and start a fresh one (which holds no workspace). */
export interface EngineHandle {
  engine: EngineClient;
  restart(): void;
}

/** Starts the data engine in its Web Worker; the UI thread only ever awaits its answers. */
export function startEngine(): EngineHandle {
  const spawn = () => {
    const worker = new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module', name: 'engine' });
    return { worker, remote: Comlink.wrap<EngineApi>(worker) };
  };
  let current = spawn();
  // Comlink types a nested group as a value to await, but its proxy reaches a group's methods by
  // their path: `engine.plans.save(...)` calls the worker's `plans.save`. Calls go to the worker
  // running at the time of the call, so the stores keep one engine across a restart.
  const groupOf = (group: string) =>
    new Proxy(
      {},
      {
        get: (_, method) =>
          method === 'then'
            ? undefined
            : (...args: unknown[]) =>
                (current.remote as unknown as Record<string, Record<string | symbol, (...a: unknown[]) => unknown>>)[
                  group
                ][method](...args),
      },
    );
  const engine = new Proxy({} as EngineClient, {
    get: (_, group) => (typeof group === 'string' && group !== 'then' ? groupOf(group) : undefined),
  });
  return {
    engine,
    restart() {
      current.worker.terminate();
      current = spawn();
    },
  };
}

/** Wraps a progress callback so the worker can call it across the thread boundary. */
export const progressChannel = (listener: ProgressListener) => Comlink.proxy(listener);
