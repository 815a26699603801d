import type { Industry } from '../store/workspace-types';
import { timestamp } from './calendar';
import {
  checkedExportOptions,
  ChunkedWriter,
  csvField,
  demoCustomerOrders,
  type DemoExportOptions,
  type DemoExportSummary,
} from './demo-order-stream';
import { orderId } from './ids';

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

export type OrderLinesCsvOptions = DemoExportOptions;

export type OrderLinesCsvSummary = DemoExportSummary;

export function writeOrderLinesCsv(
  industry: Industry,
  options: OrderLinesCsvOptions,
  write: (chunk: string) => void,
): OrderLinesCsvSummary {
  const { seed, lines: wanted } = checkedExportOptions(options);
  const out = new ChunkedWriter(write);
  out.add(ORDER_LINES_CSV_COLUMNS.map(csvField).join(',') + '\n');
  let lines = 0;
  let orders = 0;
  let customers = 0;
  for (const { profile, orders: bought } of demoCustomerOrders(industry, seed)) {
    if (lines >= wanted) break;
    customers++;
    const customer = csvField(profile.id);
    for (const order of bought) {
      if (order.status === 'cancelled' || lines >= wanted) continue;
      const head = `${csvField(orderId(orders++))},${customer},${timestamp(order.at)},`;
      const tail = `,${csvField(order.channel)}\n`;
      for (const line of order.lines) {
        if (!line.product.isProduct || lines >= wanted) continue;
        out.add(`${head}${csvField(line.product.id)},${line.quantity},${line.unitPrice.toFixed(2)}${tail}`);
        lines++;
      }
    }
  }
  out.flush();
  return { lines, orders, customers };
}
