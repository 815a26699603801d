import { readFile } from 'node:fs/promises';
import { findPlanByName, getPlan, listPlans } from '../core/plan/plan-store';
import { openWorkspaceBytes } from '../core/store/open-workspace';
import type { Database } from '../core/store/sqlite';
import type { PlanRecord } from '../core/plan/plan-document';
import { EXIT, unreadableFile, type CliOutput } from './cli-support';
import { loadSqlJs } from '../node/node-sqljs';

/** The workspace a command works on, opened with every check; otherwise a sentence on what is wrong. */
export async function openWorkspaceFile(path: string): Promise<Database | string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return unreadableFile(error);
  }
  const opened = openWorkspaceBytes(await loadSqlJs(), bytes);
  if (opened.ok) return opened.value;
  return [opened.error.message, opened.error.detail].filter(Boolean).join(' ');
}

/** The plan with this name (case does not matter); otherwise a sentence naming the plans there are. */
export function planNamed(db: Database, name: string, workspace: string): PlanRecord | string {
  const summary = findPlanByName(db, name);
  if (!summary) {
    const names = listPlans(db).map((p) => `“${p.name}”`);
    return `There is no plan named “${name}” in ${workspace}. ${names.length ? `Its plans: ${names.join(', ')}.` : 'It has no plans yet.'}`;
  }
  const plan = getPlan(db, summary.planId);
  return plan.ok ? plan.value : plan.error;
}

/**
 * Runs a command's work on the workspace, closing it afterwards; a workspace that cannot be
 * opened is reported on the error output with exit code 2.
 */
export async function withWorkspace(
  workspace: string,
  io: CliOutput,
  work: (db: Database) => Promise<number>,
): Promise<number> {
  const db = await openWorkspaceFile(workspace);
  if (typeof db === 'string') {
    io.err(`Cannot open ${workspace}: ${db}`);
    return EXIT.badFile;
  }
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** As `withWorkspace`, for the plan of that name; a name no plan has is reported with exit code 1. */
export function withNamedPlan(
  workspace: string,
  name: string,
  io: CliOutput,
  work: (db: Database, plan: PlanRecord) => Promise<number>,
): Promise<number> {
  return withWorkspace(workspace, io, async (db) => {
    const plan = planNamed(db, name, workspace);
    if (typeof plan === 'string') {
      io.err(plan);
      return EXIT.failed;
    }
    return work(db, plan);
  });
}
