import { stampOf } from '../analysis/as-of';
import { percent } from '../analysis/stats';
import type { MatchRule, Assignment } from './recipients';

/** Why a recipient gets the recommendation they get, in a sentence for the preview. */
export function recipientReason(assignment: Assignment, rule: MatchRule): string {
  const [item] = assignment.items;
  const product = item.recommended.label;
  if (assignment.anchor === null)
    return `Nothing they bought matches an approved recommendation, so they get the fallback product, ${product}.`;
  const { label, orderId, day } = assignment.anchor;
  const bought = `Bought ${label}${orderId ? ` in order ${orderId}` : ''} on ${stampOf(day).slice(0, 10)}`;
  const measure = evidenceLine(assignment.items[0]);
  if (assignment.matched === 1)
    return `${bought}: ${product} is the one approved recommendation that matches${measure}.`;
  const chosen = rule === 'strongest-evidence' ? 'has the strongest evidence' : 'comes first in the plan’s list';
  return `${bought}: of the ${assignment.matched} approved recommendations that match, ${product} ${chosen}${measure}.`;
}

function evidenceLine(item: Assignment['items'][number]): string {
  const e = item.evidence;
  if (e === null || item.anchor === null) return '';
  if (e.confidence !== null) return ` (${percent(e.confidence)} of orders with ${item.anchor.label} also held it)`;
  if (e.share !== null) return ` (${percent(e.share)} of ${item.anchor.label} buyers went on to buy it)`;
  return '';
}
