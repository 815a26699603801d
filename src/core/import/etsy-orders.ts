import { ETSY_BUYER } from './etsy-order-items';
import type { ExportLayout } from './layout';
import { fieldColumns, hasColumns } from './layout-columns';

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
  buyerUserId: 'Buyer User ID',
  items: 'Number of Items',
  orderValue: 'Order Value',
  status: 'Status',
  orderType: 'Order Type',
} as const;

export const ETSY_ORDERS: ExportLayout = {
  id: 'etsy-orders',
  label: 'Looks like an Etsy sold orders export',
  kind: 'orders',
  dayMonthOrder: 'mdy',

  recognise(headers) {
    return hasColumns(headers, [
      COLUMNS.saleDate,
      COLUMNS.order,
      COLUMNS.buyerUserId,
      COLUMNS.items,
      COLUMNS.orderValue,
    ]);
  },

  columnsFor(kind, headers) {
    if (kind !== 'orders') return null;
    return fieldColumns(headers, {
      order_id: [COLUMNS.order],
      customer_id: [ETSY_BUYER, COLUMNS.buyerUserId],
      ordered_at: [COLUMNS.saleDate],
      status: [COLUMNS.status],
      channel: [COLUMNS.orderType],
    });
  },

  rowPreparer() {
    return null;
  },
};
