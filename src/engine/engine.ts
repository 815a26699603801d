import type { SqlJsStatic } from '../core/store/sqlite';
import type { EngineApi } from '../shared/engine-api';
import { analysesApi } from './analyses';
import { EngineContext } from './context';
import { exercisesApi } from './exercises';
import { exportsApi } from './exports';
import { importsApi } from './imports';
import { pilotApi } from './pilot';
import { plansApi } from './plans';
import { workspaceApi } from './workspace';

/**
 * The engine behind the worker's RPC surface. Platform-free: sql.js is handed in, so the same
 * code runs in the Web Worker, in the CLI and in Node specs.
 */
export function createEngine(SQL: SqlJsStatic): EngineApi {
  const context = new EngineContext(SQL);
  return {
    workspace: workspaceApi(context),
    imports: importsApi(context),
    analyses: analysesApi(context),
    plans: plansApi(context),
    exports: exportsApi(context),
    pilot: pilotApi(context),
    exercises: exercisesApi(context),
  };
}
