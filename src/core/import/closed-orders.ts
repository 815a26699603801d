import type { WarningTally } from './warnings';

/**
 * Orders a shop system itself closed (cancelled, voided, refunded, failed) are kept, marked as
 * cancelled so they count as no purchase, and told in the report with how many closed for which
 * reason.
 */
export const CLOSED_STATUS = 'cancelled';

/** Payment states after which nothing was bought. */
const CLOSED_PAYMENTS = new Set(['voided', 'refunded']);

/** Why an order does not stand ("cancelled", "voided", "refunded"), or null when it does. */
export function closedReason(cancelledAt: string, paymentStatus: string): string | null {
  if (cancelledAt.trim() !== '') return 'cancelled';
  const status = paymentStatus.trim().toLowerCase();
  return CLOSED_PAYMENTS.has(status) ? status : null;
}

export class ClosedOrders {
  private readonly byReason = new Map<string, number>();

  constructor(private readonly warnings: WarningTally) {}

  /** Counts one closed order, at the row that opens it. */
  add(reason: string, row: number): void {
    this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1);
    this.warnings.add('cancelled_in_shop', row);
    this.warnings.detail('cancelled_in_shop', [...this.byReason].map(([why, n]) => `${n} ${why}`).join(', '));
  }

  /** Counts one line of a closed order. */
  addLine(): void {
    this.warnings.add('cancelled_order_lines');
  }
}
