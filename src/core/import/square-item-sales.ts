import { columnIndexes, type ExportLayout, type RowPreparer } from './layout';
import { cellAt, setAt, signedAmount } from './layout-cells';
import { hasColumns, orderLineColumns } from './layout-columns';
import { parseNumber } from './values';

/**
 * Square's item sales export (Dashboard → Reports → Item Sales, or Transactions → Export → Item
 * Detail CSV): one row per item sold, every row carrying its transaction's details. An order is a
 * Transaction ID; its date is the Date and Time columns together, kept as written on the clock of
 * the Time Zone column (the seller's own). There is no unit price: Gross Sales is the line's total
 * (with modifiers), so the unit price is Gross Sales ÷ Qty; Discounts are written as negative
 * amounts ("-$1.00", or "($1.00)" once a spreadsheet has saved the file). A refund is a row with
 * Event Type "Refund", a negative Qty and the refunded sale's Transaction ID: it stays a return of
 * that sale, with no date or customer of its own so it cannot contradict the sale. Rows without a
 * Customer ID are walk-ins: no customer, but their baskets still count. An item is known by its SKU,
 * else by its name and price point (Square calls a variation a price point; "Regular" is the
 * default one). Amounts keyed in at the till ("Custom Amount") and gift cards are not products.
 */

const COLUMNS = {
  date: 'Date',
  time: 'Time',
  item: 'Item',
  quantity: 'Qty',
  pricePoint: 'Price Point Name',
  sku: 'SKU',
  grossSales: 'Gross Sales',
  discounts: 'Discounts',
  netSales: 'Net Sales',
  tax: 'Tax',
  transaction: 'Transaction ID',
  eventType: 'Event Type',
  customer: 'Customer ID',
  channel: 'Channel',
  itemizationType: 'Itemization Type',
} as const;
type Column = keyof typeof COLUMNS;

/** Written together by no other export. */
const RECOGNISED_BY: readonly Column[] = ['item', 'quantity', 'pricePoint', 'grossSales', 'transaction', 'eventType'];

/** The price point a single-variation item gets unless the seller names one. */
const DEFAULT_PRICE_POINT = 'regular';

/** Itemization types that are not goods from the catalogue, with the code their lines get. */
const NOT_PRODUCTS: Record<string, string> = { 'custom amount': 'Custom Amount', 'gift card': 'Gift Card' };

export const SQUARE_ITEM_SALES: ExportLayout = {
  id: 'square-item-sales',
  label: 'Looks like a Square item sales export',
  kind: 'order_lines_flat',

  recognise(headers) {
    return hasColumns(
      headers,
      RECOGNISED_BY.map((column) => COLUMNS[column]),
    );
  },

  columnsFor(kind, headers) {
    return orderLineColumns(kind, headers, {
      order_id: [COLUMNS.transaction],
      product_id: [COLUMNS.sku, COLUMNS.item],
      product_name: [COLUMNS.item],
      quantity: [COLUMNS.quantity],
      unit_price: [COLUMNS.grossSales],
      discount: [COLUMNS.discounts],
      customer_id: [COLUMNS.customer],
      ordered_at: [COLUMNS.date],
      channel: [COLUMNS.channel],
    });
  },

  rowPreparer(headers) {
    const at = columnIndexes(headers, COLUMNS);
    return at.transaction === -1 ? null : squareRows(at);
  },
};

function squareRows(at: Record<Column, number>): RowPreparer {
  return (cells) => {
    const out = cells.slice();
    const refund = cellAt(out, at.eventType).trim().toLowerCase() === 'refund';
    const date = cellAt(out, at.date).trim();
    const time = cellAt(out, at.time).trim();
    setAt(out, at.date, refund ? '' : time && date ? `${date} ${time}` : date);
    if (refund) setAt(out, at.customer, '');

    const name = itemName(cellAt(out, at.item), cellAt(out, at.pricePoint));
    const notProduct = NOT_PRODUCTS[cellAt(out, at.itemizationType).trim().toLowerCase()];
    setAt(out, at.item, notProduct ?? name);
    if (notProduct) setAt(out, at.sku, notProduct);
    else if (cellAt(out, at.sku).trim() === '') setAt(out, at.sku, name);

    for (const column of [at.grossSales, at.discounts, at.netSales, at.tax])
      setAt(out, column, signedAmount(cellAt(out, column)));
    setAt(out, at.grossSales, unitPrice(cellAt(out, at.grossSales), cellAt(out, at.quantity)));
    // Square writes a discount as money taken off (negative); the workspace keeps the amount taken off.
    setAt(out, at.discounts, cellAt(out, at.discounts).replace(/^-/, ''));
    return [out];
  };
}

/** "Latte" with price point "Large" is "Latte (Large)"; the default price point adds nothing. */
function itemName(item: string, pricePoint: string): string {
  const point = pricePoint.trim();
  return point === '' || point.toLowerCase() === DEFAULT_PRICE_POINT ? item.trim() : `${item.trim()} (${point})`;
}

/** The line's gross amount shared over its quantity; the amount as written when either cannot be read. */
function unitPrice(gross: string, quantity: string): string {
  const amount = parseNumber(gross, '.');
  const count = parseNumber(quantity, '.');
  if (amount === null || count === null || count === 0) return gross;
  return String(Math.round((amount / count) * 10000) / 10000);
}
