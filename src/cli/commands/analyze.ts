import { basename } from 'node:path';
import { FileWriteError } from '../../node/atomic-write';
import { WorkspaceInUseError } from '../../node/workspace-lock';
import { EXIT, parseCommandLine, UsageError, type CliOutput, type Command } from '../cli-support';
import { openWorkspaceFile, type WorkspaceFile } from '../workspace-file';
import type { Analysis, OptionValues } from './analysis-flag';
import { familiesAnalysis, momentsAnalysis, sequencesAnalysis } from './analyze-behaviour';
import { rulesAnalysis } from './analyze-rules';

/**
 * `analyze --workspace W.xsell --<analysis> [its options]`: runs one analysis over a workspace
 * and prints it, keeping the result in the workspace as the app does. Each analysis is one flag
 * with options of its own: add further ones to ANALYSES.
 */

const ANALYSES: readonly Analysis[] = [rulesAnalysis, sequencesAnalysis, familiesAnalysis, momentsAnalysis];

const USAGE = `Usage: npm run cli -- analyze --workspace W.xsell --ANALYSIS [options] [--json]

Runs one analysis over a workspace and prints it. As in the app, the result is kept in the
workspace, which answers the same analysis from it until the data it read changes; the workspace
data itself is never changed. Exit code 1 when the workspace lacks the data the analysis needs,
2 when W is not a usable workspace.

  --workspace W.xsell    the workspace to analyse
  --json                 print one JSON object instead of text

${ANALYSES.map((a) => a.usage).join('\n\n')}`;

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'Analyse a workspace: bought together, bought next, families, moments',
  usage: USAGE,

  async run(args, io) {
    const options = Object.assign(
      { workspace: { type: 'string', short: 'w' }, json: { type: 'boolean' } } as Analysis['options'],
      ...ANALYSES.map((a) => ({ [a.flag]: { type: 'boolean' }, ...a.options })),
    );
    const { values } = parseCommandLine(args, options) as { values: OptionValues };
    const chosen = ANALYSES.filter((a) => values[a.flag] === true);
    const flags = ANALYSES.map((a) => `--${a.flag}`).join(', ');
    if (chosen.length !== 1)
      throw new UsageError(chosen.length ? 'Choose one analysis at a time.' : `Which analysis? Add one of ${flags}.`);
    const workspace = values.workspace;
    if (typeof workspace !== 'string' || workspace === '')
      throw new UsageError('Name the workspace to analyse, with --workspace.');
    const json = values.json === true;
    const run = chosen[0].prepare(values);

    const started = performance.now();
    const opened = await openWorkspaceFile(workspace, { command: 'analyze', use: 'may-keep' }, io);
    if ('exit' in opened) {
      if (json) {
        const kind = opened.exit === EXIT.busy ? 'workspace-in-use' : 'not-a-workspace';
        io.out(JSON.stringify({ error: { kind, message: opened.message } }, null, 2));
      } else io.err(opened.message);
      return opened.exit;
    }
    try {
      const code = await run(opened.engine, io, json, (performance.now() - started) / 1000);
      await keepResult(opened, io);
      return code;
    } finally {
      await opened.close();
    }
  },
};

/** Saves the result the engine kept in the workspace; a file that cannot be written costs only the keeping. */
async function keepResult(file: WorkspaceFile, io: CliOutput): Promise<void> {
  try {
    await file.saveIfChanged();
  } catch (error) {
    if (!(error instanceof FileWriteError || error instanceof WorkspaceInUseError)) throw error;
    io.err(`The result was not kept in ${basename(file.path)}: ${error.message}`);
  }
}
