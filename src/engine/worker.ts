import * as Comlink from 'comlink';
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import type { EngineApi } from '../shared/engine-api';
import { createEngine } from './engine';

/** The Web Worker entry: loads sql.js from the bundled wasm and exposes the engine over RPC. */
const engine = initSqlJs({ locateFile: () => wasmUrl }).then(createEngine);

// Calls that arrive while sql.js is still loading wait for it instead of being lost. Comlink
// reaches a call by its path (group, then method), so each group answers with its methods.
type Method = (...args: unknown[]) => Promise<unknown>;
const api = new Proxy({} as EngineApi, {
  get: (_root, group: keyof EngineApi) =>
    new Proxy(
      {},
      {
        get:
          (_group, method: string) =>
          async (...args: unknown[]) => {
            const ready = await engine;
            const result = await (ready[group] as unknown as Record<string, Method>)[method](...args);
            // Hand the workspace bytes over instead of copying them.
            return result instanceof Uint8Array ? Comlink.transfer(result, [result.buffer]) : result;
          },
      },
    ),
});

Comlink.expose(api);
