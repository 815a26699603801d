import { defineLayout } from './define-layout';
import { ETSY_BUYER } from './etsy-order-items';

/**
 * Etsy's sold orders (Shop Manager → Settings → Options → Download Data → "Orders"): one row per
 * order, with its buyer, totals and shipping address but not its items. Dates are written month
 * first (06/14/25). The customer is the Buyer column (the buyer's username), as in the order items
 * file, so that importing both files links each order to the customer its items name; the Buyer
 * User ID only this file writes is kept with the order, and stands in when Buyer is missing.
 */

const COLUMNS = {
  saleDate: 'Sale Date',
  order: 'Order ID',
  buyer: ETSY_BUYER,
  buyerUserId: 'Buyer User ID',
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
});
