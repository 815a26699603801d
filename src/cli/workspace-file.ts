import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { createEngine } from '../engine/engine';
import { findPlanByName } from '../core/plan/plan-store';
import type { PlanRecord } from '../core/plan/plan-document';
import type { EngineApi } from '../shared/engine-api';
import { writeFileAtomic } from '../node/atomic-write';
import { loadSqlJs } from '../node/node-sqljs';
import { commandHolder, lockWorkspace, WorkspaceInUseError, type WorkspaceLock } from '../node/workspace-lock';
import { EXIT, unreadableFile, type CliOutput } from './cli-support';

/**
 * How a command uses the workspace: one that writes it holds the workspace's lock from reading to
 * the end and is refused while another window or command holds it; one that may keep a result
 * (a cached analysis, a pilot's draw) keeps it only when nobody else holds the lock; one that only
 * reads it never touches the lock.
 */
export interface WorkspaceUse {
  command: string;
  use: 'writes' | 'may-keep' | 'reads';
  /** Creates a new workspace, named after the file, when there is no file yet. */
  createIfMissing?: boolean;
}

/** A workspace file open in the engine the app uses: every command works on the file through it. */
export interface WorkspaceFile {
  engine: EngineApi;
  path: string;
  /**
   * Writes the workspace back, whole or not at all, when the engine changed it since it was opened;
   * true when it did. Throws WorkspaceInUseError when another window or command holds the workspace.
   */
  saveIfChanged(): Promise<boolean>;
  /** Closes the workspace in the engine and lets go of its lock. */
  close(): Promise<void>;
}

export interface CannotOpen {
  message: string;
  exit: number;
}

export async function newEngine(): Promise<EngineApi> {
  return createEngine(await loadSqlJs());
}

/** The file as an open workspace, from the engine's first revision on. */
async function workspaceFile(
  engine: EngineApi,
  path: string,
  lock: WorkspaceLock | null,
  heldElsewhere: WorkspaceInUseError | null,
): Promise<WorkspaceFile> {
  const opened = (await engine.workspace.summary()).revision;
  return {
    engine,
    path,
    async saveIfChanged() {
      if ((await engine.workspace.summary()).revision === opened) return false;
      if (heldElsewhere) throw heldElsewhere;
      if (!lock) throw new Error(`${basename(path)} was opened to be read, not written.`);
      // Holding the lock, this process is the only writer: temp files of earlier writes are a crash's leftovers.
      await writeFileAtomic(path, await engine.workspace.toBytes(), { strayTemps: 'all' });
      return true;
    },
    async close() {
      await engine.workspace.close();
      await lock?.release();
    },
  };
}

/** The workspace a command works on, opened with every check; otherwise what is wrong, with its exit code. */
export async function openWorkspaceFile(
  path: string,
  use: WorkspaceUse,
  io: CliOutput,
): Promise<WorkspaceFile | CannotOpen> {
  const taken = use.use === 'reads' ? null : await takeLock(path, use.command, io);
  if (use.use === 'writes' && taken instanceof WorkspaceInUseError) return { message: taken.message, exit: EXIT.busy };
  const heldElsewhere = taken instanceof WorkspaceInUseError ? taken : null;
  const lock = taken instanceof WorkspaceInUseError ? null : taken;
  try {
    const engine = await newEngine();
    const opened = await openBytes(engine, path, use.createIfMissing ?? false);
    if (typeof opened === 'string') {
      await lock?.release();
      return { message: opened, exit: EXIT.badFile };
    }
    return await workspaceFile(engine, path, lock, heldElsewhere);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

/** The workspace's lock for this command (noting a crash's lock it cleared), or who holds it instead. */
async function takeLock(path: string, command: string, io: CliOutput): Promise<WorkspaceLock | WorkspaceInUseError> {
  try {
    const lock = await lockWorkspace(path, commandHolder(command));
    if (lock.clearedNote) io.err(lock.clearedNote);
    return lock;
  } catch (error) {
    if (error instanceof WorkspaceInUseError) return error;
    throw error;
  }
}

/** Opens the file in the engine (or a new workspace when allowed and there is none); otherwise why not. */
async function openBytes(engine: EngineApi, path: string, createIfMissing: boolean): Promise<true | string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (createIfMissing && (error as { code?: string }).code === 'ENOENT') {
      await engine.workspace.create(basename(path, extname(path)));
      return true;
    }
    return unreadableFile(path, error);
  }
  const opened = await engine.workspace.open(bytes);
  if (opened.ok) return true;
  return [`Cannot open ${path}:`, opened.failure.message, repairHint(opened.failure, path), opened.failure.detail]
    .filter(Boolean)
    .join(' ');
}

/** For a workspace refused for what the app did not put there: the command that writes a copy without it. */
export function repairHint(failure: { canClean?: boolean }, path: string): string | null {
  return failure.canClean ? `To write a copy without them: npm run cli -- repair ${path} --out NEW.xsell` : null;
}

/** Runs work that replaces the whole file while holding its lock; refused with exit code 75 while another holds it. */
export async function whileLocked(path: string, command: string, io: CliOutput, work: () => Promise<number>) {
  const lock = await takeLock(path, command, io);
  if (lock instanceof WorkspaceInUseError) {
    io.err(lock.message);
    return EXIT.busy;
  }
  try {
    return await work();
  } finally {
    await lock.release();
  }
}

/** The plan with this name (case does not matter); otherwise a sentence naming the plans there are. */
export async function planNamed(engine: EngineApi, name: string, workspace: string): Promise<PlanRecord | string> {
  const plans = await engine.plans.list();
  const summary = findPlanByName(plans, name);
  if (!summary) {
    const names = plans.map((p) => `“${p.name}”`);
    return `There is no plan named “${name}” in ${workspace}. ${names.length ? `Its plans: ${names.join(', ')}.` : 'It has no plans yet.'}`;
  }
  const plan = await engine.plans.get(summary.planId);
  return plan.ok ? plan.value : plan.failure.message;
}

/**
 * Runs a command's work on the workspace, closing it afterwards; a workspace that cannot be
 * opened is reported on the error output with exit code 2, one another writer holds with 75.
 */
export async function withWorkspace(
  workspace: string,
  use: WorkspaceUse,
  io: CliOutput,
  work: (file: WorkspaceFile) => Promise<number>,
): Promise<number> {
  const file = await openWorkspaceFile(workspace, use, io);
  if ('exit' in file) {
    io.err(file.message);
    return file.exit;
  }
  try {
    return await work(file);
  } finally {
    await file.close();
  }
}

/** As `withWorkspace`, for the plan of that name; a name no plan has is reported with exit code 1. */
export function withNamedPlan(
  workspace: string,
  name: string,
  use: WorkspaceUse,
  io: CliOutput,
  work: (file: WorkspaceFile, plan: PlanRecord) => Promise<number>,
): Promise<number> {
  return withWorkspace(workspace, use, io, async (file) => {
    const plan = await planNamed(file.engine, name, workspace);
    if (typeof plan === 'string') {
      io.err(plan);
      return EXIT.failed;
    }
    return work(file, plan);
  });
}
