import type { FieldName, ImportKind } from './kinds';
import { columnIndexes, columnNamer, type ExportLayout, type RowPreparer } from './layout';
import { cellAt, setAt, withAddedCells } from './layout-cells';

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

const RECOGNISED_BY: readonly Column[] = ['name', 'username', 'lastActive', 'email', 'totalSpend', 'aov'];

const KEY_COLUMN = 'Name or email';

export const WOOCOMMERCE_ANALYTICS_CUSTOMERS: ExportLayout = {
  id: 'woocommerce-analytics-customers',
  label: 'Looks like a WooCommerce Analytics customers report',
  kind: 'customers',
  addedColumns: [KEY_COLUMN],

  recognise(headers) {
    const at = columnIndexes(headers, COLUMNS);
    return RECOGNISED_BY.every((column) => at[column] >= 0);
  },

  columnsFor(kind: ImportKind, headers) {
    if (kind !== 'customers') return null;
    const name = columnNamer(headers, columnIndexes(headers, COLUMNS));
    const columns: Partial<Record<FieldName, string>> = {
      customer_id: KEY_COLUMN,
      email: name('email'),
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
  return (cells) => {
    const out = cells.slice();
    setAt(out, at.email, cellAt(out, at.email).trim().toLowerCase());
    const key = cellAt(out, at.name).trim() || cellAt(out, at.email);
    return [withAddedCells(out, width, [key])];
  };
}
