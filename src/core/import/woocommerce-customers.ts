import { CUSTOMER_KEY_COLUMN, customerKey } from './customer-key';
import type { FieldName, ImportKind } from './kinds';
import { columnIndexes, columnNamer, type ExportLayout, type RowPreparer } from './layout';
import { cellAt, setAt, withAddedCells } from './layout-cells';

/**
 * The customers export of WooCommerce's Customer/Order/Coupon Export extension (default format):
 * customer_id (0 for guests, who are listed from their orders), first_name, last_name, email,
 * date_registered, then the billing and shipping address with billing_email and billing_phone.
 * A customer is known as in the extension's orders export: by the billing email (lower-cased),
 * else the account email, else the billing phone. The email field holds the account email.
 */

const COLUMNS = {
  customerId: 'customer_id',
  firstName: 'first_name',
  lastName: 'last_name',
  email: 'email',
  registered: 'date_registered',
  billingFirstName: 'billing_first_name',
  billingLastName: 'billing_last_name',
  billingEmail: 'billing_email',
  phone: 'billing_phone',
  country: 'billing_country',
} as const;
type Column = keyof typeof COLUMNS;

const RECOGNISED_BY: readonly Column[] = ['customerId', 'email', 'registered', 'billingEmail', 'phone'];

export const WOOCOMMERCE_CUSTOMERS: ExportLayout = {
  id: 'woocommerce-customers',
  label: 'Looks like a WooCommerce customers export',
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
      first_name: name('firstName') ?? name('billingFirstName'),
      last_name: name('lastName') ?? name('billingLastName'),
      phone: name('phone'),
      country: name('country'),
      signup_at: name('registered'),
    };
    for (const field of Object.keys(columns) as FieldName[]) if (columns[field] === undefined) delete columns[field];
    return columns;
  },

  rowPreparer(headers) {
    return customerRows(columnIndexes(headers, COLUMNS), headers.length);
  },
};

function customerRows(at: Record<Column, number>, width: number): RowPreparer {
  // A blank account cell takes the billing one: guests and shoppers who never filled in their profile.
  const fallbacks: [Column, Column][] = [
    ['email', 'billingEmail'],
    ['firstName', 'billingFirstName'],
    ['lastName', 'billingLastName'],
  ];
  return (cells) => {
    const out = cells.slice();
    for (const [column, fallback] of fallbacks)
      if (cellAt(out, at[column]).trim() === '') setAt(out, at[column], cellAt(out, at[fallback]));
    setAt(out, at.email, cellAt(out, at.email).trim().toLowerCase());
    const billingEmail = cellAt(out, at.billingEmail).trim() || cellAt(out, at.email);
    return [withAddedCells(out, width, [customerKey(billingEmail, [cellAt(out, at.phone)])])];
  };
}
