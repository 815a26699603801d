import { CUSTOMER_KEY_COLUMN, customerKey } from './customer-key';
import type { FieldName, ImportKind } from './kinds';
import { columnIndexes, columnNamer, type ExportLayout, type RowPreparer } from './layout';
import { cellAt, consentAnswer, setAt, withAddedCells, withoutTextQuote } from './layout-cells';

/**
 * Shopify's customers export (Customers → Export): one row per customer, with the default
 * address, consent to email and text messages ("yes"/"no"; exports before 2022 have one
 * "Accepts Marketing" column and name the address columns without "Default Address"), totals,
 * tags and a note, which may run over several lines. Customer ID, zips and phones are written
 * with a leading apostrophe so spreadsheets keep them as text.
 *
 * Shopify's orders export has no customer number, so a customer is known here by the same key as
 * there: the email address, lower-cased, else the phone number. A customer with neither keeps
 * Shopify's Customer ID, which no order names.
 */

const COLUMNS = {
  customerId: 'Customer ID',
  firstName: 'First Name',
  lastName: 'Last Name',
  email: 'Email',
  acceptsEmailMarketing: ['Accepts Email Marketing', 'Accepts Marketing'],
  acceptsSmsMarketing: 'Accepts SMS Marketing',
  phone: 'Phone',
  addressPhone: 'Default Address Phone',
  country: ['Default Address Country Code', 'Country Code', 'Country'],
  zip: ['Default Address Zip', 'Zip'],
  taxExempt: 'Tax Exempt',
} as const;
type Column = keyof typeof COLUMNS;

/** Written together by no other export; Shopify's customer import template has them too (without the totals). */
const RECOGNISED_BY: readonly Column[] = ['firstName', 'email', 'acceptsEmailMarketing', 'taxExempt'];

const CONSENT: readonly Column[] = ['acceptsEmailMarketing', 'acceptsSmsMarketing'];
const QUOTED_AS_TEXT: readonly Column[] = ['customerId', 'phone', 'addressPhone', 'zip'];

export const SHOPIFY_CUSTOMERS: ExportLayout = {
  id: 'shopify-customers',
  label: 'Looks like a Shopify customers export',
  kind: 'customers',
  addedColumns: [CUSTOMER_KEY_COLUMN],

  recognise(headers) {
    const at = columnIndexes(headers, COLUMNS);
    return RECOGNISED_BY.every((column) => at[column] >= 0);
  },

  columnsFor(kind: ImportKind, headers) {
    if (kind !== 'customers') return null;
    const name = columnNamer(headers, columnIndexes(headers, COLUMNS));
    const columns: Partial<Record<FieldName, string>> = {
      customer_id: CUSTOMER_KEY_COLUMN,
      email: name('email'),
      first_name: name('firstName'),
      last_name: name('lastName'),
      phone: name('phone') ?? name('addressPhone'),
      country: name('country'),
      email_opt_in: name('acceptsEmailMarketing'),
      sms_opt_in: name('acceptsSmsMarketing'),
    };
    for (const field of Object.keys(columns) as FieldName[]) if (columns[field] === undefined) delete columns[field];
    return columns;
  },

  rowPreparer(headers) {
    return customerRows(columnIndexes(headers, COLUMNS), headers.length);
  },
};

function customerRows(at: Record<Column, number>, width: number): RowPreparer {
  const present = (columns: readonly Column[]) => columns.map((column) => at[column]).filter((index) => index >= 0);
  const consent = present(CONSENT);
  const quotedAsText = present(QUOTED_AS_TEXT);
  // The phone field reads Phone: a customer who gave only an address phone gets that one.
  const phone = at.phone >= 0 ? at.phone : at.addressPhone;

  return (cells) => {
    const out = cells.slice();
    for (const index of quotedAsText) setAt(out, index, withoutTextQuote(cellAt(out, index)));
    for (const index of consent) setAt(out, index, consentAnswer(cellAt(out, index)));
    if (cellAt(out, phone).trim() === '') setAt(out, phone, cellAt(out, at.addressPhone));
    setAt(out, at.email, cellAt(out, at.email).trim().toLowerCase());
    const key = customerKey(cellAt(out, at.email), [cellAt(out, at.phone), cellAt(out, at.addressPhone)]);
    return [withAddedCells(out, width, [key || cellAt(out, at.customerId).trim()])];
  };
}
