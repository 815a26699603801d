import { CLOSED_STATUS, ClosedOrders, closedReason } from './closed-orders';
import { CUSTOMER_KEY_COLUMN, customerKey } from './customer-key';
import { OrderFillDown } from './fill-down';
import type { FieldName, ImportKind } from './kinds';
import { columnIndexes, columnNamer, type ExportLayout, type RowPreparer } from './layout';
import { cellAt, consentAnswer, setAt, withAddedCells, withoutTextQuote } from './layout-cells';
import type { WarningTally } from './warnings';

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
/** Written as '02134 and '+16175550123 (see withoutTextQuote). */
const QUOTED_AS_TEXT: readonly Column[] = ['billingZip', 'shippingZip', 'billingPhone', 'shippingPhone', 'phone'];

const LINE_FIELDS: readonly FieldName[] = [
  'order_id',
  'product_id',
  'product_name',
  'quantity',
  'unit_price',
  'discount',
];

export const SHOPIFY_ORDERS: ExportLayout = {
  id: 'shopify-orders',
  label: 'Looks like a Shopify orders export',
  kind: 'order_lines_flat',
  addedColumns: [CUSTOMER_KEY_COLUMN],

  recognise(headers) {
    const at = columnIndexes(headers, COLUMNS);
    return RECOGNISED_BY.every((column) => at[column] >= 0);
  },

  columnsFor(kind: ImportKind, headers) {
    if (kind !== 'order_lines_flat' && kind !== 'order_lines') return null;
    const name = columnNamer(headers, columnIndexes(headers, COLUMNS));
    const columns: Partial<Record<FieldName, string>> = {
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
    };
    for (const field of Object.keys(columns) as FieldName[]) {
      if (columns[field] === undefined || (kind === 'order_lines' && !LINE_FIELDS.includes(field)))
        delete columns[field];
    }
    return columns;
  },

  rowPreparer(headers, warnings) {
    const at = columnIndexes(headers, COLUMNS);
    if (at.order === -1) return null;
    return shopifyRows(at, headers.length, warnings);
  },
};

function shopifyRows(at: Record<Column, number>, width: number, warnings: WarningTally): RowPreparer {
  const present = (columns: readonly Column[]) => columns.map((column) => at[column]).filter((index) => index >= 0);
  const fillDown = new OrderFillDown(at.order, present(ORDER_LEVEL));
  const consent = present(CONSENT);
  const quotedAsText = present(QUOTED_AS_TEXT);
  const closedOrders = new ClosedOrders(warnings);
  let closed = false;
  let customer = '';

  return (cells, row) => {
    const out = cells.slice();
    if (fillDown.fill(out)) {
      const phones = [at.phone, at.billingPhone, at.shippingPhone].map((index) => cellAt(out, index));
      customer = customerKey(cellAt(out, at.email), phones);
      const reason = closedReason(cellAt(out, at.cancelledAt), cellAt(out, at.financialStatus));
      closed = reason !== null;
      if (reason !== null) closedOrders.add(reason, row);
    }
    if (closed) {
      setAt(out, at.financialStatus, CLOSED_STATUS);
      closedOrders.addLine();
    }
    setAt(out, at.email, cellAt(out, at.email).trim().toLowerCase());
    if (cellAt(out, at.sku).trim() === '') setAt(out, at.sku, cellAt(out, at.lineName));
    for (const index of consent) setAt(out, index, consentAnswer(cellAt(out, index)));
    for (const index of quotedAsText) setAt(out, index, withoutTextQuote(cellAt(out, index)));
    return [withAddedCells(out, width, [customer])];
  };
}
