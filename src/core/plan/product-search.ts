import { queryAll } from '../store/sqlite';
import type { Database } from '../store/sqlite';
import { fail, ok, type Result } from '../util/result';
import type { PlanDocument, Recommendation } from './plan-document';
import { itemRef } from './item-ref';

/** Finding the workspace's products by part of a name or code, for a person picking one by hand. */

type ItemRef = Recommendation['recommended'];

export interface ProductMatch {
  id: string;
  name: string | null;
}

export interface ManualRecommendation {
  anchor: ItemRef | null;
  recommended: ItemRef;
}

export const PRODUCT_QUERY_MAX = 200;
const MAX_MATCHES = 50;
const MAX_WORDS = 8;

const escaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const containing = (text: string) => `%${escaped(text)}%`;
const startingWith = (text: string) => `${escaped(text)}%`;

/**
 * Products whose code or name holds every word typed, in any order and any case: an exact code
 * first, then codes and names that start with what was typed, then by name.
 */
export function searchProducts(db: Database, query: string, limit = 20): ProductMatch[] {
  const typed = String(query).slice(0, PRODUCT_QUERY_MAX).trim().toLowerCase();
  const words = typed.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
  if (words.length === 0) return [];
  const count = Number.isInteger(limit) ? Math.min(Math.max(limit, 1), MAX_MATCHES) : 20;
  const holds = words.map(
    () => `(lower(product_id) LIKE ? ESCAPE '\\' OR lower(coalesce(name, '')) LIKE ? ESCAPE '\\')`,
  );
  return queryAll<{ id: string; name: string | null }>(
    db,
    `SELECT product_id AS id, name FROM products WHERE is_product = 1 AND ${holds.join(' AND ')}
     ORDER BY lower(product_id) = ? DESC, lower(product_id) LIKE ? ESCAPE '\\' DESC,
       lower(coalesce(name, '')) LIKE ? ESCAPE '\\' DESC, coalesce(name, product_id) COLLATE NOCASE, product_id
     LIMIT ?`,
    [
      ...words.flatMap((word) => [containing(word), containing(word)]),
      typed,
      startingWith(typed),
      startingWith(typed),
      count,
    ],
  );
}

function productRef(db: Database, id: string, role: string): Result<ItemRef> {
  const [found] = queryAll<{ name: string | null; is_product: number }>(
    db,
    'SELECT name, is_product FROM products WHERE product_id = ?',
    [id],
  );
  if (!found) return fail(`There is no product “${id}” in this workspace. Pick the ${role} from the list of products.`);
  if (!found.is_product)
    return fail(`“${found.name ?? id}” is a fee or adjustment line, not a product to sell. Pick another ${role}.`);
  return ok(itemRef(id, found.name));
}

/** The two sides of a recommendation added by hand, named as the workspace names them; an unknown product is refused. */
export function manualRecommendationRefs(
  db: Database,
  anchorId: string | null,
  recommendedId: string,
): Result<ManualRecommendation> {
  if (typeof recommendedId !== 'string' || recommendedId.trim() === '')
    return fail('Pick the product to recommend first.');
  const recommended = productRef(db, recommendedId, 'product to recommend');
  if (!recommended.ok) return recommended;
  if (anchorId === null || anchorId === '') return ok({ anchor: null, recommended: recommended.value });
  if (anchorId === recommendedId)
    return fail('The customer already bought the product to recommend: pick two different products.');
  const anchor = productRef(db, anchorId, 'product the customer bought');
  return anchor.ok ? ok({ anchor: anchor.value, recommended: recommended.value }) : anchor;
}

/**
 * Why a plan document may not be saved: a recommendation added by hand since `before` (the stored
 * version, null for a new plan) that names a product this workspace does not have. Items saved
 * before stay as they are, so an older plan never gets stuck.
 */
export function unknownManualProduct(db: Database, document: PlanDocument, before: PlanDocument | null): string | null {
  const held = new Set(before?.recommendations.items.map((item) => item.id) ?? []);
  for (const item of document.recommendations.items) {
    if (item.source !== 'manual' || held.has(item.id)) continue;
    const found = productRef(db, item.recommended.id, 'product to recommend');
    if (!found.ok) return found.error;
  }
  return null;
}
