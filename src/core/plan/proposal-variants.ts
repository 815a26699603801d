import type { Recommendation } from './plan-document';
import { pairKey, stronger, type Directed } from './pair-proposals';
import type { VariantGroups } from './product-variants';

/**
 * Proposals name distinct products: a pair of two variants of one product (a colour and another
 * colour of it) is not proposed, and proposals of two products, whichever way round and whatever
 * colour or size of either side, become one: the best-evidenced of them stands for the group and
 * names the others.
 */

type ItemRef = Recommendation['recommended'];
type Grouped<D> = D & { variants?: Recommendation['variants'] };

const MAX_VARIANTS = 50;

export function groupVariantProposals<D extends Directed>(
  drafts: readonly D[],
  groups: VariantGroups,
  ref: (id: string) => ItemRef,
): Grouped<D>[] {
  const group = (item: ItemRef) => groups.groupOf(item.id);
  const byGroups = new Map<string, D>();
  for (const draft of drafts) {
    const anchor = draft.anchor && group(draft.anchor);
    if (anchor === group(draft.recommended)) continue;
    const key = pairKey(anchor, group(draft.recommended));
    // Kinds of evidence do not compare: the kind listed first (pairs before sequences) keeps the group.
    const held = byGroups.get(key);
    if (!held || (held.source === draft.source && stronger(draft.evidence, held.evidence))) byGroups.set(key, draft);
  }
  // Each group keeps the place of the proposal that stands for it.
  const kept = new Set(byGroups.values());
  const others = (item: ItemRef | null): ItemRef[] =>
    item === null
      ? []
      : groups
          .members(groups.groupOf(item.id))
          .filter((id) => id !== item.id)
          .slice(0, MAX_VARIANTS)
          .map(ref);
  return drafts
    .filter((draft) => kept.has(draft))
    .map((draft) => {
      const variants = { anchor: others(draft.anchor), recommended: others(draft.recommended) };
      return variants.anchor.length + variants.recommended.length > 0 ? { ...draft, variants } : draft;
    });
}
