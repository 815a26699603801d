import type { ChannelId, PlanDocument } from '../plan-document';
import type { PlanStepId } from '../plan-step-id';
import type { PlanView } from '../plan-view';
import type { CheckStatus } from './check-status';
import type { RecipientAudit } from '../recipient-audit';

/** One check of the pitfall checklist, as the checklist step, the export and the command line show it. */

export type CheckGroup = 'timing' | 'relevance' | 'automation' | 'channels' | 'messages' | 'pilot';

export interface CheckResult {
  id: string;
  group: CheckGroup;
  title: string;
  /** Why the pitfall matters, in a sentence or two. */
  why: string;
  status: CheckStatus;
  /** What this plan does, with the numbers and names behind the status. */
  evidence: string;
  /** The plan step that fixes it. */
  step: PlanStepId;
}

/** Consent among the plan's recipients over the 30 days from its start. */
export interface ChannelConsent {
  audience: number;
  optedIn: number;
  /** Of those opted in, the ones counted only through the plan's recorded consent basis. */
  byBasis: number;
}

/** What the checks need beyond the plan and its view, read from the workspace. */
export interface ChecklistContext {
  /** Null when the plan has no moment or start date yet, or the workspace is empty. */
  consent: Record<Extract<ChannelId, 'email' | 'sms'>, ChannelConsent> | null;
  /** The recipients checked against the order lines; null without a moment or start date. */
  recipients: RecipientAudit | null;
  picks: PicksHere;
}

/** The plan's approved picks against the open workspace. */
export interface PicksHere {
  /** This workspace's identity, to compare with the workspace the picks were signed off in. */
  workspaceId: string;
  /** Approved picks naming a product this workspace does not have, quoted as the plan labels them. */
  missing: string[];
}

export interface CheckInput {
  plan: PlanDocument;
  view: PlanView;
  context: ChecklistContext;
}

/** A check's finding; `step` overrides the check's usual step when another one fixes this finding. */
export type Verdict = Pick<CheckResult, 'status' | 'evidence'> & { step?: PlanStepId };

export type Check = Omit<CheckResult, 'status' | 'evidence'> & { run(input: CheckInput): Verdict };

export const pass = (evidence: string, step?: PlanStepId): Verdict => ({ status: 'pass', evidence, step });
export const warn = (evidence: string, step?: PlanStepId): Verdict => ({ status: 'warn', evidence, step });
export const fail = (evidence: string, step?: PlanStepId): Verdict => ({ status: 'fail', evidence, step });

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The first few items, and how many more there are. */
export function listed(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

export const quoted = (text: string) => `“${text}”`;
