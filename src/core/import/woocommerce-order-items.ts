import { ClosedOrders } from './closed-orders';
import { CUSTOMER_KEY_COLUMN, customerKey } from './customer-key';
import { defineLayout, presentColumns, type PreparedFile } from './define-layout';
import { OrderFillDown } from './fill-down';
import type { RowPreparer } from './layout';
import { cellAt, setAt, updateAt, withAddedCells } from './layout-cells';
import { normaliseEmail } from './values';
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

const ORDER_LEVEL: readonly Column[] = ['date', 'status', 'email', 'phone', 'billingCountry', 'shippingCountry'];

/** The SKU the extension writes for a line whose product no longer exists. */
const DELETED_PRODUCT = 'unknown_product';

export const WOOCOMMERCE_ORDER_ITEMS = defineLayout({
  id: 'woocommerce-order-items',
  label: 'Looks like a WooCommerce orders export with one row per item',
  kind: 'order_lines_flat',
  columns: COLUMNS,
  recognisedBy: ['order', 'status', 'email', 'itemName', 'itemQuantity', 'itemTotal'],
  addedColumns: [CUSTOMER_KEY_COLUMN],
  mapping: (name) => ({
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
  }),
  rowsNeed: 'order',
  prepareRows: itemRows,
});

function itemRows(at: Record<Column, number>, { width, warnings }: PreparedFile): RowPreparer {
  const fillDown = new OrderFillDown(at.order, presentColumns(at, ORDER_LEVEL));
  const closedOrders = new ClosedOrders(warnings);
  let customer = '';

  return (cells, row) => {
    const out = cells.slice();
    if (fillDown.fill(out)) {
      customer = customerKey(cellAt(out, at.email), [cellAt(out, at.phone)]);
      closedOrders.open(wooClosedReason(cellAt(out, at.status)), row);
    }
    setAt(out, at.status, closedOrders.lineStatus(wooStatus(cellAt(out, at.status))));
    updateAt(out, at.email, normaliseEmail);
    const sku = cellAt(out, at.itemSku).trim();
    if (sku === '' || sku === DELETED_PRODUCT) setAt(out, at.itemSku, cellAt(out, at.itemName));
    return [withAddedCells(out, width, [customer])];
  };
}
