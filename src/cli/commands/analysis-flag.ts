import type { AnalysisName, ParamsOf, ResultOf } from '../../core/analysis/catalogue';
import type { ProgressListener } from '../../core/util/progress';
import type { EngineApi } from '../../shared/engine-api';
import { EXIT, type CliOutput } from '../cli-support';

/** One analysis of the `analyze` command: the flag that picks it, its options, and how it runs. */

export type OptionValues = Record<string, string | boolean | undefined>;

/** Runs the chosen analysis in the engine and prints it; gives the exit code. */
export type PreparedAnalysis = (engine: EngineApi, io: CliOutput, json: boolean, openedIn: number) => Promise<number>;

export interface Analysis {
  /** The flag that picks it, without the dashes. */
  flag: string;
  /** Its options as node:util parseArgs declares them. */
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  /** Its lines in the command's usage. */
  usage: string;
  /** Reads its options, throwing UsageError for a wrong one, before the workspace is opened. */
  prepare(values: OptionValues): PreparedAnalysis;
}

/**
 * Runs an analysis as the app does (answered from the workspace's cache while its data is
 * unchanged) and prints the result, or why the workspace cannot give one (exit code 1).
 */
export async function runAnalysis<N extends AnalysisName>(
  engine: EngineApi,
  name: N,
  params: ParamsOf<N>,
  io: CliOutput,
  json: boolean,
  print: (result: ResultOf<N>, fromCache: boolean) => string,
  onProgress?: ProgressListener,
): Promise<number> {
  const outcome = await engine.analyses.run(name, params, onProgress);
  if (!outcome.ok) {
    if (json) io.out(JSON.stringify({ error: { kind: 'unavailable', message: outcome.failure.message } }, null, 2));
    else io.err(outcome.failure.message);
    return EXIT.failed;
  }
  if (outcome.warning) io.err(outcome.warning);
  io.out(print(outcome.result, outcome.fromCache));
  return EXIT.ok;
}
