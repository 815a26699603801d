import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import type { SqlJsStatic } from '../core/store/sqlite';

const require = createRequire(import.meta.url);
let loading: Promise<SqlJsStatic> | null = null;

/** sql.js for Node (CLI, tests, benchmarks), loading the wasm that ships in the package. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= initSqlJs({ locateFile: (file: string) => require.resolve(`sql.js/dist/${file}`) });
  return loading;
}
