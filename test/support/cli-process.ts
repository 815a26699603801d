import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command line as a user would, in its own process. */
export function cli(...args: string[]): Promise<CliRun> {
  return startCli(...args).done;
}

/** Starts the command line in its own process: its process id now, what it printed once it ends. */
export function startCli(...args: string[]): { pid: number; done: Promise<CliRun> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT });
  const done = new Promise<CliRun>((finish, fail) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => finish({ code, stdout, stderr }));
  });
  return { pid: child.pid ?? 0, done };
}
