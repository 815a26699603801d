import type { Industry } from '../store/workspace-types';
import { DAY, HOUR } from './calendar';
import {
  checkedExportOptions,
  ChunkedWriter,
  csvField,
  demoCustomerOrders,
  type DemoExportOptions,
  type DemoExportSummary,
} from './demo-order-stream';
import type { Person } from './people';
import type { DemoOrder } from './journey';
import type { OrderChannel } from './types';

/**
 * The demo shops' orders as Shopify's orders export writes them (Orders → Export, "All orders"):
 * one row per line item; the order number (#1001), email, date and line fields on every row; the
 * order's own details (statuses, totals, consent, addresses, notes) on its first row only. Dates
 * carry the shop's UTC offset, zip codes and phones are written as text with a leading apostrophe,
 * cancelled orders are voided with a Cancelled at date, orders with everything returned are
 * refunded. For trying the import on the platform's layout at any size; the same seed always gives
 * the same bytes.
 */

export const SHOPIFY_ORDER_COLUMNS = [
  'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing',
  'Currency', 'Subtotal', 'Shipping', 'Taxes', 'Total', 'Discount Code', 'Discount Amount', 'Shipping Method',
  'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem compare at price', 'Lineitem sku',
  'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name', 'Billing Street',
  'Billing Address1', 'Billing Address2', 'Billing Company', 'Billing City', 'Billing Zip', 'Billing Province',
  'Billing Country', 'Billing Phone', 'Shipping Name', 'Shipping Street', 'Shipping Address1', 'Shipping Address2',
  'Shipping Company', 'Shipping City', 'Shipping Zip', 'Shipping Province', 'Shipping Country', 'Shipping Phone',
  'Notes', 'Note Attributes', 'Cancelled at', 'Payment Method', 'Payment Reference', 'Refunded Amount', 'Vendor',
  'Outstanding Balance', 'Employee', 'Location', 'Device ID', 'Id', 'Tags', 'Risk Level', 'Source',
  'Lineitem discount', 'Tax 1 Name', 'Tax 1 Value', 'Phone', 'Receipt Number', 'Duties', 'Billing Province Name',
  'Shipping Province Name', 'Payment ID', 'Payment Terms Name', 'Next Payment Due At', 'Payment References',
] as const; // prettier-ignore
type Column = (typeof SHOPIFY_ORDER_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

export type ShopifyOrdersCsvSummary = DemoExportSummary;

/** The demo shops sell from one time zone; Shopify writes every date with the shop's offset. */
const OFFSET = '-0500';
const SOURCES: Record<OrderChannel, string> = { web: 'web', app: 'shopify_draft_order', store: 'pos' };
const SHIPPING = 4.95;
const TAX_RATE = 0.0625;

export function writeShopifyOrdersCsv(
  industry: Industry,
  options: DemoExportOptions,
  write: (chunk: string) => void,
): ShopifyOrdersCsvSummary {
  const { seed, lines: wanted } = checkedExportOptions(options);
  const out = new ChunkedWriter(write);
  out.add(`${SHOPIFY_ORDER_COLUMNS.join(',')}\n`);
  let lines = 0;
  let orders = 0;
  let customers = 0;
  for (const { person, orders: bought } of demoCustomerOrders(industry, seed)) {
    if (lines >= wanted) break;
    const before = lines;
    for (const order of bought) {
      const items = order.lines.filter((line) => line.product.isProduct && line.quantity > 0);
      if (items.length === 0 || lines >= wanted) continue;
      const name = `#${1001 + orders++}`;
      items.slice(0, wanted - lines).forEach((line, index) => {
        const row: Row = {
          Name: name,
          Email: person.email,
          'Created at': shopTime(order.at),
          'Lineitem quantity': String(line.quantity),
          'Lineitem name': line.product.name,
          'Lineitem price': money(line.unitPrice),
          'Lineitem sku': line.product.id,
          'Lineitem requires shipping': 'true',
          'Lineitem taxable': 'true',
          'Lineitem discount': money(line.discount),
          ...(index === 0 ? orderFields(order, person, orders) : {}),
        };
        out.add(`${SHOPIFY_ORDER_COLUMNS.map((column) => csvField(row[column] ?? '')).join(',')}\n`);
        lines++;
      });
    }
    if (lines > before) customers++;
  }
  out.flush();
  return { lines, orders, customers };
}

/** What Shopify writes on an order's first row only. */
function orderFields(order: DemoOrder, person: Person, sequence: number): Row {
  const goods = order.lines.filter((line) => line.product.isProduct && line.quantity > 0);
  const returned = order.lines.filter((line) => line.quantity < 0);
  const subtotal = goods.reduce((sum, line) => sum + line.unitPrice * line.quantity - line.discount, 0);
  const discount = goods.reduce((sum, line) => sum + line.discount, 0);
  const shipping = order.channel === 'store' ? 0 : SHIPPING;
  const taxes = subtotal * TAX_RATE;
  const total = subtotal + shipping + taxes;
  const refunded = -returned.reduce((sum, line) => sum + line.unitPrice * line.quantity - line.discount, 0);
  const cancelled = order.status === 'cancelled';
  const everythingBack = returned.length > 0 && returned.length === goods.length;
  const status = cancelled
    ? 'voided'
    : everythingBack
      ? 'refunded'
      : returned.length > 0
        ? 'partially_refunded'
        : 'paid';
  const paidAt = cancelled ? '' : shopTime(order.at);
  const fullName = `${person.firstName} ${person.lastName}`;
  const zip = `'0${String(2100 + (sequence % 800)).padStart(4, '0')}`;
  const phone = `'${person.phone}`;
  const address = (prefix: 'Billing' | 'Shipping'): Row => ({
    [`${prefix} Name`]: fullName,
    [`${prefix} Street`]: `${10 + (sequence % 90)} Market Street`,
    [`${prefix} Address1`]: `${10 + (sequence % 90)} Market Street`,
    [`${prefix} City`]: 'Springfield',
    [`${prefix} Zip`]: zip,
    [`${prefix} Country`]: person.country,
    [`${prefix} Phone`]: phone,
  });
  return {
    'Financial Status': status,
    'Paid at': paidAt,
    'Fulfillment Status': cancelled ? 'unfulfilled' : 'fulfilled',
    'Fulfilled at': cancelled ? '' : shopTime(order.at + 2 * DAY),
    'Accepts Marketing': person.emailOptIn ? 'yes' : 'no',
    Currency: 'USD',
    Subtotal: money(subtotal),
    Shipping: money(shipping),
    Taxes: money(taxes),
    Total: money(total),
    'Discount Amount': money(discount),
    'Shipping Method': shipping > 0 ? 'Standard Shipping' : '',
    ...address('Billing'),
    ...(order.channel === 'store' ? {} : address('Shipping')),
    Notes: order.gift ? 'Gift order.\nPlease leave the price off the packing slip.' : '',
    'Cancelled at': cancelled ? shopTime(order.at + HOUR) : '',
    'Payment Method': order.channel === 'store' ? 'Cash' : 'Shopify Payments',
    'Refunded Amount': money(Math.max(0, refunded)),
    'Outstanding Balance': '0.00',
    Id: String(5_120_000_000 + sequence),
    'Risk Level': 'Low',
    Source: SOURCES[order.channel],
    'Tax 1 Name': 'State Tax 6.25%',
    'Tax 1 Value': money(taxes),
  };
}

const money = (amount: number) => (Math.round(amount * 100) / 100).toFixed(2);

/** "2025-06-21 12:57:49 -0500": the demo's wall-clock time with the shop's offset. */
function shopTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} ${OFFSET}`;
}
