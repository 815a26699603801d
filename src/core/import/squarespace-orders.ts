import { ClosedOrders, closedReason } from './closed-orders';
import { OrderFillDown } from './fill-down';
import { columnIndexes, type ExportLayout, type RowPreparer } from './layout';
import { cellAt, setAt } from './layout-cells';
import { hasColumns, orderLineColumns } from './layout-columns';
import type { WarningTally } from './warnings';

/**
 * Squarespace's orders export (Commerce → Orders → Download CSV). It is laid out like Shopify's —
 * one row per line item, Lineitem name / sku / variant / quantity / price, the order's own details
 * on its first row only — but the order is its "Order ID" (Shopify's is "Name"), which is how the
 * two are told apart. A customer is the order's email address (lower-cased). A line is its SKU, or
 * its name when the SKU is blank; the variant (such as "Small / Sage") joins the name. Orders
 * cancelled in the shop, or whose payment was refunded or voided, are kept and marked as
 * cancelled. The export holds no marketing consent.
 */

const COLUMNS = {
  order: 'Order ID',
  email: 'Email',
  financialStatus: 'Financial Status',
  createdAt: 'Created at',
  cancelledAt: 'Cancelled at',
  quantity: 'Lineitem quantity',
  lineName: 'Lineitem name',
  price: 'Lineitem price',
  sku: 'Lineitem sku',
  variant: 'Lineitem variant',
  billingCountry: 'Billing Country',
  shippingCountry: 'Shipping Country',
} as const;
type Column = keyof typeof COLUMNS;

/** Written together by no other export; Shopify's has "Name" where this has "Order ID". */
const RECOGNISED_BY: readonly Column[] = ['order', 'financialStatus', 'quantity', 'lineName', 'price'];

/** Order-level columns the import reads, filled down from the order's first row. */
const ORDER_LEVEL: readonly Column[] = [
  'email',
  'financialStatus',
  'createdAt',
  'cancelledAt',
  'billingCountry',
  'shippingCountry',
];

export const SQUARESPACE_ORDERS: ExportLayout = {
  id: 'squarespace-orders',
  label: 'Looks like a Squarespace orders export',
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
      customer_id: [COLUMNS.email],
      email: [COLUMNS.email],
      ordered_at: [COLUMNS.createdAt],
      status: [COLUMNS.financialStatus],
      country: [COLUMNS.billingCountry, COLUMNS.shippingCountry],
    });
  },

  rowPreparer(headers, warnings) {
    const at = columnIndexes(headers, COLUMNS);
    return at.order === -1 ? null : squarespaceRows(at, warnings);
  },
};

function squarespaceRows(at: Record<Column, number>, warnings: WarningTally): RowPreparer {
  const fillDown = new OrderFillDown(
    at.order,
    ORDER_LEVEL.map((column) => at[column]).filter((index) => index >= 0),
  );
  const closedOrders = new ClosedOrders(warnings);
  let closed = false;

  return (cells, row) => {
    const out = cells.slice();
    if (fillDown.fill(out)) {
      const reason = closedReason(cellAt(out, at.cancelledAt), cellAt(out, at.financialStatus));
      closed = reason !== null;
      if (reason !== null) closedOrders.add(reason, row);
    }
    if (closed) {
      setAt(out, at.financialStatus, 'cancelled');
      closedOrders.addLine();
    }
    setAt(out, at.email, cellAt(out, at.email).trim().toLowerCase());
    const variant = cellAt(out, at.variant).trim();
    const name = cellAt(out, at.lineName).trim();
    setAt(out, at.lineName, variant === '' ? name : `${name} (${variant})`);
    if (cellAt(out, at.sku).trim() === '') setAt(out, at.sku, cellAt(out, at.lineName));
    return [out];
  };
}
