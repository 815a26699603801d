import { ClosedOrders, closedReason } from './closed-orders';
import { defineLayout, presentColumns, type PreparedFile } from './define-layout';
import { OrderFillDown } from './fill-down';
import type { RowPreparer } from './layout';
import { cellAt, fillBlank, setAt, updateAt, withVariant } from './layout-cells';
import { SHOPIFY_LINE_COLUMNS, SHOPIFY_ORDER_LEVEL } from './shopify-orders';
import { normaliseEmail } from './values';

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
  ...SHOPIFY_LINE_COLUMNS,
  order: 'Order ID',
  variant: 'Lineitem variant',
} as const;
type Column = keyof typeof COLUMNS;

export const SQUARESPACE_ORDERS = defineLayout({
  id: 'squarespace-orders',
  label: 'Looks like a Squarespace orders export',
  kind: 'order_lines_flat',
  columns: COLUMNS,
  // Shopify's has "Name" where this has "Order ID".
  recognisedBy: ['order', 'financialStatus', 'quantity', 'lineName', 'price'],
  mapping: (name) => ({
    order_id: name('order'),
    product_id: name('sku') ?? name('lineName'),
    product_name: name('lineName'),
    quantity: name('quantity'),
    unit_price: name('price'),
    customer_id: name('email'),
    email: name('email'),
    ordered_at: name('createdAt'),
    status: name('financialStatus'),
    country: name('billingCountry') ?? name('shippingCountry'),
  }),
  rowsNeed: 'order',
  prepareRows: squarespaceRows,
});

function squarespaceRows(at: Record<Column, number>, { warnings }: PreparedFile): RowPreparer {
  const fillDown = new OrderFillDown(at.order, presentColumns(at, SHOPIFY_ORDER_LEVEL));
  const closedOrders = new ClosedOrders(warnings);

  return (cells, row) => {
    const out = cells.slice();
    if (fillDown.fill(out)) {
      closedOrders.open(closedReason(cellAt(out, at.cancelledAt), cellAt(out, at.financialStatus)), row);
    }
    setAt(out, at.financialStatus, closedOrders.lineStatus(cellAt(out, at.financialStatus)));
    updateAt(out, at.email, normaliseEmail);
    setAt(out, at.lineName, withVariant(cellAt(out, at.lineName), cellAt(out, at.variant)));
    fillBlank(out, at.sku, cellAt(out, at.lineName));
    return [out];
  };
}
