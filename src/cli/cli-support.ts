import { parseArgs, type ParseArgsConfig } from 'node:util';
import { INDUSTRIES, type Industry } from '../core/store/workspace-types';

/**
 * Exit codes: 2 for a file that is not a usable workspace; as in sysexits, 64 for a wrong command
 * line and 75 (try again later) for a workspace another window or command is writing.
 */
export const EXIT = { ok: 0, failed: 1, badFile: 2, usage: 64, busy: 75 } as const;

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliOutput): Promise<number>;
}

/** A mistake in the command line: reported with the command's usage, never with a stack trace. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its complaints turned into usage errors in plain words. */
export function parseCommandLine<O extends Options>(args: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(plainParseError(error));
  }
}

function plainParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const option = quoted.split(' ')[0];
  switch ((error as { code?: string }).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `There is no option ${option}.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Unexpected argument "${quoted}".`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('argument missing')
        ? `The option ${option} needs a value.`
        : `The option ${option} does not take a value.`;
    default:
      return message;
  }
}

export function required(value: string | undefined, option: string): string {
  if (value === undefined || value === '') throw new UsageError(`The option --${option} is required.`);
  return value;
}

export function wholeNumber(
  value: string | undefined,
  option: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new UsageError(
      `--${option} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}; got "${value}".`,
    );
  }
  return number;
}

export function industry(value: string | undefined): Industry {
  const chosen = required(value, 'industry');
  if (!(INDUSTRIES as readonly string[]).includes(chosen)) {
    throw new UsageError(`--industry must be one of ${INDUSTRIES.join(', ')}; got "${chosen}".`);
  }
  return chosen as Industry;
}

export const count = (n: number) => n.toLocaleString('en');
export const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Why a file could not be read, in one or two plain sentences naming it. */
export function unreadableFile(path: string, error: unknown): string {
  const file = `“${path}”`;
  switch ((error as { code?: string }).code) {
    case 'ENOENT':
      return `There is no file ${file}.`;
    case 'EISDIR':
      return `${file} is a folder, not a file. Give the path of a file inside it.`;
    case 'EACCES':
    case 'EPERM':
      return `You do not have permission to read ${file}.`;
    default:
      return `Could not read ${file}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
