import { ClosedOrders, closedReason } from './closed-orders';
import { OrderFillDown } from './fill-down';
import { columnIndexes, type ExportLayout, type RowPreparer } from './layout';
import { cellAt, setAt } from './layout-cells';
import { hasColumns, orderLineColumns } from './layout-columns';
import { parseYesNo } from './values';
import type { WarningTally } from './warnings';

/**
 * Shopify's orders export (Orders → Export): one row per line item, the order number ("Name",
 * such as #1001) on every row, and the order's own details (email, statuses, dates, totals,
 * consent, addresses) on its first row only. Dates carry the shop's UTC offset
 * (2025-06-21 12:57:49 -0500); the clock time is kept as written, since every date of one export
 * is in the shop's own time zone, the clock that moments and quiet hours read. The export has no customer number: its "Id" is the order's, so a
 * customer is known by the order's email address (lower-cased), and an order without one has no
 * customer. A line is identified by its SKU, or by its name when the SKU is blank (custom items).
 * Orders cancelled in the shop, and orders whose payment was voided or fully refunded, are kept
 * and marked as cancelled, so they do not count as purchases.
 */

const COLUMNS = {
  order: 'Name',
  email: 'Email',
  financialStatus: 'Financial Status',
  acceptsMarketing: 'Accepts Marketing',
  acceptsEmailMarketing: 'Accepts Email Marketing',
  acceptsSmsMarketing: 'Accepts SMS Marketing',
  createdAt: 'Created at',
  cancelledAt: 'Cancelled at',
  quantity: 'Lineitem quantity',
  lineName: 'Lineitem name',
  price: 'Lineitem price',
  sku: 'Lineitem sku',
  lineDiscount: 'Lineitem discount',
  billingCountry: 'Billing Country',
  shippingCountry: 'Shipping Country',
  source: 'Source',
  billingZip: 'Billing Zip',
  shippingZip: 'Shipping Zip',
  billingPhone: 'Billing Phone',
  shippingPhone: 'Shipping Phone',
  phone: 'Phone',
} as const;
type Column = keyof typeof COLUMNS;

/** Written together by no other export. */
const RECOGNISED_BY: readonly Column[] = ['order', 'financialStatus', 'quantity', 'lineName', 'price'];

/** Order-level columns the import reads, filled down from the order's first row. */
const ORDER_LEVEL: readonly Column[] = [
  'email',
  'financialStatus',
  'acceptsMarketing',
  'acceptsEmailMarketing',
  'acceptsSmsMarketing',
  'createdAt',
  'cancelledAt',
  'billingCountry',
  'shippingCountry',
  'source',
];

const CONSENT: readonly Column[] = ['acceptsMarketing', 'acceptsEmailMarketing', 'acceptsSmsMarketing'];
/** Spreadsheets drop leading zeros and read "+1…" as a formula, so Shopify writes these as '02134. */
const QUOTED_AS_TEXT: readonly Column[] = ['billingZip', 'shippingZip', 'billingPhone', 'shippingPhone', 'phone'];

/** Consent as newer exports write it ("subscribed", "not_subscribed" …); unknown words become blank. */
const CONSENT_WORDS: Record<string, string> = {
  subscribed: 'yes',
  not_subscribed: 'no',
  unsubscribed: 'no',
  pending: 'no',
  invalid: 'no',
  redacted: 'no',
};

export const SHOPIFY_ORDERS: ExportLayout = {
  id: 'shopify-orders',
  label: 'Looks like a Shopify orders export',
  kind: 'order_lines_flat',

  recognise(headers) {
    return hasColumns(
      headers,
      RECOGNISED_BY.map((column) => COLUMNS[column]),
    );
  },

  columnsFor(kind, headers) {
    return orderLineColumns(kind, headers, {
      order_id: [COLUMNS.order],
      product_id: [COLUMNS.sku, COLUMNS.lineName],
      product_name: [COLUMNS.lineName],
      quantity: [COLUMNS.quantity],
      unit_price: [COLUMNS.price],
      discount: [COLUMNS.lineDiscount],
      customer_id: [COLUMNS.email],
      email: [COLUMNS.email],
      ordered_at: [COLUMNS.createdAt],
      channel: [COLUMNS.source],
      status: [COLUMNS.financialStatus],
      country: [COLUMNS.billingCountry, COLUMNS.shippingCountry],
      email_opt_in: [COLUMNS.acceptsMarketing, COLUMNS.acceptsEmailMarketing],
      sms_opt_in: [COLUMNS.acceptsSmsMarketing],
    });
  },

  rowPreparer(headers, warnings) {
    const at = columnIndexes(headers, COLUMNS);
    if (at.order === -1) return null;
    return shopifyRows(at, warnings);
  },
};

function shopifyRows(at: Record<Column, number>, warnings: WarningTally): RowPreparer {
  const present = (columns: readonly Column[]) => columns.map((column) => at[column]).filter((index) => index >= 0);
  const fillDown = new OrderFillDown(at.order, present(ORDER_LEVEL));
  const consent = present(CONSENT);
  const quotedAsText = present(QUOTED_AS_TEXT);
  const closedOrders = new ClosedOrders(warnings);
  let closed = false;

  return (cells, row) => {
    const out = cells.slice();
    if (fillDown.fill(out)) {
      const reason = closedReason(cellAt(out, at.cancelledAt), cellAt(out, at.financialStatus));
      closed = reason !== null;
      if (reason !== null) closedOrders.order(reason, row);
    }
    if (closed) {
      setAt(out, at.financialStatus, 'cancelled');
      closedOrders.line();
    }
    setAt(out, at.email, cellAt(out, at.email).trim().toLowerCase());
    if (cellAt(out, at.sku).trim() === '') setAt(out, at.sku, cellAt(out, at.lineName));
    for (const index of consent) setAt(out, index, consentAnswer(cellAt(out, index)));
    for (const index of quotedAsText) if (cellAt(out, index).startsWith("'")) setAt(out, index, out[index].slice(1));
    return out;
  };
}

function consentAnswer(text: string): string {
  if (parseYesNo(text) !== null) return text;
  return CONSENT_WORDS[text.trim().toLowerCase()] ?? '';
}
