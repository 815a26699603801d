/**
 * WooCommerce order statuses as its exports write them: "completed", "processing", "on-hold",
 * "pending", "cancelled", "refunded", "failed", "checkout-draft", sometimes with the "wc-" prefix
 * they are stored under, sometimes as labels ("Completed", "On hold"). An order cancelled,
 * refunded or failed was no purchase.
 */
const CLOSED = new Set(['cancelled', 'refunded', 'failed']);

export function wooStatus(text: string): string {
  return text.trim().toLowerCase().replace(/^wc-/, '').replace(/\s+/g, '-');
}

/** Why an order was no purchase ("cancelled", "refunded", "failed"), or null when it stands. */
export function wooClosedReason(status: string): string | null {
  const slug = wooStatus(status);
  return CLOSED.has(slug) ? slug : null;
}
