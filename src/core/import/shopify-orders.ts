import { ClosedOrders, closedReason } from './closed-orders';
import { CUSTOMER_KEY_COLUMN, customerKey } from './customer-key';
import { defineLayout, presentColumns, type PreparedFile } from './define-layout';
import { OrderFillDown } from './fill-down';
import type { RowPreparer } from './layout';
import { cellAt, consentAnswer, fillBlank, setAt, updateAt, withAddedCells, withoutTextQuote } from './layout-cells';
import { normaliseEmail } from './values';

/**
 * Shopify's orders export (Orders → Export): one row per line item, the order number ("Name",
 * such as #1001) on every row, and the order's own details (email, statuses, dates, totals,
 * consent, addresses) on its first row only. Dates carry the shop's UTC offset
 * (2025-06-21 12:57:49 -0500); the clock time is kept as written, since every date of one export
 * is in the shop's own time zone, the clock that moments and quiet hours read. The export has no
 * customer number: its "Id" is the order's, so a customer is known by the order's email address
 * (lower-cased), else by its phone number (Phone, Billing Phone, Shipping Phone: cash-on-delivery
 * orders often give no email), in an added column; an order with neither has no customer. A line is identified by its SKU, or by its name when the SKU is blank (custom items).
 * Orders cancelled in the shop, and orders whose payment was voided or fully refunded, are kept
 * and marked as cancelled, so they do not count as purchases. So are checkouts with no payment
 * status at all: every order has one, but Shopify's abandoned checkouts export writes the orders
 * export's columns with the payment status left blank.
 */

/** The line and order columns Squarespace's orders export writes too, under the same names. */
export const SHOPIFY_LINE_COLUMNS = {
  email: 'Email',
  financialStatus: 'Financial Status',
  createdAt: 'Created at',
  cancelledAt: 'Cancelled at',
  quantity: 'Lineitem quantity',
  lineName: 'Lineitem name',
  price: 'Lineitem price',
  sku: 'Lineitem sku',
  billingCountry: 'Billing Country',
  shippingCountry: 'Shipping Country',
} as const;

/** The order-level columns among them. */
export const SHOPIFY_ORDER_LEVEL = [
  'email',
  'financialStatus',
  'createdAt',
  'cancelledAt',
  'billingCountry',
  'shippingCountry',
] as const satisfies readonly (keyof typeof SHOPIFY_LINE_COLUMNS)[];

const COLUMNS = {
  ...SHOPIFY_LINE_COLUMNS,
  order: 'Name',
  acceptsMarketing: 'Accepts Marketing',
  acceptsEmailMarketing: 'Accepts Email Marketing',
  acceptsSmsMarketing: 'Accepts SMS Marketing',
  lineDiscount: 'Lineitem discount',
  source: 'Source',
  billingZip: 'Billing Zip',
  shippingZip: 'Shipping Zip',
  billingPhone: 'Billing Phone',
  shippingPhone: 'Shipping Phone',
  phone: 'Phone',
} as const;
type Column = keyof typeof COLUMNS;

/** Order-level columns the import reads, filled down from the order's first row. */
const ORDER_LEVEL: readonly Column[] = [
  ...SHOPIFY_ORDER_LEVEL,
  'acceptsMarketing',
  'acceptsEmailMarketing',
  'acceptsSmsMarketing',
  'source',
];

const CONSENT: readonly Column[] = ['acceptsMarketing', 'acceptsEmailMarketing', 'acceptsSmsMarketing'];
/** Written as '02134 and '+16175550123 (see withoutTextQuote). */
const QUOTED_AS_TEXT: readonly Column[] = ['billingZip', 'shippingZip', 'billingPhone', 'shippingPhone', 'phone'];

export const SHOPIFY_ORDERS = defineLayout({
  id: 'shopify-orders',
  label: 'Looks like a Shopify orders export',
  kind: 'order_lines_flat',
  columns: COLUMNS,
  recognisedBy: ['order', 'financialStatus', 'quantity', 'lineName', 'price'],
  addedColumns: [CUSTOMER_KEY_COLUMN],
  mapping: (name) => ({
    order_id: name('order'),
    product_id: name('sku') ?? name('lineName'),
    product_name: name('lineName'),
    quantity: name('quantity'),
    unit_price: name('price'),
    discount: name('lineDiscount'),
    customer_id: CUSTOMER_KEY_COLUMN,
    email: name('email'),
    ordered_at: name('createdAt'),
    channel: name('source'),
    status: name('financialStatus'),
    country: name('billingCountry') ?? name('shippingCountry'),
    email_opt_in: name('acceptsMarketing') ?? name('acceptsEmailMarketing'),
    sms_opt_in: name('acceptsSmsMarketing'),
  }),
  rowsNeed: 'order',
  prepareRows: shopifyRows,
});

function shopifyRows(at: Record<Column, number>, { width, warnings }: PreparedFile): RowPreparer {
  const fillDown = new OrderFillDown(at.order, presentColumns(at, ORDER_LEVEL));
  const consent = presentColumns(at, CONSENT);
  const quotedAsText = presentColumns(at, QUOTED_AS_TEXT);
  const closedOrders = new ClosedOrders(warnings);
  let customer = '';

  return (cells, row) => {
    const out = cells.slice();
    if (fillDown.fill(out)) {
      const phones = [at.phone, at.billingPhone, at.shippingPhone].map((index) => cellAt(out, index));
      customer = customerKey(cellAt(out, at.email), phones);
      closedOrders.open(orderClosedReason(cellAt(out, at.cancelledAt), cellAt(out, at.financialStatus)), row);
    }
    setAt(out, at.financialStatus, closedOrders.lineStatus(cellAt(out, at.financialStatus)));
    updateAt(out, at.email, normaliseEmail);
    fillBlank(out, at.sku, cellAt(out, at.lineName));
    for (const index of consent) updateAt(out, index, consentAnswer);
    for (const index of quotedAsText) updateAt(out, index, withoutTextQuote);
    return [withAddedCells(out, width, [customer])];
  };
}

/** Why an order does not stand (see closedReason); "unpaid" when it has no payment status: an abandoned checkout. */
function orderClosedReason(cancelledAt: string, financialStatus: string): string | null {
  return closedReason(cancelledAt, financialStatus) ?? (financialStatus.trim() === '' ? 'unpaid' : null);
}
