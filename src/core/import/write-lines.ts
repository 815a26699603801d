import { groupedOrderId, groupingNote } from './basket-grouping';
import { BatchedInsert } from './batched-insert';
import { LatestConsent } from './latest-consent';
import { linkReturns } from './link-returns';
import { mergeCodeCase } from './merge-code-case';
import type { ResolvedMapping } from './mapping';
import { count, rejectText } from './messages';
import { isNonProductCode } from './non-products';
import { OrdersFromLines } from './orders-from-lines';
import { noTableCounts, type RowSink, type SinkContext, type TableCounts } from './sink';
import { ValueTally } from './tally';
import type { AcceptedRow, FieldValue, RowRejection } from './validate';

/**
 * Writes order lines, and from them derives what no other file gives: the orders (of a flat
 * export), and the customers and products the lines mention.
 */

const SHOWN_CODES = 12;
const text = (value: FieldValue | undefined): string | null => (typeof value === 'string' ? value : null);
const num = (value: FieldValue | undefined): number | null => (typeof value === 'number' ? value : null);

export class LineSink implements RowSink {
  readonly written: TableCounts = noTableCounts();
  private readonly flat: boolean;
  private readonly hasEmail: boolean;
  private readonly hasConsent: boolean;
  private readonly orders: OrdersFromLines;
  private readonly productNames = new ValueTally();
  private readonly customerCountries = new ValueTally();
  private readonly customerEmails = new ValueTally();
  private readonly customerConsent = new LatestConsent();
  private readonly nonProductCodes = new Set<string>();
  /** Whether each product code seen is a non-product code: a few codes recur on every line. */
  private readonly checkedCodes = new Map<string, boolean>();
  private readonly insertLine: BatchedInsert;

  constructor(
    private readonly ctx: SinkContext,
    private readonly mapping: ResolvedMapping,
    /** Why the proposal grouped lines by customer although a column looked like an order number. */
    private readonly groupingReason: string | null = null,
  ) {
    this.flat = mapping.kind === 'order_lines_flat';
    const mapped = new Set(mapping.fields.map((field) => field.spec.name));
    this.hasEmail = mapped.has('email');
    this.hasConsent = mapped.has('email_opt_in') || mapped.has('sms_opt_in');
    this.orders = new OrdersFromLines(ctx, this.written, this.flat, (mapping.groupDays ?? 1) > 1);
    this.insertLine = new BatchedInsert(
      ctx.db,
      'INSERT INTO order_lines(order_id, product_id, quantity, unit_price, discount, source_row, extra, import_id)',
      8,
    );
  }

  write(row: AcceptedRow): RowRejection | null {
    const v = row.values;
    const customerId = text(v.customer_id);
    let orderId = text(v.order_id);
    if (orderId === null) {
      const orderedAt = text(v.ordered_at);
      if (customerId === null || orderedAt === null) {
        const message = rejectText.missing(row.row, 'customer number and date', this.columnOf('customer_id'));
        return { reason: 'missing_id', message };
      }
      orderId = groupedOrderId(customerId, orderedAt, this.mapping.groupDays ?? 1);
    }
    if (!this.orders.take(orderId, row)) {
      return { reason: 'already_in_workspace', message: rejectText.alreadyThere(row.row, 'order', orderId) };
    }

    const productId = v.product_id as string;
    const quantity = num(v.quantity);
    const unitPrice = num(v.unit_price);
    this.insertLine.add(
      orderId,
      productId,
      quantity,
      unitPrice,
      num(v.discount),
      row.row,
      row.extra,
      this.ctx.importId,
    );
    this.written.orderLines++;
    this.noteWarnings(row.row, productId, quantity, unitPrice, customerId, v.product_name);

    this.productNames.add(productId, text(v.product_name));
    if (this.flat && customerId !== null) {
      this.customerCountries.add(customerId, text(v.country));
      if (this.hasEmail) this.customerEmails.add(customerId, text(v.email));
      if (this.hasConsent)
        this.customerConsent.add(customerId, text(v.ordered_at), num(v.email_opt_in), num(v.sms_opt_in));
    }
    return null;
  }

  flush(): void {
    this.orders.flush();
    this.insertLine.flush();
  }

  finish(): void {
    this.orders.finish();
    if (this.mapping.groupDays !== null) {
      this.ctx.warnings.add('grouped_by_customer', undefined, this.written.orders);
      this.ctx.warnings.detail('grouped_by_customer', groupingNote(this.mapping.groupDays, this.groupingReason));
    }
    if (this.flat) this.writeCustomers();
    const merged = mergeCodeCase(
      this.ctx.db,
      this.ctx.importId,
      this.productNames,
      this.mapping.mergeCaseVariants,
      this.ctx.warnings,
    );
    for (const code of merged.keys()) this.nonProductCodes.delete(code);
    this.writeProducts();
    const returns = this.ctx.warnings.count('returns');
    if (returns > 0) {
      const linked = linkReturns(this.ctx.db, this.ctx.importId);
      this.ctx.warnings.detail(
        'returns',
        `${count(linked)} of ${count(returns)} matched to the earlier purchase they reverse`,
      );
    }
  }

  close(): void {
    this.orders.close();
    this.insertLine.free();
  }

  private columnOf(field: 'customer_id'): string {
    return this.mapping.fields.find((f) => f.spec.name === field)?.column ?? field;
  }

  private noteWarnings(
    row: number,
    productId: string,
    quantity: number | null,
    unitPrice: number | null,
    customerId: string | null,
    productName: FieldValue | undefined,
  ): void {
    const warnings = this.ctx.warnings;
    if (quantity !== null && quantity < 0) warnings.add('returns', row);
    if (unitPrice === 0) warnings.add('zero_price', row);
    else if (unitPrice !== null && unitPrice < 0) warnings.add('negative_price', row);
    if (this.isNonProduct(productId)) {
      warnings.add('not_a_product', row);
      this.nonProductCodes.add(productId);
    }
    if (this.flat && customerId === null) warnings.add('missing_customer', row);
    if (productName === null) warnings.add('missing_product_name', row);
  }

  private isNonProduct(code: string): boolean {
    let answer = this.checkedCodes.get(code);
    if (answer === undefined) {
      answer = isNonProductCode(code);
      this.checkedCodes.set(code, answer);
    }
    return answer;
  }

  private writeCustomers(): void {
    const head = 'INSERT INTO customers(customer_id, email, country, email_opt_in, sms_opt_in, import_id)';
    const insert = new BatchedInsert(this.ctx.db, head, 6, 'ON CONFLICT(customer_id) DO NOTHING');
    try {
      const emails = new Map([...this.customerEmails.entries()].map((e) => [e.id, e.value]));
      for (const { id, value: country } of this.customerCountries.entries()) {
        const consent = this.customerConsent.of(id);
        insert.add(id, emails.get(id) ?? null, country, consent.email, consent.sms, this.ctx.importId);
      }
      insert.flush();
      this.written.customers += insert.modified;
    } finally {
      insert.free();
    }
    const conflicts = this.customerCountries.conflicts();
    if (conflicts > 0) this.ctx.warnings.add('customer_country_conflicts', undefined, conflicts);
  }

  private writeProducts(): void {
    const head = 'INSERT INTO products(product_id, name, is_product, extra, import_id)';
    const insert = new BatchedInsert(this.ctx.db, head, 5, 'ON CONFLICT(product_id) DO NOTHING');
    try {
      for (const { id, value: name, others } of this.productNames.entries()) {
        const extra = others ? JSON.stringify({ other_names: others }) : null;
        insert.add(id, name, this.isNonProduct(id) ? 0 : 1, extra, this.ctx.importId);
      }
      insert.flush();
      this.written.products += insert.modified;
    } finally {
      insert.free();
    }
    const conflicts = this.productNames.conflicts();
    if (conflicts > 0) this.ctx.warnings.add('product_name_conflicts', undefined, conflicts);
    if (this.nonProductCodes.size > 0) {
      const codes = [...this.nonProductCodes];
      const shown = codes.slice(0, SHOWN_CODES).join(', ');
      this.ctx.warnings.detail('not_a_product', codes.length > SHOWN_CODES ? `${shown} …` : shown);
    }
  }
}
