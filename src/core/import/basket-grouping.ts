import type { FieldName } from './kinds';

/**
 * Baskets for order lines without an order number: each customer's purchases of one day (or of
 * one period of a few days) form one order. Periods run back to back from Monday 5 January 1970,
 * so a 7-day period is a week from Monday to Sunday, and every line finds its period on its own
 * (the file need not be sorted).
 */

export const GROUP_BY_CUSTOMER_DAY = 'customer-day';
/** The period lengths offered, in days. */
export const MAX_GROUP_DAYS = 7;
export const GROUP_DAY_CHOICES = Array.from({ length: MAX_GROUP_DAYS }, (_, i) => i + 1);

/** Days from the epoch to the first Monday after it, where the periods start. */
const FIRST_MONDAY = 4;
const DAY_MS = 86_400_000;

/** The choice by name, as the form lists it. */
export function groupingLabel(days: number): string {
  return days === 1 ? 'Group by customer and day' : `Group by customer and ${days} days`;
}

/** What a basket is under the choice, in one sentence. */
export function explainGrouping(days: number): string {
  return days === 1
    ? 'Each customer’s purchases on the same day form one basket: for files without an order number that name the customer and the date on every line.'
    : `Each customer’s purchases within the same ${days}-day period form one basket (periods run back to back${days === 7 ? ', Monday to Sunday' : ' from a Monday'}): for files without an order number that name the customer and the date on every line.`;
}

/**
 * How the import formed its baskets, after their count in the report ("1,234 baskets: each
 * customer's purchases on one day …"), with the reason the proposal gave when it set aside a column.
 */
export function groupingNote(days: number, reason: string | null): string {
  const what =
    days === 1 ? 'on one day' : days === 7 ? 'in one week (Monday to Sunday)' : `within one ${days}-day period`;
  return `each customer’s purchases ${what}, as ${reason ? `no column holds an order number: ${reason}` : 'the file has no order number.'}`;
}

/** The order id of a line: the customer and the first day of its period ('YYYY-MM-DD'). */
export function groupedOrderId(customerId: string, orderedAt: string, days: number): string {
  const date = orderedAt.slice(0, 10);
  if (days === 1) return `${customerId} ${date}`;
  const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
  const start = day - ((((day - FIRST_MONDAY) % days) + days) % days);
  return `${customerId} ${new Date(start * DAY_MS).toISOString().slice(0, 10)}`;
}

/**
 * Whether the proposed order-number column is really a customer number: the same value on rows
 * of different dates in the sampled rows (an order is placed on one day). Returns the reason in
 * words, with an example, or null when the column looks like an order number.
 */
export function repeatsAcrossDates(
  columns: Partial<Record<FieldName, string>>,
  headers: readonly string[],
  sampleRows: readonly string[][],
): string | null {
  const orderColumn = columns.order_id;
  const dateColumn = columns.ordered_at;
  if (orderColumn === undefined || dateColumn === undefined) return null;
  const orderIndex = headers.indexOf(orderColumn);
  const dateIndex = headers.indexOf(dateColumn);
  const datesOf = new Map<string, Set<string>>();
  for (const row of sampleRows) {
    const id = row[orderIndex]?.trim() ?? '';
    const date = row[dateIndex]?.trim().split(/[\sT]/)[0] ?? '';
    if (id === '' || date === '') continue;
    let dates = datesOf.get(id);
    if (!dates) datesOf.set(id, (dates = new Set()));
    dates.add(date);
  }
  const repeated = [...datesOf.entries()].filter(([, dates]) => dates.size >= 2);
  // A stray order that runs past midnight is not enough; a customer number spans dates again and again.
  if (repeated.length < 2 || repeated.length * 10 < datesOf.size) return null;
  const [id, dates] = repeated[0];
  const [first, second] = [...dates];
  return `“${orderColumn}” holds the same value on different dates (such as ${id} on ${first} and on ${second}), so it names a customer, not an order.`;
}

/**
 * The grouping a proposed mapping of order lines needs: by customer and day when no column holds
 * the order number, or when the one proposed repeats across dates (it then becomes the customer
 * number, unless another column holds that).
 */
export function proposeGrouping(
  columns: Partial<Record<FieldName, string>>,
  headers: readonly string[],
  sampleRows: readonly string[][],
): { columns: Partial<Record<FieldName, string>>; grouped: boolean; reason: string | null } {
  const reason = repeatsAcrossDates(columns, headers, sampleRows);
  const { order_id: orderColumn, ...rest } = columns;
  const proposed = reason ? { ...rest, customer_id: rest.customer_id ?? orderColumn } : columns;
  const grouped =
    proposed.order_id === undefined && proposed.customer_id !== undefined && proposed.ordered_at !== undefined;
  return { columns: proposed, grouped, reason };
}
