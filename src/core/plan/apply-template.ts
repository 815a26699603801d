import { queryValue, type Database } from '../store/sqlite';
import { workspaceIdOf } from '../store/workspace-id';
import { CHANNEL_WORDS } from '../vocabulary';
import type { PlanDocument, Recommendation } from './plan-document';
import { listed, quoted } from './checks/types';
import { itemsMissingHere, pickLabel } from './workspace-items';

/**
 * A plan document from outside the workspace (a template file, another client's plan) checked
 * against this workspace before it becomes one of its plans. Recommendations naming products this
 * workspace does not have are taken out; unless the picks were signed off in this very workspace,
 * the rest go back to proposed without the other data's evidence, and what belonged to the other
 * client is cleared: client, approver, the review's sign-off, the start date and the consent basis.
 * A preview customer this workspace does not have is dropped. Texts, channels, offer and pilot
 * settings stay. The notes say, in plain words, everything that was changed.
 */

export interface AppliedTemplate {
  document: PlanDocument;
  notes: string[];
}

export function applyPlanTemplate(db: Database, document: PlanDocument): AppliedTemplate {
  const origin = document.recommendations.workspaceId;
  const fromHere = origin === workspaceIdOf(db);
  const missing = new Set(itemsMissingHere(db, document.recommendations.items).map((i) => i.id));
  const kept = document.recommendations.items.filter((i) => !missing.has(i.id));
  const dropped = document.recommendations.items.filter((i) => missing.has(i.id));
  const notes: string[] = [];
  let plan: PlanDocument = { ...document, recommendations: { ...document.recommendations, items: kept } };

  if (dropped.length > 0) notes.push(droppedNote(dropped));
  if (!fromHere) {
    const reset = kept.filter((i) => i.decision !== 'proposed' || i.evidence !== null);
    if (reset.length > 0) notes.push(resetNote(reset));
    notes.push(...clearedNotes(document));
    plan = {
      ...plan,
      client: '',
      approver: '',
      moment: { ...plan.moment, startDate: null },
      recommendations: {
        ...plan.recommendations,
        items: kept.map(againHere),
        reviewedBy: '',
        reviewedAt: null,
        workspaceId: null,
        fallback: null,
      },
      channels: { ...plan.channels, consentBasis: { email: null, sms: null } },
    };
    if (notes.length > 0)
      notes.unshift(
        origin === null
          ? 'The plan does not record which workspace it was reviewed in, so it was treated as a plan from another workspace.'
          : 'The plan was made in another workspace, so what belonged to it was taken out.',
      );
  }
  const preview = document.messages.previewCustomerId;
  if (preview !== null && !isCustomer(db, preview)) {
    notes.push(
      `The preview customer ${preview} is not a customer here: the previews show the audience’s first customer instead.`,
    );
    plan = { ...plan, messages: { ...plan.messages, previewCustomerId: null } };
  }
  return { document: plan, notes };
}

const count = (n: number) => (n === 1 ? '1 recommendation names' : `${n} recommendations name`);

function droppedNote(items: Recommendation[]): string {
  const approved = items.filter((i) => i.decision === 'approved').length;
  const picks =
    approved === 0
      ? ''
      : approved === items.length
        ? ', all of them approved picks'
        : `, ${approved} of them approved picks`;
  return `${count(items.length)} products this workspace does not have (${listed(items.map(pickLabel))}${picks}): ${items.length === 1 ? 'it was' : 'they were'} taken out of the plan.`;
}

function resetNote(items: Recommendation[]): string {
  return `${count(items.length)} products this workspace also has (${listed(items.map(pickLabel))}): ${items.length === 1 ? 'it was' : 'they were'} set back to proposed, without the evidence from the other workspace’s orders. Review ${items.length === 1 ? 'it' : 'them'} here on the Recommendations step.`;
}

/** A recommendation decided on another workspace's data, waiting for a decision on this one's. */
const againHere = (item: Recommendation): Recommendation => ({
  ...item,
  decision: 'proposed',
  evidence: null,
  flags: item.flags.includes('low-evidence') ? item.flags : [...item.flags, 'low-evidence'],
});

function clearedNotes(document: PlanDocument): string[] {
  const { client, approver, recommendations, moment, channels } = document;
  const notes: string[] = [];
  if (client.trim())
    notes.push(`The client ${quoted(client.trim())} was cleared: name this workspace’s client on the Strategy step.`);
  if (approver.trim())
    notes.push(
      `The approver ${quoted(approver.trim())} was cleared: name who signs this plan off on the Strategy step.`,
    );
  if (recommendations.reviewedBy.trim() || recommendations.reviewedAt !== null) {
    const who = recommendations.reviewedBy.trim() || 'someone';
    const when = recommendations.reviewedAt === null ? '' : ` on ${recommendations.reviewedAt.slice(0, 10)}`;
    notes.push(`The review by ${who}${when} was taken back: the picks are signed off again here.`);
  }
  if (recommendations.fallback !== null)
    notes.push(
      `The fallback product ${quoted(recommendations.fallback.label)} was cleared: customers nothing matches are left out until you choose one here.`,
    );
  if (moment.startDate !== null)
    notes.push(
      `The start date ${moment.startDate} was cleared: until you pick one on the Moment step, the plan starts just after this workspace’s latest order.`,
    );
  for (const channel of ['email', 'sms'] as const) {
    const basis = channels.consentBasis[channel];
    if (basis !== null)
      notes.push(
        `The consent to ${CHANNEL_WORDS[channel].plural} recorded for the other shop’s customers (${quoted(basis.source)}) was cleared.`,
      );
  }
  return notes;
}

const isCustomer = (db: Database, id: string) =>
  queryValue(db, 'SELECT 1 FROM customers WHERE customer_id = ?', [id]) !== null;
