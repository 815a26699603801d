/**
 * What an import file can hold, and the canonical columns of each kind (the workspace data model).
 */

export const IMPORT_KINDS = [
  'customers',
  'products',
  'orders',
  'order_lines',
  'order_lines_flat',
  'events',
  'baskets',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/** How a kind is named in messages. */
export const KIND_LABELS: Record<ImportKind, string> = {
  customers: 'a customer list',
  products: 'a product list',
  orders: 'a list of orders',
  order_lines: 'order lines',
  order_lines_flat: 'order lines with the order details on each line',
  events: 'customer events (views, clicks, support cases …)',
  baskets: 'baskets (one purchase per line, items separated by commas)',
};

export type ValueType = 'id' | 'text' | 'email' | 'datetime' | 'date' | 'number' | 'integer' | 'yes_no';

export const FIELD_NAMES = [
  'customer_id',
  'email',
  'first_name',
  'last_name',
  'phone',
  'country',
  'signup_at',
  'loyalty_tier',
  'loyalty_points',
  'email_opt_in',
  'sms_opt_in',
  'birthday',
  'product_id',
  'name',
  'product_name',
  'category',
  'family',
  'tier',
  'price',
  'rating',
  'review_count',
  'launched_at',
  'in_stock',
  'order_id',
  'ordered_at',
  'quantity',
  'unit_price',
  'discount',
  'channel',
  'is_gift',
  'status',
  'sequence',
  'days_since_prior',
  'occurred_at',
  'type',
  'value',
  'limit',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export interface FieldSpec {
  name: FieldName;
  type: ValueType;
  /** A row without a value here is rejected. */
  required?: boolean;
  /** How the field is named in messages. */
  label: string;
}

const f = (name: FieldName, type: ValueType, label: string, required = false): FieldSpec =>
  required ? { name, type, label, required } : { name, type, label };

const customerFields: FieldSpec[] = [
  f('customer_id', 'id', 'customer number', true),
  f('email', 'email', 'email address'),
  f('first_name', 'text', 'first name'),
  f('last_name', 'text', 'last name'),
  f('phone', 'text', 'phone number'),
  f('country', 'text', 'country'),
  f('signup_at', 'datetime', 'sign-up date'),
  f('loyalty_tier', 'text', 'loyalty tier'),
  f('loyalty_points', 'integer', 'loyalty points'),
  f('email_opt_in', 'yes_no', 'email consent'),
  f('sms_opt_in', 'yes_no', 'SMS consent'),
  f('birthday', 'date', 'birthday'),
];

const productFields: FieldSpec[] = [
  f('product_id', 'id', 'product code', true),
  f('name', 'text', 'product name'),
  f('category', 'text', 'category'),
  f('family', 'text', 'product family'),
  f('tier', 'integer', 'ladder tier'),
  f('price', 'number', 'price'),
  f('rating', 'number', 'rating'),
  f('review_count', 'integer', 'number of reviews'),
  f('launched_at', 'datetime', 'launch date'),
  f('in_stock', 'yes_no', 'in stock'),
];

const orderFields: FieldSpec[] = [
  f('order_id', 'id', 'order number', true),
  f('customer_id', 'id', 'customer number'),
  f('ordered_at', 'datetime', 'order date'),
  f('channel', 'text', 'sales channel'),
  f('is_gift', 'yes_no', 'gift'),
  f('status', 'text', 'order status'),
  f('sequence', 'integer', 'customer’s order count (1 for their first order)'),
  f('days_since_prior', 'number', 'days since the customer’s previous order'),
];

const lineFields: FieldSpec[] = [
  f('order_id', 'id', 'order number', true),
  f('product_id', 'id', 'product code', true),
  f('product_name', 'text', 'product description'),
  f('quantity', 'number', 'quantity'),
  f('unit_price', 'number', 'unit price'),
  f('discount', 'number', 'discount'),
];

/**
 * A flat export repeats the order (and customer) details on every line. The order number may be
 * missing when customer and date are given: each customer's purchases of one day then form an order.
 * The customer's consent, when given, is the answer on their latest order.
 */
const flatLineFields: FieldSpec[] = [
  ...lineFields,
  f('customer_id', 'id', 'customer number'),
  f('ordered_at', 'datetime', 'order date'),
  f('channel', 'text', 'sales channel'),
  f('is_gift', 'yes_no', 'gift'),
  f('status', 'text', 'order status'),
  f('country', 'text', 'country'),
  f('email', 'email', 'email address'),
  f('email_opt_in', 'yes_no', 'email consent'),
  f('sms_opt_in', 'yes_no', 'SMS consent'),
];

const eventFields: FieldSpec[] = [
  f('customer_id', 'id', 'customer number', true),
  f('occurred_at', 'datetime', 'date and time', true),
  f('type', 'text', 'event type', true),
  f('product_id', 'id', 'product code'),
  f('value', 'number', 'value'),
  f('limit', 'number', 'limit'),
  f('channel', 'text', 'channel'),
];

export const KIND_FIELDS: Record<ImportKind, readonly FieldSpec[]> = {
  customers: customerFields,
  products: productFields,
  orders: orderFields,
  order_lines: lineFields,
  order_lines_flat: flatLineFields,
  events: eventFields,
  // A basket line is a list of items, not columns.
  baskets: [],
};
