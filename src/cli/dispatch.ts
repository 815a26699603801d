import { FileWriteError } from '../node/atomic-write';
import { EXIT, UsageError, type CliOutput, type Command } from './cli-support';
import { analyzeCommand } from './commands/analyze';
import { checkCommand } from './commands/check';
import { demoCommand } from './commands/demo';
import { demoCsvCommand } from './commands/demo-csv';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { infoCommand } from './commands/info';
import { planCommand } from './commands/plan';
import { repairCommand } from './commands/repair';
import { resultsCommand } from './commands/results';
import { terminalOutput } from './terminal-text';

/** The command line's dispatcher: finds the command and turns its errors into exit codes. */

const COMMANDS: readonly Command[] = [
  demoCommand,
  demoCsvCommand,
  infoCommand,
  repairCommand,
  importCommand,
  analyzeCommand,
  planCommand,
  checkCommand,
  exportCommand,
  resultsCommand,
];

const USAGE = `Cross-Sell Planner command line

Usage: npm run cli -- <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)}  ${c.summary}`).join('\n')}

Add --help after a command to see its options.`;

export async function main(argv: string[], output: CliOutput): Promise<number> {
  const io = terminalOutput(output);
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`There is no command "${name}".\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    if (error instanceof FileWriteError) {
      io.err(error.message);
      return EXIT.failed;
    }
    io.err(`${command.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}
