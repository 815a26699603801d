import { CUSTOMER_KEY_COLUMN, customerKey } from './customer-key';
import { defineLayout, presentColumns, type PreparedFile } from './define-layout';
import type { RowPreparer } from './layout';
import { cellAt, consentAnswer, fillBlank, updateAt, withAddedCells, withoutTextQuote } from './layout-cells';
import { normaliseEmail } from './values';

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

const CONSENT: readonly Column[] = ['acceptsEmailMarketing', 'acceptsSmsMarketing'];
const QUOTED_AS_TEXT: readonly Column[] = ['customerId', 'phone', 'addressPhone', 'zip'];

export const SHOPIFY_CUSTOMERS = defineLayout({
  id: 'shopify-customers',
  label: 'Looks like a Shopify customers export',
  kind: 'customers',
  columns: COLUMNS,
  // Shopify's customer import template has them too (without the totals).
  recognisedBy: ['firstName', 'email', 'acceptsEmailMarketing', 'taxExempt'],
  addedColumns: [CUSTOMER_KEY_COLUMN],
  mapping: (name) => ({
    customer_id: CUSTOMER_KEY_COLUMN,
    email: name('email'),
    first_name: name('firstName'),
    last_name: name('lastName'),
    phone: name('phone') ?? name('addressPhone'),
    country: name('country'),
    email_opt_in: name('acceptsEmailMarketing'),
    sms_opt_in: name('acceptsSmsMarketing'),
  }),
  prepareRows: customerRows,
});

function customerRows(at: Record<Column, number>, { width }: PreparedFile): RowPreparer {
  const consent = presentColumns(at, CONSENT);
  const quotedAsText = presentColumns(at, QUOTED_AS_TEXT);
  // The phone field reads Phone: a customer who gave only an address phone gets that one.
  const phone = at.phone >= 0 ? at.phone : at.addressPhone;

  return (cells) => {
    const out = cells.slice();
    for (const index of quotedAsText) updateAt(out, index, withoutTextQuote);
    for (const index of consent) updateAt(out, index, consentAnswer);
    fillBlank(out, phone, cellAt(out, at.addressPhone));
    updateAt(out, at.email, normaliseEmail);
    const key = customerKey(cellAt(out, at.email), [cellAt(out, at.phone), cellAt(out, at.addressPhone)]);
    return [withAddedCells(out, width, [key || cellAt(out, at.customerId).trim()])];
  };
}
