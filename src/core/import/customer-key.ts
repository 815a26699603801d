import { withoutTextQuote } from './layout-cells';

/**
 * Shop exports without a customer number (Shopify's orders export, for one) know a customer by
 * the order's email address; cash-on-delivery and till orders often carry a phone number only.
 * The key is the email address, lower-cased, else the first phone number given, written without
 * the spreadsheet quote, spaces, dashes, dots or brackets, so "+1 617-555-0123" and
 * "'+16175550123" are one customer. Every layout of one shop uses this key, so its customers
 * list and its orders name the same people.
 */

/** The column a layout adds to each row to hold the key. */
export const CUSTOMER_KEY_COLUMN = 'Email or phone';

export function normalisePhone(text: string): string {
  return withoutTextQuote(text.trim()).replace(/[\s\-.()]/g, '');
}

/** The customer's key, or '' when the row gives neither an email address nor a phone number. */
export function customerKey(email: string, phones: readonly string[]): string {
  const address = email.trim().toLowerCase();
  if (address !== '') return address;
  for (const phone of phones) {
    const key = normalisePhone(phone);
    if (key !== '') return key;
  }
  return '';
}
