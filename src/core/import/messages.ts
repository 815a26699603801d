import { clipText } from '../util/clip-text';
import { VALUE_LIMITS } from './field-limits';
import type { WarningKind } from './warnings';

/** The sentences an import shows about single rows and about warnings, in one place. */

export const count = (n: number) => n.toLocaleString('en');

const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** The longest column or file name a message repeats. */
const NAME_IN_MESSAGE_MAX = 80;

/**
 * Names (columns, files, sheets) in a message: the first few, each clipped, and how many more, so
 * a file with 5,000 columns gets a sentence rather than a page.
 */
export function someNames(names: readonly string[], shown = 8): string {
  const listed = names.slice(0, shown).map((name) => clipText(name, NAME_IN_MESSAGE_MAX));
  return names.length > shown ? `${listed.join(', ')} and ${count(names.length - shown)} more` : listed.join(', ');
}

export function describeWarning(kind: WarningKind, n: number, detail: string | undefined): string {
  switch (kind) {
    case 'grouped_by_customer':
      return `${plural(n, 'basket', 'baskets')}: ${detail ?? ''}`;
    case 'duplicate_rows':
      return `${plural(n, 'row is an exact copy', 'rows are exact copies')} of an earlier row, kept because a shop can sell the same item twice on one order; check the source if that is unexpected.`;
    case 'skipped_rows':
      return `${plural(n, 'row was', 'rows were')} left out${detail ? ` (${detail})` : ''}.`;
    case 'packed_rows':
      return `${plural(n, 'row lists', 'rows list')} several products in one cell: each product was read as a line of its order, so there are more lines than rows.`;
    case 'cancelled_orders':
      return `${plural(n, 'order is a cancellation', 'orders are cancellations')} (order number starting with “C”), kept and marked as cancelled.`;
    case 'cancelled_in_shop':
      return `${plural(n, 'order was', 'orders were')} cancelled, voided, refunded or never paid in the shop${detail ? ` (${detail})` : ''}: kept and marked as cancelled, so they do not count as purchases.`;
    case 'cancelled_order_lines':
      return `${plural(n, 'line belongs', 'lines belong')} to cancelled orders.`;
    case 'returns':
      return `${plural(n, 'line has', 'lines have')} a negative quantity (returns and cancellations), kept as they are${detail ? `; ${detail}` : ''}.`;
    case 'zero_price':
      return `${plural(n, 'line has', 'lines have')} a price of 0 (free items, samples or corrections).`;
    case 'negative_price':
      return `${plural(n, 'line has', 'lines have')} a negative price, usually an accounting adjustment rather than a sale.`;
    case 'not_a_product':
      return `${plural(n, 'line is', 'lines are')} for postage, fees or manual adjustments rather than products${detail ? ` (${detail})` : ''}: kept, and left out when products are compared.`;
    case 'missing_customer':
      return `${plural(n, 'line has', 'lines have')} no customer number: kept as purchases by unknown customers, which count for products but cannot be followed over time.`;
    case 'missing_product_name':
      return `${plural(n, 'line has', 'lines have')} no product description; products take their names from their other lines.`;
    case 'product_name_conflicts':
      return `${plural(n, 'product appears', 'products appear')} under more than one description; each is named by its most frequent one and keeps the others as extra information.`;
    case 'code_case_merged':
      return `${plural(n, 'product code differs', 'product codes differ')} from another only in letter case or spaces and share${n === 1 ? 's' : ''} its name: merged into ${detail ?? 'one product each'}. To keep such codes apart, undo this import and import it again with merging turned off.`;
    case 'code_case_other_name':
      return `${plural(n, 'product code differs', 'product codes differ')} from another only in letter case or spaces but not${n === 1 ? '' : ' all'} under the same name, so they are kept as separate products (${detail ?? ''}).`;
    case 'code_case_kept':
      return `${plural(n, 'product code differs', 'product codes differ')} from another only in letter case or spaces (${detail ?? ''}): kept as separate products, as you chose.`;
    case 'customer_country_conflicts':
      return `${plural(n, 'customer appears', 'customers appear')} with more than one country; each gets the country used most often.`;
    case 'order_conflicts':
      return `${plural(n, 'order has', 'orders have')} lines that disagree on the customer or the date; each order takes its first customer and its earliest date.`;
    case 'orders_over_several_days':
      return `${plural(n, 'order has', 'orders have')} lines on different days. If the order number column holds customer numbers rather than order numbers, group the lines by customer and day instead.`;
    case 'id_conflicts':
      return `${plural(n, 'number appears', 'numbers appear')} on more than one row with different values${detail ? ` (${detail})` : ''}; the last row wins.`;
    case 'invalid_email':
      return `${plural(n, 'email address does', 'email addresses do')} not look valid: kept as written, to be checked before sending.`;
    case 'renamed_columns':
      return `Some columns needed a name: ${detail ?? ''}.`;
    case 'mixed_encoding':
      return `${plural(n, 'line was', 'lines were')} not written in the same character set as the rest of the file and ${n === 1 ? 'was' : 'were'} read as Western European (Windows) text. Check accented letters and currency signs there.`;
    case 'shortened_values':
      return `${plural(n, 'value was', 'values were')} longer than the app keeps and ${n === 1 ? 'was' : 'were'} shortened (codes to ${count(VALUE_LIMITS.id)} characters, names and other text to ${count(VALUE_LIMITS.text)}, email addresses to ${count(VALUE_LIMITS.email)}, other columns to ${count(VALUE_LIMITS.extra)}).`;
  }
}

/** A lookup file's codes and names shortened to the workspace's limits. */
export const lookupShortenedText = (n: number) =>
  `${plural(n, 'code or name was', 'codes or names were')} longer than the app keeps and shortened (codes to ${count(VALUE_LIMITS.id)} characters, names to ${count(VALUE_LIMITS.text)}).`;

export const rejectText = {
  unclosedQuote: (row: number) =>
    `Row ${row} opens a quote (") that is never closed, so we cannot tell where its cells end.`,
  tooLong: (row: number) => `Row ${row} is longer than a million characters, far beyond any real row.`,
  ragged: (row: number, got: number, expected: number, otherSeparator: string | null) =>
    `Row ${row} has ${plural(got, 'cell', 'cells')}, but the file has ${count(expected)} columns.` +
    (otherSeparator ? ` It seems to separate its values with “${otherSeparator}” instead.` : ''),
  missing: (row: number, label: string, column: string) => `Row ${row} has no ${label} (column “${column}”).`,
  badDate: (row: number, value: string, column: string) =>
    `Row ${row}: “${value}” in column “${column}” is not a date we can read.`,
  badNumber: (row: number, value: string, column: string, whole: boolean) =>
    `Row ${row}: “${value}” in column “${column}” is not ${whole ? 'a whole number' : 'a number'}.`,
  badYesNo: (row: number, value: string, column: string) =>
    `Row ${row}: “${value}” in column “${column}” is not a yes or a no.`,
  alreadyThere: (row: number, noun: string, id: string) =>
    `Row ${row}: ${noun} ${id} is already in the workspace from an earlier import. Import with “update” to bring in this file's changes: what the earlier import gave and this file leaves blank is kept.`,
};
