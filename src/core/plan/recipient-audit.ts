import { ORDER_STANDS, LINE_KEPT } from '../analysis/purchases';
import { dayOf } from '../analysis/as-of';
import { queryAll, type Database } from '../store/sqlite';
import type { Memo } from './memo';
import type { PlanDocument } from './plan-document';
import { variantGroups } from './product-variants';
import { planRecipients, recipientsKey } from './plan-recipients';

/**
 * The plan's recipients checked against the order lines themselves, apart from how they were
 * chosen: did each buy the product their message names as theirs, and is anyone sent a product
 * they own already, or a variant of it? Codes are compared without case, so "85123a" is "85123A".
 */

export interface RecipientAudit {
  recipients: number;
  /** Recipients who get the fallback product: their messages name nothing they bought. */
  fallback: number;
  /** Recipients whose message names as theirs a product the order lines do not show them buying before their send. */
  anchorNotBought: string[];
  /** Recipients sent a product they bought before their send, or a variant of it. */
  sentOwned: { customerId: string; product: string }[];
}

const code = (id: string) => id.trim().toLowerCase();

export function auditRecipients(db: Database, plan: PlanDocument, memo: Memo): RecipientAudit {
  return memo(`audit:${recipientsKey(plan)}`, () => {
    const recipients = planRecipients(db, plan, memo);
    const ids = [...recipients.assignments.keys()];
    const bought = new Map<string, Set<string>>();
    const lines = queryAll<{ customer_id: string; product_id: string; ordered_at: string }>(
      db,
      `SELECT o.customer_id, l.product_id, o.ordered_at FROM orders o JOIN order_lines l ON l.order_id = o.order_id
       WHERE o.customer_id IN (SELECT value FROM json_each(?)) AND l.product_id IS NOT NULL AND o.ordered_at IS NOT NULL
         AND ${ORDER_STANDS} AND ${LINE_KEPT}`,
      [JSON.stringify(ids)],
    );
    for (const line of lines) {
      if (dayOf(line.ordered_at) >= (recipients.enteredAt.get(line.customer_id) ?? -Infinity)) continue;
      let set = bought.get(line.customer_id);
      if (!set) bought.set(line.customer_id, (set = new Set()));
      set.add(code(line.product_id));
    }
    const products = queryAll<{ product_id: string; name: string | null }>(
      db,
      'SELECT product_id, name FROM products',
    ).map((p) => ({ id: p.product_id, name: p.name }));
    const variants = variantGroups(products);
    const variantCodes = (id: string) => variants.members(variants.groupOf(id)).map(code);

    const anchorNotBought: string[] = [];
    const sentOwned: RecipientAudit['sentOwned'] = [];
    for (const [customerId, assignment] of recipients.assignments) {
      const theirs = bought.get(customerId) ?? new Set<string>();
      if (assignment.anchor && !assignment.anchor.productIds.every((id) => theirs.has(code(id))))
        anchorNotBought.push(customerId);
      const owned = assignment.items.find((item) => variantCodes(item.recommended.id).some((c) => theirs.has(c)));
      if (owned) sentOwned.push({ customerId, product: owned.recommended.label });
    }
    return { recipients: ids.length, fallback: recipients.fallback, anchorNotBought, sentOwned };
  });
}
