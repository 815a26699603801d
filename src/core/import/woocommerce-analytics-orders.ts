import { ClosedOrders } from './closed-orders';
import { defineLayout, type PreparedFile } from './define-layout';
import type { RowPreparer } from './layout';
import { cellAt, setAt, withAddedCells } from './layout-cells';
import { splitPackedItems } from './packed-items';
import { wooClosedReason, wooStatus } from './woocommerce-status';

/**
 * WooCommerce's own orders report (Analytics → Orders → Download): one row per order, with its
 * products packed into one cell ("2× Stoneware Mug, 1× Earl Grey Tea") and no prices per product.
 * Each product becomes an order line, coded by its name. The report names the customer only by
 * first and last name (no email), so that name is the customer's key here; guests without a name
 * have no customer.
 */

const COLUMNS = {
  date: 'Date',
  order: 'Order #',
  status: 'Status',
  customer: 'Customer',
  customerType: 'Customer type',
  products: 'Product(s)',
  itemsSold: 'Items sold',
} as const;
type Column = keyof typeof COLUMNS;

const PRODUCT_COLUMN = 'Product';
const QUANTITY_COLUMN = 'Quantity';

export const WOOCOMMERCE_ANALYTICS_ORDERS = defineLayout({
  id: 'woocommerce-analytics-orders',
  label: 'Looks like a WooCommerce Analytics orders report',
  kind: 'order_lines_flat',
  columns: COLUMNS,
  recognisedBy: ['order', 'customerType', 'products', 'itemsSold'],
  addedColumns: [PRODUCT_COLUMN, QUANTITY_COLUMN],
  mapping: (name) => ({
    order_id: name('order'),
    product_id: PRODUCT_COLUMN,
    product_name: PRODUCT_COLUMN,
    quantity: QUANTITY_COLUMN,
    customer_id: name('customer'),
    ordered_at: name('date'),
    status: name('status'),
  }),
  // Read as plain order lines, the file is mapped by its column names (its products stay packed).
  mapsPlainLines: false,
  rowsNeed: 'products',
  prepareRows: orderRows,
});

function orderRows(at: Record<Column, number>, { width, warnings }: PreparedFile): RowPreparer {
  const closedOrders = new ClosedOrders(warnings);

  return (cells, row) => {
    const out = cells.slice();
    const items = splitPackedItems(cellAt(out, at.products));
    if (items.length === 0) {
      warnings.add('skipped_rows', row);
      warnings.detail('skipped_rows', 'orders that list no products');
      return [];
    }
    closedOrders.open(wooClosedReason(cellAt(out, at.status)), row);
    setAt(out, at.status, closedOrders.lineStatus(wooStatus(cellAt(out, at.status)), items.length));
    if (items.length > 1) warnings.add('packed_rows', row);
    return items.map((item) => withAddedCells(out, width, [item.name, item.quantity]));
  };
}
