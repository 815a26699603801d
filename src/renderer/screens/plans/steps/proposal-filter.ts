import type { Recommendation } from '../../../../core/plan/plan-document';

/**
 * "What goes with X?": the proposals whose anchor or recommended product matches what was typed,
 * by name or code, counting the colours and sizes a proposal stands for.
 */
export function proposalsMatching(proposals: readonly Recommendation[], query: string): Recommendation[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...proposals];
  const matches = (ref: Recommendation['recommended']) => {
    const text = `${ref.id} ${ref.label}`.toLowerCase();
    return words.every((word) => text.includes(word));
  };
  return proposals.filter((p) =>
    [p.anchor, p.recommended, ...(p.variants?.anchor ?? []), ...(p.variants?.recommended ?? [])].some(
      (ref) => ref !== null && matches(ref),
    ),
  );
}
