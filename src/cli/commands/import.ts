import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { GROUP_BY_CUSTOMER_DAY, MAX_GROUP_DAYS } from '../../core/import/basket-grouping';
import type { ImportChoices } from '../../core/import/import-file';
import { isImportKind, type ImportKind } from '../../core/import/kinds';
import { importMappingSchema, type ImportMapping } from '../../core/import/mapping';
import { IMPORT_MODES, type ImportMode } from '../../core/import/import-mode';
import type { Delimiter } from '../../core/import/sniff';
import type { DayMonthOrder } from '../../core/import/values';
import type { EngineApi, PickedFile } from '../../shared/engine-api';
import { EXIT, parseCommandLine, UsageError, type CliOutput, type Command } from '../cli-support';
import { openDataFile } from '../data-file';
import { openWorkspaceFile, type WorkspaceFile } from '../workspace-file';
import { failureSummary, rejectedCsv, report, successSummary, type FileResult } from './import-output';
import { describeSet, setSummary } from './import-set-output';
import { terminalOutput } from '../terminal-text';

/**
 * `import FILE... --workspace W.xsell`: imports CSV files into a workspace, creating it when
 * missing. All files go in or none: the workspace file is written once, after the last file
 * imported, and left untouched when any of them fails.
 */

const IMPORT_USAGE = `Usage: npm run cli -- import FILE... --workspace W.xsell [options]

Imports CSV files and Excel workbooks (.xlsx) into a workspace (created when missing). Either
every file is imported or the workspace is left as it was. Several files named together are one
set (customers, products, orders and their lines, lookups of names): each is recognised, files
that cross-selling does not use (payments, reviews …) are left out with the reason, and the set is
one import, undone as one. With --as, --mapping, --sheet, --keep-code-case, --group-by or a
--mode other than append, every file is imported on its own, one import each. Exit code 1 when an import fails, 2
when W is not a workspace, 75 while another window or command is writing it. FILE may be a
pipe such as /dev/stdin.

  --workspace W.xsell    the workspace to import into
  --as KIND              what the files hold: customers, products, orders, order-lines,
                         order-lines-flat, events, baskets (default: worked out from the columns)
  --mapping FILE.json    a saved column mapping to use instead of the proposed one
  --group-by customer-day
                         no order number: each customer's purchases of one day form one basket
                         (order lines that name the customer and the date on every line)
  --group-days N         baskets of each customer's purchases over N days (1 to 7; periods run
                         back to back from a Monday, 7 = Monday to Sunday); implies --group-by
  --date-format FMT      dmy (25/12/2024) or mdy (12/25/2024), when the dates leave it open
  --delimiter SEP        , ; tab or |, when the file leaves it open
  --sheet NAME           the sheet of an Excel workbook (.xlsx) to import, when several hold data
  --keep-code-case       keep product codes that differ only in letter case (84997c, 84997C)
                         apart; by default they are merged when they share a name
  --header               the first row of each file names its columns (when that row is all text)
  --mode MODE            append (default), update (overwrite rows with the same number) or
                         replace (remove what earlier imports of this kind brought in)
  --rejected-out FILE    write the rejected rows, with row numbers and reasons, to a CSV file
  --json                 print one JSON object instead of text`;

export const importCommand: Command = {
  name: 'import',
  summary: 'Import CSV files or Excel workbooks (customers, products, orders, events …) into a workspace',
  usage: IMPORT_USAGE,
  run: importFiles,
};

const processOutput: CliOutput = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** The command on its own, for callers without the CLI's dispatcher: reports usage mistakes itself. */
export async function runImport(argv: string[], output: CliOutput = processOutput): Promise<number> {
  const io = terminalOutput(output);
  try {
    return await importFiles(argv, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\n\n${IMPORT_USAGE}`);
    return EXIT.usage;
  }
}

interface ImportArgs {
  files: string[];
  workspace: string;
  choices: ImportChoices;
  json: boolean;
  rejectedOut: string | undefined;
}

async function importFiles(argv: string[], io: CliOutput): Promise<number> {
  const args = await parseImportArgs(argv);
  const files: PickedFile[] = [];
  for (const path of args.files) {
    const file = await openDataFile(path);
    if (typeof file === 'string') {
      report(io, args.json, { ok: false, file: path, error: { code: 'cannot_read', message: file } });
      return EXIT.failed;
    }
    files.push({ file, name: basename(path) });
  }
  const opened = await openWorkspaceFile(
    args.workspace,
    { command: 'import', use: 'writes', createIfMissing: true },
    io,
  );
  if ('exit' in opened) {
    const code = opened.exit === EXIT.busy ? 'workspace_in_use' : 'not_a_workspace';
    report(io, args.json, { ok: false, error: { code, message: opened.message } });
    return opened.exit;
  }
  const { engine } = opened;
  try {
    const { kind, mapping, mode, sheet, mergeCaseVariants, groupDays } = args.choices;
    const chosen =
      kind || mapping || sheet || groupDays !== undefined || mergeCaseVariants === false || mode !== 'append';
    if (!chosen && (files.length > 1 || (await holdsNames(engine, files[0]))))
      return await importSet(io, opened, files, args);
    const results: FileResult[] = [];
    for (const [index, file] of files.entries()) {
      const outcome = await engine.imports.run(file.file, file.name, args.choices);
      results.push({ file: args.files[index], outcome, rejected: await engine.imports.rejectedRows() });
      if (!outcome.ok) break;
    }
    if (args.rejectedOut) await writeFile(args.rejectedOut, rejectedCsv(results));
    const last = results[results.length - 1];
    if (!last.outcome.ok) {
      report(io, args.json, failureSummary(last.file, last.outcome));
      return EXIT.failed;
    }
    await opened.saveIfChanged();
    report(io, args.json, successSummary(args.workspace, results));
    return EXIT.ok;
  } finally {
    await opened.close();
  }
}

async function parseImportArgs(argv: string[]): Promise<ImportArgs> {
  const parsed = parseCommandLine(
    argv,
    {
      workspace: { type: 'string', short: 'w' },
      as: { type: 'string' },
      mapping: { type: 'string' },
      'date-format': { type: 'string' },
      'group-by': { type: 'string' },
      'group-days': { type: 'string' },
      delimiter: { type: 'string' },
      mode: { type: 'string' },
      sheet: { type: 'string' },
      'keep-code-case': { type: 'boolean' },
      header: { type: 'boolean' },
      'rejected-out': { type: 'string' },
      json: { type: 'boolean' },
    },
    true,
  );
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('Name at least one CSV file or Excel workbook to import.');
  if (!values.workspace) throw new UsageError('Name the workspace to import into, with --workspace.');

  const choices: ImportChoices = { mode: parseMode(values.mode) };
  if (values.as !== undefined) choices.kind = parseKind(values.as);
  if (values['date-format'] !== undefined) choices.dayMonthOrder = parseDateFormat(values['date-format']);
  if (values.delimiter !== undefined) choices.delimiter = parseDelimiter(values.delimiter);
  if (values.mapping !== undefined) choices.mapping = await readMapping(values.mapping);
  const groupDays = parseGrouping(values['group-by'], values['group-days']);
  if (groupDays !== undefined) choices.groupDays = groupDays;
  if (values.sheet !== undefined) choices.sheet = values.sheet;
  if (values['keep-code-case']) choices.mergeCaseVariants = false;
  if (values.header) choices.hasHeader = true;
  return {
    files: positionals,
    workspace: values.workspace,
    choices,
    json: values.json ?? false,
    rejectedOut: values['rejected-out'],
  };
}

function parseKind(text: string): ImportKind {
  const kind = text.trim().toLowerCase().replace(/-/g, '_');
  if (!isImportKind(kind))
    throw new UsageError(
      `“${text}” is not a kind of data we import. Use customers, products, orders, order-lines, order-lines-flat, events or baskets.`,
    );
  return kind;
}

function parseGrouping(groupBy: string | undefined, days: string | undefined): number | undefined {
  if (groupBy !== undefined && groupBy.trim().toLowerCase() !== GROUP_BY_CUSTOMER_DAY)
    throw new UsageError(`“${groupBy}” is not a grouping we know. Use --group-by ${GROUP_BY_CUSTOMER_DAY}.`);
  if (days === undefined) return groupBy === undefined ? undefined : 1;
  const n = Number(days);
  if (!Number.isInteger(n) || n < 1 || n > MAX_GROUP_DAYS)
    throw new UsageError(`--group-days takes a whole number of days from 1 to ${MAX_GROUP_DAYS}, not “${days}”.`);
  return n;
}

function parseMode(text: string | undefined): ImportMode {
  if (text === undefined) return 'append';
  const mode = IMPORT_MODES.find((m) => m === text.trim().toLowerCase());
  if (!mode) throw new UsageError(`“${text}” is not an import mode. Use append, update or replace.`);
  return mode;
}

function parseDateFormat(text: string): DayMonthOrder {
  const value = text.trim().toLowerCase();
  if (['dmy', 'dd/mm/yyyy', 'dd.mm.yyyy', 'dd-mm-yyyy', 'day-first'].includes(value)) return 'dmy';
  if (['mdy', 'mm/dd/yyyy', 'mm-dd-yyyy', 'month-first'].includes(value)) return 'mdy';
  throw new UsageError(
    `“${text}” is not a date format we know. Use dmy (day first, 25/12/2024) or mdy (month first, 12/25/2024).`,
  );
}

function parseDelimiter(text: string): Delimiter {
  const names: Record<string, Delimiter> = {
    ',': ',',
    comma: ',',
    ';': ';',
    semicolon: ';',
    tab: '\t',
    '\t': '\t',
    '|': '|',
    pipe: '|',
  };
  const delimiter = names[text.toLowerCase()];
  if (!delimiter) throw new UsageError(`“${text}” is not a separator we read. Use , ; tab or |.`);
  return delimiter;
}

async function readMapping(path: string): Promise<ImportMapping> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(
      `Could not read the mapping ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    throw new UsageError(
      `The mapping ${path} is not a column mapping: ${problem.path.join('.') || 'the file'}: ${problem.message}.`,
    );
  }
  return parsed.data;
}

/** A file of names for codes (aisles, a category translation) names the workspace's products, as a set does. */
async function holdsNames(engine: EngineApi, file: PickedFile): Promise<boolean> {
  const [only] = await engine.imports.previewSet([file]);
  return only?.role === 'lookup';
}

/** Several files through the engine's set import, as one import. */
async function importSet(io: CliOutput, opened: WorkspaceFile, files: PickedFile[], args: ImportArgs): Promise<number> {
  const { engine } = opened;
  const headerRow = args.choices.hasHeader ? Object.fromEntries(files.map((f) => [f.name, true])) : undefined;
  const outcome = await engine.imports.runSet(files, headerRow ? { headerRow } : {});
  const rejected = await engine.imports.rejectedRows();
  if (args.rejectedOut) await writeFile(args.rejectedOut, rejectedCsv([{ file: '', rejected }]));
  if (!outcome.ok) {
    const stoppedAt = args.files.find((file) => basename(file) === outcome.failure.file) ?? '';
    report(io, args.json, failureSummary(stoppedAt, outcome));
    return EXIT.failed;
  }
  await opened.saveIfChanged();
  if (args.json) io.out(JSON.stringify(setSummary(args.workspace, outcome.report)));
  else io.out(describeSet(outcome.report, args.workspace));
  return EXIT.ok;
}
