import { MINUTE } from './calendar';
import type { EmitEvent } from './types';

const LOYALTY_TIERS = ['bronze', 'silver', 'gold'] as const;
type LoyaltyTier = (typeof LOYALTY_TIERS)[number];

/** One point per unit of net spend; the tier follows lifetime spend and never drops. */
export class LoyaltyAccount {
  private spend: number;
  private tierIndex: number;

  constructor(
    private readonly thresholds: readonly [number, number],
    spendBeforeHistory: number,
  ) {
    this.spend = spendBeforeHistory;
    this.tierIndex = this.tierFor(this.spend);
  }

  get tier(): LoyaltyTier {
    return LOYALTY_TIERS[this.tierIndex];
  }

  get points(): number {
    return Math.max(0, Math.floor(this.spend));
  }

  /** Books an order's net amount; reaching a new tier is reported a few minutes after the order. */
  add(amount: number, at: number, emit: EmitEvent | null): void {
    this.spend += amount;
    const reached = this.tierFor(this.spend);
    if (reached <= this.tierIndex) return;
    this.tierIndex = reached;
    emit?.({
      at: at + 3 * MINUTE,
      type: 'loyalty_tier_reached',
      productId: null,
      value: this.points,
      limit: null,
      channel: null,
      extra: JSON.stringify({ tier: this.tier }),
    });
  }

  private tierFor(spend: number): number {
    return spend >= this.thresholds[1] ? 2 : spend >= this.thresholds[0] ? 1 : 0;
  }
}
