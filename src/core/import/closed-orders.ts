import type { WarningTally } from './warnings';

/**
 * Orders a shop system itself closed (cancelled, voided, refunded, failed) are kept, marked as
 * cancelled so they count as no purchase, and told in the report with how many closed for which
 * reason.
 */
const CLOSED_STATUS = 'cancelled';

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
  private closed = false;

  constructor(private readonly warnings: WarningTally) {}

  /** Starts an order at the row that opens it; a closed one is counted with its reason. */
  open(reason: string | null, row: number): void {
    this.closed = reason !== null;
    if (reason === null) return;
    this.byReason.set(reason, (this.byReason.get(reason) ?? 0) + 1);
    this.warnings.add('cancelled_in_shop', row);
    this.warnings.detail('cancelled_in_shop', [...this.byReason].map(([why, n]) => `${n} ${why}`).join(', '));
  }

  /**
   * The status a row of the current order is written with: cancelled when the order is closed
   * (its lines on the row, one unless told, are then counted), else the row's own.
   */
  lineStatus(status: string, lines = 1): string {
    if (!this.closed) return status;
    this.warnings.add('cancelled_order_lines', undefined, lines);
    return CLOSED_STATUS;
  }
}
