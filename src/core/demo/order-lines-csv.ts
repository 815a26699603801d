import type { Industry } from '../store/workspace-types';
import { timestamp } from './calendar';
import { customerProfile } from './customer-profile';
import { checkWholeNumber, DEFAULT_SEED, LINES_PER_CUSTOMER } from './demo-size';
import { orderId } from './ids';
import { simulateJourney } from './journey';
import { orderRateForLines } from './order-rate';
import { seasonalClock, shopModel } from './shop-models';

/**
 * A flat order-line export, the kind a shop system produces: one row per line with the order's
 * fields repeated. Same customers and shopping behaviour as the demo workspaces, any number of
 * lines, written in chunks so size never matters. Rows are grouped by customer (each customer's
 * orders in time order); cancelled orders are left out, returns appear as negative quantities.
 */

export const ORDER_LINES_CSV_COLUMNS = [
  'order_id',
  'customer_id',
  'ordered_at',
  'product_id',
  'quantity',
  'unit_price',
  'channel',
] as const;

export interface OrderLinesCsvOptions {
  seed?: number;
  /** Data lines to write, header not counted. */
  lines: number;
}

export interface OrderLinesCsvSummary {
  lines: number;
  orders: number;
  customers: number;
}

const CHUNK_SIZE = 64 * 1024;
/** Customers whose profiles set the order rate, so the rate is known before streaming starts. */
const SIZING_SAMPLE = 2_000;

/** RFC 4180: a field with a comma, quote or line break goes in quotes, its quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeOrderLinesCsv(
  industry: Industry,
  options: OrderLinesCsvOptions,
  write: (chunk: string) => void,
): OrderLinesCsvSummary {
  const model = shopModel(industry);
  const seed = checkWholeNumber('The seed', options.seed ?? DEFAULT_SEED, 0, 2 ** 32 - 1);
  const wanted = checkWholeNumber('The number of lines', options.lines, 0);
  const clock = seasonalClock(model);
  const sample = Array.from({ length: SIZING_SAMPLE }, (_, i) => customerProfile(seed, industry, clock, i));
  const rate = orderRateForLines(model, clock, seed, sample, SIZING_SAMPLE * LINES_PER_CUSTOMER);

  let chunk = ORDER_LINES_CSV_COLUMNS.map(csvField).join(',') + '\n';
  let lines = 0;
  let orders = 0;
  let customers = 0;
  while (lines < wanted) {
    const profile = customerProfile(seed, industry, clock, customers++);
    const customer = csvField(profile.id);
    for (const order of simulateJourney(model, clock, seed, profile, rate, null).orders) {
      if (order.status === 'cancelled' || lines >= wanted) continue;
      const head = `${csvField(orderId(orders++))},${customer},${timestamp(order.at)},`;
      const tail = `,${csvField(order.channel)}\n`;
      for (const line of order.lines) {
        if (!line.product.isProduct || lines >= wanted) continue;
        chunk += `${head}${csvField(line.product.id)},${line.quantity},${line.unitPrice.toFixed(2)}${tail}`;
        lines++;
        if (chunk.length >= CHUNK_SIZE) {
          write(chunk);
          chunk = '';
        }
      }
    }
  }
  if (chunk) write(chunk);
  return { lines, orders, customers };
}
