import { CUSTOMER_KEY_COLUMN, customerKey } from './customer-key';
import { defineLayout, type PreparedFile } from './define-layout';
import type { RowPreparer } from './layout';
import { cellAt, fillBlank, updateAt, withAddedCells } from './layout-cells';
import { normaliseEmail } from './values';

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

export const WOOCOMMERCE_CUSTOMERS = defineLayout({
  id: 'woocommerce-customers',
  label: 'Looks like a WooCommerce customers export',
  kind: 'customers',
  columns: COLUMNS,
  recognisedBy: ['customerId', 'email', 'registered', 'billingEmail', 'phone'],
  addedColumns: [CUSTOMER_KEY_COLUMN],
  mapping: (name) => ({
    customer_id: CUSTOMER_KEY_COLUMN,
    email: name('email'),
    first_name: name('firstName') ?? name('billingFirstName'),
    last_name: name('lastName') ?? name('billingLastName'),
    phone: name('phone'),
    country: name('country'),
    signup_at: name('registered'),
  }),
  prepareRows: customerRows,
});

function customerRows(at: Record<Column, number>, { width }: PreparedFile): RowPreparer {
  // A blank account cell takes the billing one: guests and shoppers who never filled in their profile.
  const fallbacks: [Column, Column][] = [
    ['email', 'billingEmail'],
    ['firstName', 'billingFirstName'],
    ['lastName', 'billingLastName'],
  ];
  return (cells) => {
    const out = cells.slice();
    for (const [column, fallback] of fallbacks) fillBlank(out, at[column], cellAt(out, at[fallback]));
    updateAt(out, at.email, normaliseEmail);
    const billingEmail = cellAt(out, at.billingEmail).trim() || cellAt(out, at.email);
    return [withAddedCells(out, width, [customerKey(billingEmail, [cellAt(out, at.phone)])])];
  };
}
