import type { Database } from '../../core/store/sqlite';
import type { CliOutput } from '../cli-support';

/** One analysis of the `analyze` command: the flag that picks it, its options, and how it runs. */

export type OptionValues = Record<string, string | boolean | undefined>;

export interface Analysis {
  /** The flag that picks it, without the dashes. */
  flag: string;
  /** Its options as node:util parseArgs declares them. */
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  /** Its lines in the command's usage. */
  usage: string;
  /** Reads its options, throwing UsageError for a wrong one, before the workspace is opened. */
  prepare(values: OptionValues): (db: Database, io: CliOutput, json: boolean, openedIn: number) => number;
}
