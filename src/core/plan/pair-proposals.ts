import { percent } from '../analysis/stats';
import type { Recommendation, RecommendationEvidence } from './plan-document';
import { clipText } from '../util/clip-text';

/**
 * A pair of products shows once. The stored item stays directed (anchor → recommended: a plan's
 * audience is who bought the anchor), so a pair is proposed in the direction with the stronger
 * evidence and carries the other direction's measures, and the reviewer can turn it round.
 */

type ItemRef = Recommendation['recommended'];
type Measures = Pick<RecommendationEvidence, 'count' | 'confidence' | 'share' | 'medianDays'>;
type Reverse = NonNullable<RecommendationEvidence['reverse']>;

/** What merging needs of a proposal: its two sides, where it comes from and its evidence. */
export interface Directed {
  anchor: ItemRef | null;
  recommended: ItemRef;
  source: Recommendation['source'];
  evidence: RecommendationEvidence | null;
}

const ratio = (n: number) => Math.round(n * 100) / 100;

/** The pair's key whichever way round it is read. */
export function pairKey(anchorId: string | null, recommendedId: string): string {
  return [anchorId ?? '', recommendedId].sort().join('\u0000');
}

/** A pair bought together: more confident first, then the more orders. Sequences: the larger share. */
export function strength(evidence: RecommendationEvidence | null): [number, number] {
  if (!evidence) return [0, 0];
  return [evidence.confidence ?? evidence.share ?? 0, evidence.count];
}

export function stronger(a: RecommendationEvidence | null, b: RecommendationEvidence | null): boolean {
  const [sa, ca] = strength(a);
  const [sb, cb] = strength(b);
  return sa > sb || (sa === sb && ca > cb);
}

const measuresOf = (e: Measures): Reverse => ({
  count: e.count,
  confidence: e.confidence,
  share: e.share,
  medianDays: e.medianDays,
});

/**
 * Proposals of one source read both ways (A → B and B → A) become one: the stronger direction,
 * carrying the other's measures as `evidence.reverse`. The list keeps the order of each pair's
 * first appearance.
 */
export function mergeDirections<D extends Directed>(drafts: readonly D[]): D[] {
  const byPair = new Map<string, D[]>();
  for (const draft of drafts) {
    const key = `${draft.source}:${pairKey(draft.anchor?.id ?? null, draft.recommended.id)}`;
    const held = byPair.get(key);
    if (held) held.push(draft);
    else byPair.set(key, [draft]);
  }
  return [...byPair.values()].map((both) => {
    const [first, second] = both;
    if (!second || !first.evidence || !second.evidence) return first;
    const [lead, other] = stronger(second.evidence, first.evidence) ? [second, first] : [first, second];
    return { ...lead, evidence: { ...lead.evidence!, reverse: measuresOf(other.evidence!) } };
  });
}

/** Sentences of the evidence, written for the direction the item is read in. */
export function pairNote(anchor: ItemRef, recommended: ItemRef, e: RecommendationEvidence): string {
  const later =
    e.share === null
      ? ''
      : ` ${percent(e.share)} of its buyers who came back bought it in a later order${e.medianDays === null ? '' : `, typically after ${e.medianDays} days`}.`;
  return clipText(
    `${e.count} orders held both. ${percent(e.confidence ?? 0)} of the orders with ${anchor.label} also held ${recommended.label}, ${ratio(e.lift ?? 0)} times the share of all orders that did.${later}`,
    500,
  );
}

export function sequenceNote(anchor: ItemRef, recommended: ItemRef, e: RecommendationEvidence): string {
  return clipText(
    `Of the customers who bought ${anchor.label} and came back, ${e.count} (${percent(e.share ?? 0)}) later bought ${recommended.label}${e.medianDays === null ? '' : `, typically after ${e.medianDays} days`}.`,
    500,
  );
}

const noteFor = (source: Recommendation['source'], anchor: ItemRef, recommended: ItemRef, e: RecommendationEvidence) =>
  source === 'pair' ? pairNote(anchor, recommended, e) : sequenceNote(anchor, recommended, e);

/** Whether the item holds the measures of the other direction, so it can be turned round. */
export const canSwap = (item: Recommendation): boolean =>
  item.anchor !== null && (item.source === 'pair' || item.source === 'sequence') && !!item.evidence?.reverse;

/**
 * The item read the other way round: recommended → anchor, with the reverse measures in front
 * (support and lift are the same both ways). It waits for a new decision.
 */
export function swapDirection(item: Recommendation): Recommendation {
  if (!canSwap(item)) return item;
  const anchor = item.recommended;
  const recommended = item.anchor!;
  const e = item.evidence!;
  const { flags, ...measures } = e.reverse!;
  const turned: RecommendationEvidence = { ...e, ...measures, reverse: { ...measuresOf(e), flags: item.flags } };
  return {
    ...item,
    flags: flags ?? item.flags,
    id: clipText(`${item.source}:${anchor.id}>${recommended.id}`, 100),
    anchor,
    recommended,
    decision: 'proposed',
    evidence: { ...turned, note: noteFor(item.source, anchor, recommended, turned) },
    ...(item.variants && { variants: { anchor: item.variants.recommended, recommended: item.variants.anchor } }),
  };
}

/** One key per pair and source whichever way round: a plan item holds the proposal it was added from, even turned round. */
export const proposalKey = (item: Pick<Recommendation, 'source' | 'anchor' | 'recommended'>): string =>
  `${item.source}:${pairKey(item.anchor?.id ?? null, item.recommended.id)}`;
