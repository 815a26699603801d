import { defineLayout, type PreparedFile } from './define-layout';
import type { RowPreparer } from './layout';
import { cellAt, updateAt, withAddedCells } from './layout-cells';
import { normaliseEmail } from './values';

/**
 * WooCommerce's own customers report (Analytics → Customers → Download): Name, Username, Last
 * active, Sign up (or Date registered, as the screen names it), Email, Orders, Total spend, AOV,
 * Country / Region, City, Region, Postal code. The Analytics orders report names customers only
 * by name, so a customer is known by name here too, and the two reports link; a customer without
 * a name is known by the email address.
 */

const COLUMNS = {
  name: 'Name',
  username: 'Username',
  lastActive: 'Last active',
  registered: ['Sign Up', 'Date registered'],
  email: 'Email',
  orders: 'Orders',
  totalSpend: 'Total spend',
  aov: 'AOV',
  country: 'Country / Region',
} as const;
type Column = keyof typeof COLUMNS;

const KEY_COLUMN = 'Name or email';

export const WOOCOMMERCE_ANALYTICS_CUSTOMERS = defineLayout({
  id: 'woocommerce-analytics-customers',
  label: 'Looks like a WooCommerce Analytics customers report',
  kind: 'customers',
  columns: COLUMNS,
  recognisedBy: ['name', 'username', 'lastActive', 'email', 'totalSpend', 'aov'],
  addedColumns: [KEY_COLUMN],
  mapping: (name) => ({
    customer_id: KEY_COLUMN,
    email: name('email'),
    country: name('country'),
    signup_at: name('registered'),
  }),
  prepareRows: customerRows,
});

function customerRows(at: Record<Column, number>, { width }: PreparedFile): RowPreparer {
  return (cells) => {
    const out = cells.slice();
    updateAt(out, at.email, normaliseEmail);
    const key = cellAt(out, at.name).trim() || cellAt(out, at.email);
    return [withAddedCells(out, width, [key])];
  };
}
