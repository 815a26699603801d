import { readFile } from 'node:fs/promises';
import { findPlanByName, getPlan, listPlans } from '../core/plan/plan-store';
import { openWorkspaceBytes } from '../core/store/open-workspace';
import type { Database } from '../core/store/sqlite';
import type { PlanRecord } from '../shared/plan';
import { unreadableFile } from './cli-support';
import { loadSqlJs } from './node-sqljs';

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
