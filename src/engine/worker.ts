import * as Comlink from 'comlink';
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import type { EngineApi } from '../shared/engine-api';
import { createEngine } from './engine';

/** The Web Worker entry: loads sql.js from the bundled wasm and exposes the engine over RPC. */
const engine = initSqlJs({ locateFile: () => wasmUrl }).then(createEngine);

// Calls that arrive while sql.js is still loading wait for it instead of being lost.
const api = new Proxy({} as EngineApi, {
  get:
    (_target, name: keyof EngineApi) =>
    async (...args: unknown[]) => {
      const ready = await engine;
      const result = await (ready[name] as (...a: unknown[]) => Promise<unknown>)(...args);
      // Hand the workspace bytes over instead of copying them.
      return result instanceof Uint8Array ? Comlink.transfer(result, [result.buffer]) : result;
    },
});

Comlink.expose(api);
