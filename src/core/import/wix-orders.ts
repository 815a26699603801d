import { ClosedOrders, closedReason } from './closed-orders';
import { columnIndexes, type ExportLayout, type RowPreparer } from './layout';
import { cellAt, setAt } from './layout-cells';
import { hasColumns, orderLineColumns } from './layout-columns';
import { parseNumber } from './values';
import type { WarningTally } from './warnings';

/**
 * Wix Stores' orders export (Dashboard → Sales → Orders → Export): one row per item, every row
 * carrying its order's details. The date is written with the month's name ("Dec 11, 2024") and
 * the time apart, on a 12-hour clock ("2:10:40 PM"); both are read together as the shop's clock.
 * A customer is the order's contact email (lower-cased). An item is its SKU, else its name; the
 * variant ("Color:Navy | Size:S") joins the name, and the quantity is what the customer kept (Qty
 * less Quantity refunded, which stays with the line). Orders whose fulfilment is "Canceled", or whose
 * payment was refunded or voided, are kept and marked as cancelled. Phone numbers and postal codes
 * are wrapped in quotes so spreadsheets keep them as text ("015224260416"); the quotes are dropped.
 * The export holds no marketing consent.
 */

const COLUMNS = {
  order: 'Order number',
  dateCreated: 'Date created',
  time: 'Time',
  email: 'Contact email',
  item: 'Item',
  variant: 'Variant',
  sku: 'SKU',
  quantity: 'Qty',
  quantityRefunded: 'Quantity refunded',
  price: 'Price',
  paymentStatus: 'Payment status',
  fulfillmentStatus: 'Fulfillment status',
  billingCountry: 'Billing country',
  deliveryCountry: 'Delivery country',
} as const;
type Column = keyof typeof COLUMNS;

/** Written together by no other export. */
const RECOGNISED_BY: readonly Column[] = ['order', 'dateCreated', 'email', 'item', 'quantity', 'paymentStatus'];

/** Columns written as "text" inside quotes: phone numbers and postal codes. */
const QUOTED_AS_TEXT = /phone|zip|postal/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "Dec 11, 2024" or "11 Dec 2024". */
const MONTH_FIRST = /^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/i;
const DAY_FIRST = /^(\d{1,2})\s+([a-z]{3})[a-z]*\.?,?\s+(\d{4})$/i;
/** "2:10:40 PM", "14:10" */
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i;

export const WIX_ORDERS: ExportLayout = {
  id: 'wix-orders',
  label: 'Looks like a Wix Stores orders export',
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
      product_id: [COLUMNS.sku, COLUMNS.item],
      product_name: [COLUMNS.item],
      quantity: [COLUMNS.quantity],
      unit_price: [COLUMNS.price],
      customer_id: [COLUMNS.email],
      email: [COLUMNS.email],
      ordered_at: [COLUMNS.dateCreated],
      status: [COLUMNS.paymentStatus],
      country: [COLUMNS.billingCountry, COLUMNS.deliveryCountry],
    });
  },

  rowPreparer(headers, warnings) {
    const at = columnIndexes(headers, COLUMNS);
    if (at.order === -1) return null;
    const quoted = headers.flatMap((name, index) => (QUOTED_AS_TEXT.test(name) ? [index] : []));
    return wixRows(at, quoted, warnings);
  },
};

function wixRows(at: Record<Column, number>, quoted: readonly number[], warnings: WarningTally): RowPreparer {
  const closedOrders = new ClosedOrders(warnings);
  let order: string | null = null;
  let closed = false;

  return (cells, row) => {
    const out = cells.slice();
    const number = cellAt(out, at.order).trim();
    if (number !== order) {
      order = number;
      const canceled = /^cancel+ed$/i.test(cellAt(out, at.fulfillmentStatus).trim()) ? 'cancelled' : '';
      const reason = closedReason(canceled, cellAt(out, at.paymentStatus));
      closed = reason !== null;
      if (reason !== null) closedOrders.add(reason, row);
    }
    if (closed) {
      setAt(out, at.paymentStatus, 'cancelled');
      closedOrders.addLine();
    }
    const date = cellAt(out, at.dateCreated).trim();
    setAt(out, at.dateCreated, dateAndTime(date, cellAt(out, at.time).trim()) ?? date);
    setAt(out, at.email, cellAt(out, at.email).trim().toLowerCase());
    const item = cellAt(out, at.item).trim();
    const variant = cellAt(out, at.variant).trim();
    setAt(out, at.item, variant === '' ? item : `${item} (${variant})`);
    if (cellAt(out, at.sku).trim() === '') setAt(out, at.sku, cellAt(out, at.item));
    setAt(out, at.quantity, keptQuantity(cellAt(out, at.quantity), cellAt(out, at.quantityRefunded)));
    for (const index of quoted) {
      const cell = cellAt(out, index);
      if (cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"')) setAt(out, index, cell.slice(1, -1));
    }
    return [out];
  };
}

/** The quantity less the quantity refunded; the quantity as written when either cannot be read. */
function keptQuantity(quantity: string, refunded: string): string {
  const bought = parseNumber(quantity, '.');
  const returned = parseNumber(refunded, '.');
  return bought === null || returned === null || returned <= 0 ? quantity : String(bought - returned);
}

/** "Dec 11, 2024" and "2:10:40 PM" as "2024-12-11 14:10:40"; null when the date is not written so. */
function dateAndTime(date: string, time: string): string | null {
  const monthFirst = MONTH_FIRST.exec(date);
  const dayFirst = monthFirst ? null : DAY_FIRST.exec(date);
  const [monthName, day, year] = monthFirst
    ? [monthFirst[1], monthFirst[2], monthFirst[3]]
    : dayFirst
      ? [dayFirst[2], dayFirst[1], dayFirst[3]]
      : [];
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase()) + 1;
  if (month === 0 || day === undefined || year === undefined) return null;
  const calendar = `${year}-${pad(Number(month))}-${pad(Number(day))}`;
  const clock = CLOCK.exec(time);
  if (!clock) return calendar;
  let hour = Number(clock[1]);
  const meridiem = clock[4]?.[0].toLowerCase();
  if (meridiem) hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  return `${calendar} ${pad(hour)}:${clock[2]}:${clock[3] ?? '00'}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
