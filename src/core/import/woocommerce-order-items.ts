import { CLOSED_STATUS, ClosedOrders } from './closed-orders';
import { CUSTOMER_KEY_COLUMN, customerKey } from './customer-key';
import { OrderFillDown } from './fill-down';
import type { FieldName, ImportKind } from './kinds';
import { columnIndexes, columnNamer, type ExportLayout, type RowPreparer } from './layout';
import { cellAt, setAt, withAddedCells } from './layout-cells';
import type { WarningTally } from './warnings';
import { wooClosedReason, wooStatus } from './woocommerce-status';

/**
 * The orders export of WooCommerce's Customer/Order/Coupon Export extension in its "Default - One
 * Row per Item" format: one row per line item, columns named by their keys (order_id, date,
 * status, billing_email, item_name, item_sku, item_quantity, item_price …). The order's details
 * are repeated on each of its rows; blanks are filled from the order's first row all the same.
 * Shipping, fees and coupons sit in packed cells of the order (shipping_items, fee_items …), so
 * every line is a product line. A customer is known by the billing email (lower-cased), else the
 * billing phone, as in the extension's customers export (guests have customer_id 0). A line whose
 * product has no SKU, or was deleted ("unknown_product"), is coded by its name.
 */

const COLUMNS = {
  order: 'order_id',
  date: ['date', 'order_date'],
  status: 'status',
  email: 'billing_email',
  phone: 'billing_phone',
  billingCountry: 'billing_country',
  shippingCountry: 'shipping_country',
  itemName: 'item_name',
  itemSku: 'item_sku',
  itemQuantity: 'item_quantity',
  itemPrice: 'item_price',
  itemTotal: 'item_total',
} as const;
type Column = keyof typeof COLUMNS;

/** Written together by no other export. */
const RECOGNISED_BY: readonly Column[] = ['order', 'status', 'email', 'itemName', 'itemQuantity', 'itemTotal'];

const ORDER_LEVEL: readonly Column[] = ['date', 'status', 'email', 'phone', 'billingCountry', 'shippingCountry'];

/** The SKU the extension writes for a line whose product no longer exists. */
const DELETED_PRODUCT = 'unknown_product';

const LINE_FIELDS: readonly FieldName[] = ['order_id', 'product_id', 'product_name', 'quantity', 'unit_price'];

export const WOOCOMMERCE_ORDER_ITEMS: ExportLayout = {
  id: 'woocommerce-order-items',
  label: 'Looks like a WooCommerce orders export with one row per item',
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
      product_id: name('itemSku') ?? name('itemName'),
      product_name: name('itemName'),
      quantity: name('itemQuantity'),
      unit_price: name('itemPrice'),
      customer_id: CUSTOMER_KEY_COLUMN,
      email: name('email'),
      ordered_at: name('date'),
      status: name('status'),
      country: name('billingCountry') ?? name('shippingCountry'),
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
    return itemRows(at, headers.length, warnings);
  },
};

function itemRows(at: Record<Column, number>, width: number, warnings: WarningTally): RowPreparer {
  const fillDown = new OrderFillDown(
    at.order,
    ORDER_LEVEL.map((column) => at[column]).filter((index) => index >= 0),
  );
  const closedOrders = new ClosedOrders(warnings);
  let closed = false;
  let customer = '';

  return (cells, row) => {
    const out = cells.slice();
    if (fillDown.fill(out)) {
      customer = customerKey(cellAt(out, at.email), [cellAt(out, at.phone)]);
      const reason = wooClosedReason(cellAt(out, at.status));
      closed = reason !== null;
      if (reason !== null) closedOrders.add(reason, row);
    }
    setAt(out, at.status, closed ? CLOSED_STATUS : wooStatus(cellAt(out, at.status)));
    if (closed) closedOrders.addLine();
    setAt(out, at.email, cellAt(out, at.email).trim().toLowerCase());
    const sku = cellAt(out, at.itemSku).trim();
    if (sku === '' || sku === DELETED_PRODUCT) setAt(out, at.itemSku, cellAt(out, at.itemName));
    return [withAddedCells(out, width, [customer])];
  };
}
