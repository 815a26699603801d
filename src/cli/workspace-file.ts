import { readFile } from 'node:fs/promises';
import { createEngine } from '../engine/engine';
import { findPlanByName } from '../core/plan/plan-store';
import type { PlanRecord } from '../core/plan/plan-document';
import type { EngineApi } from '../shared/engine-api';
import { writeFileAtomic } from '../node/atomic-write';
import { loadSqlJs } from '../node/node-sqljs';
import { EXIT, unreadableFile, type CliOutput } from './cli-support';

/** A workspace file open in the engine the app uses: every command works on the file through it. */
export interface WorkspaceFile {
  engine: EngineApi;
  path: string;
  /** Writes the workspace back, whole or not at all, when the engine changed it since it was opened; true when it did. */
  saveIfChanged(): Promise<boolean>;
}

export async function newEngine(): Promise<EngineApi> {
  return createEngine(await loadSqlJs());
}

/** The file as an open workspace, from the engine's first revision on. */
export async function workspaceFile(engine: EngineApi, path: string): Promise<WorkspaceFile> {
  const opened = (await engine.workspace.summary()).revision;
  return {
    engine,
    path,
    async saveIfChanged() {
      if ((await engine.workspace.summary()).revision === opened) return false;
      await writeFileAtomic(path, await engine.workspace.toBytes());
      return true;
    },
  };
}

/** The workspace a command works on, opened with every check; otherwise a sentence on what is wrong. */
export async function openWorkspaceFile(path: string): Promise<WorkspaceFile | string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return unreadableFile(error);
  }
  const engine = await newEngine();
  const opened = await engine.workspace.open(bytes);
  if (opened.ok) return workspaceFile(engine, path);
  return [opened.failure.message, repairHint(opened.failure, path), opened.failure.detail].filter(Boolean).join('\n');
}

/** For a workspace refused for what the app did not put there: the command that writes a copy without it. */
export function repairHint(failure: { canClean?: boolean }, path: string): string | null {
  return failure.canClean ? `To write a copy without them: npm run cli -- repair ${path} --out NEW.xsell` : null;
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
 * opened is reported on the error output with exit code 2.
 */
export async function withWorkspace(
  workspace: string,
  io: CliOutput,
  work: (file: WorkspaceFile) => Promise<number>,
): Promise<number> {
  const file = await openWorkspaceFile(workspace);
  if (typeof file === 'string') {
    io.err(`Cannot open ${workspace}: ${file}`);
    return EXIT.badFile;
  }
  try {
    return await work(file);
  } finally {
    await file.engine.workspace.close();
  }
}

/** As `withWorkspace`, for the plan of that name; a name no plan has is reported with exit code 1. */
export function withNamedPlan(
  workspace: string,
  name: string,
  io: CliOutput,
  work: (file: WorkspaceFile, plan: PlanRecord) => Promise<number>,
): Promise<number> {
  return withWorkspace(workspace, io, async (file) => {
    const plan = await planNamed(file.engine, name, workspace);
    if (typeof plan === 'string') {
      io.err(plan);
      return EXIT.failed;
    }
    return work(file, plan);
  });
}
