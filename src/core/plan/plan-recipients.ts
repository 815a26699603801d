import { loadPurchases } from '../analysis/purchases';
import type { Database } from '../store/sqlite';
import { audienceEntries } from './audience-entries';
import { momentKey, type Memo } from './memo';
import type { PlanDocument } from './plan-document';
import { variantGroups } from './product-variants';
import { assignRecipients, rankedRecommendations, type Recipients } from './recipients';

/**
 * The plan's recipients, remembered under what they depend on (the moment, the approved items, the
 * rule and the fallback), so the channel plan, the pilot, the previews, the checklist and the
 * exports all count the same customers.
 */
export function planRecipients(db: Database, plan: PlanDocument, memo: Memo): Recipients {
  return memo(`recipients:${recipientsKey(plan)}`, () => {
    const history = memo('history', () => loadPurchases(db));
    const variants = memo('variants', () => variantGroups(history.products));
    const entries = memo(`entries:${momentKey(plan)}`, () => audienceEntries(db, plan));
    return assignRecipients(history, variants, plan, entries);
  });
}

/** What a plan's recipients depend on. */
export function recipientsKey(plan: PlanDocument): string {
  const { matchRule, fallback } = plan.recommendations;
  const picks = rankedRecommendations(plan).map((item) => [item.anchor?.id ?? null, item.recommended.id]);
  return `${momentKey(plan)}:${JSON.stringify([plan.strategy.id, matchRule, fallback?.id ?? null, picks])}`;
}
