import type { Database } from '../../store/sqlite';
import { loadBaskets, type BasketOrigin } from './baskets';
import type { AssociationRule, BasketOptions } from './types';

export interface RulePage {
  limit: number;
  offset: number;
}

export interface CustomersBehindRule {
  /** Baskets holding every item of the rule (its count). */
  baskets: number;
  /** Distinct customers among those baskets (baskets without a customer not counted). */
  customers: number;
  /** One page of the baskets: by customer, baskets without a customer last. */
  rows: BasketOrigin[];
}

/**
 * The customers and orders behind a rule: every basket that holds both its antecedent and its
 * consequent, built exactly as the analysis built them, one page at a time.
 */
export function customersBehindRule(
  db: Database,
  options: BasketOptions,
  rule: Pick<AssociationRule, 'antecedent' | 'consequent'>,
  page: RulePage,
): CustomersBehindRule {
  const { baskets, originsOf } = loadBaskets(db, options);
  const codeOf = new Map(baskets.labels.map((label, code) => [label, code]));
  const wanted = [...new Set([...rule.antecedent, ...rule.consequent])].map((label) => codeOf.get(label) ?? -1);
  const matching: number[] = [];
  if (!wanted.includes(-1)) {
    for (let b = 0; b < baskets.count; b++) {
      const items = baskets.items.subarray(baskets.start[b], baskets.start[b + 1]);
      if (wanted.every((code) => holds(items, code))) matching.push(b);
    }
  }
  const matches = originsOf(matching).sort(byCustomer);
  const customers = new Set(matches.map((m) => m.customerId).filter((id) => id !== null));
  return {
    baskets: matches.length,
    customers: customers.size,
    rows: matches.slice(page.offset, page.offset + page.limit),
  };
}

/** Binary search in a basket's ascending codes. */
function holds(items: Int32Array, code: number): boolean {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid] < code) lo = mid + 1;
    else hi = mid;
  }
  return lo < items.length && items[lo] === code;
}

function byCustomer(a: BasketOrigin, b: BasketOrigin): number {
  if (a.customerId !== b.customerId) {
    if (a.customerId === null) return 1;
    if (b.customerId === null) return -1;
    return a.customerId < b.customerId ? -1 : 1;
  }
  const first = (o: BasketOrigin) => o.orderIds[0] ?? '';
  return first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : (a.importedBasketId ?? 0) - (b.importedBasketId ?? 0);
}
