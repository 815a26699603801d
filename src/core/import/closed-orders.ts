import type { WarningTally } from './warnings';

/**
 * Orders a shop export shows as cancelled, or whose payment was voided or fully refunded: kept,
 * and marked as cancelled so they do not count as purchases. The tally says how many, and why.
 */

/** Payment states after which nothing was bought. */
const CLOSED_PAYMENTS = new Set(['voided', 'refunded']);

/** Why an order does not stand ("cancelled", "voided", "refunded"), or null when it does. */
export function closedReason(cancelledAt: string, paymentStatus: string): string | null {
  if (cancelledAt.trim() !== '') return 'cancelled';
  const status = paymentStatus.trim().toLowerCase();
  return CLOSED_PAYMENTS.has(status) ? status : null;
}

export class ClosedOrders {
  private readonly reasons = new Map<string, number>();

  constructor(private readonly warnings: WarningTally) {}

  /** Counts an order closed for this reason, found at this row. */
  order(reason: string, row: number): void {
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    this.warnings.add('cancelled_in_shop', row);
    this.warnings.detail('cancelled_in_shop', [...this.reasons].map(([why, n]) => `${n} ${why}`).join(', '));
  }

  /** Counts a line of a closed order. */
  line(): void {
    this.warnings.add('cancelled_order_lines');
  }
}
