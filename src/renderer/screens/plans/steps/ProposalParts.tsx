import type { Recommendation } from '../../../../core/plan/plan-document';

/** Parts of how a proposal reads: the colours or sizes it stands for, and its pair read the other way round. */

const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;

/** "and 2 other colours or sizes", naming them on hover. */
export function OtherVariants({ variants }: { variants: Recommendation['recommended'][] | undefined }) {
  if (!variants || variants.length === 0) return null;
  const n = variants.length;
  return (
    <span className="muted rec-variants" title={variants.map((v) => `${v.label} (${v.id})`).join('\n')}>
      {` and ${n} other colour${n === 1 ? '' : 's'} or size${n === 1 ? '' : 's'}`}
    </span>
  );
}

/** The same pair read from the recommended product back to the anchor. */
export function OtherWayRound({ item }: { item: Recommendation }) {
  const reverse = item.evidence?.reverse;
  if (!reverse || !item.anchor) return null;
  const from = item.recommended.label || item.recommended.id;
  const to = item.anchor.label || item.anchor.id;
  const sentence =
    reverse.confidence !== null
      ? `${pct(reverse.confidence)} of the orders with ${from} also held ${to}`
      : `${pct(reverse.share ?? 0)} of the customers who bought ${from} and came back later bought ${to}`;
  return (
    <p className="muted rec-reverse" data-testid="other-way-round">
      The other way round: {sentence} ({reverse.count.toLocaleString('en-US')}{' '}
      {reverse.confidence !== null ? 'orders' : 'customers'}).
    </p>
  );
}
