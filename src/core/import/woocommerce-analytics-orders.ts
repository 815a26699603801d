import { CLOSED_STATUS, ClosedOrders } from './closed-orders';
import type { FieldName, ImportKind } from './kinds';
import { columnIndexes, columnNamer, type ExportLayout, type RowPreparer } from './layout';
import { cellAt, setAt, withAddedCells } from './layout-cells';
import { splitPackedItems } from './packed-items';
import type { WarningTally } from './warnings';
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

const RECOGNISED_BY: readonly Column[] = ['order', 'customerType', 'products', 'itemsSold'];

const PRODUCT_COLUMN = 'Product';
const QUANTITY_COLUMN = 'Quantity';

export const WOOCOMMERCE_ANALYTICS_ORDERS: ExportLayout = {
  id: 'woocommerce-analytics-orders',
  label: 'Looks like a WooCommerce Analytics orders report',
  kind: 'order_lines_flat',
  addedColumns: [PRODUCT_COLUMN, QUANTITY_COLUMN],

  recognise(headers) {
    const at = columnIndexes(headers, COLUMNS);
    return RECOGNISED_BY.every((column) => at[column] >= 0);
  },

  columnsFor(kind: ImportKind, headers) {
    if (kind !== 'order_lines_flat') return null;
    const name = columnNamer(headers, columnIndexes(headers, COLUMNS));
    const columns: Partial<Record<FieldName, string>> = {
      order_id: name('order'),
      product_id: PRODUCT_COLUMN,
      product_name: PRODUCT_COLUMN,
      quantity: QUANTITY_COLUMN,
      customer_id: name('customer'),
      ordered_at: name('date'),
      status: name('status'),
    };
    for (const field of Object.keys(columns) as FieldName[]) if (columns[field] === undefined) delete columns[field];
    return columns;
  },

  rowPreparer(headers, warnings) {
    const at = columnIndexes(headers, COLUMNS);
    if (at.products === -1) return null;
    return orderRows(at, headers.length, warnings);
  },
};

function orderRows(at: Record<Column, number>, width: number, warnings: WarningTally): RowPreparer {
  const closedOrders = new ClosedOrders(warnings);

  return (cells, row) => {
    const out = cells.slice();
    const items = splitPackedItems(cellAt(out, at.products));
    if (items.length === 0) {
      warnings.add('skipped_rows', row);
      warnings.detail('skipped_rows', 'orders that list no products');
      return [];
    }
    const reason = wooClosedReason(cellAt(out, at.status));
    if (reason !== null) {
      closedOrders.add(reason, row);
      for (let i = 0; i < items.length; i++) closedOrders.addLine();
    }
    setAt(out, at.status, reason !== null ? CLOSED_STATUS : wooStatus(cellAt(out, at.status)));
    if (items.length > 1) warnings.add('packed_rows', row);
    return items.map((item) => withAddedCells(out, width, [item.name, item.quantity]));
  };
}
