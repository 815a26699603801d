import { defineLayout } from './define-layout';
import { buyerOfOrder, ETSY_BUYER } from './etsy-buyer';
import { cellAt, setAt } from './layout-cells';

/**
 * Etsy's sold orders (Shop Manager → Settings → Options → Download Data → "Orders"): one row per
 * order, with its buyer, totals and shipping address but not its items. Dates are written month
 * first (06/14/25). The customer is the buyer's username, as in the order items file (see
 * etsy-buyer.ts), so that importing both files links each order to the customer its items name;
 * the Buyer User ID is kept with the order, and stands in when Buyer is missing.
 */

const COLUMNS = {
  saleDate: 'Sale Date',
  order: 'Order ID',
  buyer: ETSY_BUYER,
  buyerUserId: 'Buyer User ID',
  fullName: 'Full Name',
  items: 'Number of Items',
  orderValue: 'Order Value',
  status: 'Status',
  orderType: 'Order Type',
} as const;

export const ETSY_ORDERS = defineLayout({
  id: 'etsy-orders',
  label: 'Looks like an Etsy sold orders export',
  kind: 'orders',
  dayMonthOrder: 'mdy',
  columns: COLUMNS,
  recognisedBy: ['saleDate', 'order', 'buyerUserId', 'items', 'orderValue'],
  mapping: (name) => ({
    order_id: name('order'),
    customer_id: name('buyer') ?? name('buyerUserId'),
    ordered_at: name('saleDate'),
    status: name('status'),
    channel: name('orderType'),
  }),
  prepareRows: (at) => (cells) => {
    const out = cells.slice();
    setAt(out, at.buyer, buyerOfOrder(cellAt(out, at.buyer), cellAt(out, at.fullName), cellAt(out, at.buyerUserId)));
    return [out];
  },
});
