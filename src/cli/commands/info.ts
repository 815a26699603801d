import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { demoWorkspace } from '../../core/demo/demo-workspaces';
import { TABLES, type OpenFailure } from '../../core/store/workspace-types';
import {
  count,
  EXIT,
  parseCommandLine,
  unreadableFile,
  UsageError,
  type CliOutput,
  type Command,
} from '../cli-support';
import { newEngine, repairHint } from '../workspace-file';

/** Where SQLite keeps PRAGMA user_version in a file's header: the version the file itself is at. */
const USER_VERSION_OFFSET = 60;

type InfoFailure = Omit<OpenFailure, 'kind'> & { kind: OpenFailure['kind'] | 'unreadable' };

export const infoCommand: Command = {
  name: 'info',
  summary: 'Describe a workspace file (never changes it)',
  usage: `Usage: npm run cli -- info FILE.xsell [--json]

Opens a workspace file read-only and prints its name, which demo it was generated as (if it
is one), its schema version, the row count of every table and the dates of its first and last
orders. A file that is not a usable workspace gets a plain explanation and exit code 2.

  --json  print the description, or the problem, as JSON`,

  async run(args, io) {
    const { values, positionals } = parseCommandLine(args, { json: { type: 'boolean' } }, true);
    if (positionals.length !== 1)
      throw new UsageError(
        positionals.length ? 'Give one file at a time.' : 'Which file? Give the path of a workspace.',
      );
    const [path] = positionals;
    const json = values.json ?? false;

    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      return report(io, json, path, unreadable(path, error));
    }
    const engine = await newEngine();
    const opened = await engine.workspace.open(bytes);
    if (!opened.ok) return report(io, json, path, opened.failure);
    await engine.workspace.close();

    const schemaVersion = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(USER_VERSION_OFFSET);
    const { name, counts, orderDateRange, undatedOrders, demo } = opened.value;
    const { warnings } = opened;
    if (json) {
      io.out(JSON.stringify({ name, schemaVersion, demo, counts, orderDateRange, undatedOrders, warnings }, null, 2));
      return EXIT.ok;
    }
    for (const warning of warnings) io.err(warning);
    const width = Math.max(...TABLES.map((t) => t.length));
    io.out(
      [
        name,
        ...(demo ? [`  demo            ${demo} (${demoWorkspace(demo).name})`] : []),
        `  schema version  ${schemaVersion}`,
        `  orders          ${orderSpan(orderDateRange, undatedOrders)}`,
        '',
        ...TABLES.map((t) => `  ${t.padEnd(width)}  ${count(counts[t]).padStart(10)}`),
      ].join('\n'),
    );
    return EXIT.ok;
  },
};

function orderSpan(range: { first: string; last: string } | null, undated: number): string {
  const without = undated > 0 ? `${count(undated)} without a date` : '';
  if (!range) return without || 'none yet';
  return `${range.first} to ${range.last}${without ? ` (${without})` : ''}`;
}

function report(io: CliOutput, json: boolean, path: string, failure: InfoFailure): number {
  if (json)
    io.out(
      JSON.stringify(
        { error: { kind: failure.kind, message: failure.message, detail: failure.detail ?? null } },
        null,
        2,
      ),
    );
  else
    io.err(
      [`Cannot open ${basename(path)}: ${failure.message}`, repairHint(failure, path), failure.detail]
        .filter(Boolean)
        .join('\n'),
    );
  return EXIT.badFile;
}

function unreadable(path: string, error: unknown): InfoFailure {
  return { kind: 'unreadable', message: unreadableFile(path, error) };
}
