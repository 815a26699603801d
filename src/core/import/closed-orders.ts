import type { WarningTally } from './warnings';

/**
 * Orders a shop system itself closed (cancelled, voided, refunded, failed) are kept, marked as
 * cancelled so they count as no purchase, and told in the report with how many closed for which
 * reason.
 */
export const CLOSED_STATUS = 'cancelled';

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
