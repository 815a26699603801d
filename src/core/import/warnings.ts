/**
 * Things worth knowing about imported data that do not stop a row from being imported, counted
 * by kind, each with the first few row numbers as examples.
 */

export const WARNING_KINDS = [
  'grouped_by_customer',
  'duplicate_rows',
  'skipped_rows',
  'packed_rows',
  'cancelled_orders',
  'cancelled_in_shop',
  'cancelled_order_lines',
  'returns',
  'zero_price',
  'negative_price',
  'not_a_product',
  'missing_customer',
  'missing_product_name',
  'product_name_conflicts',
  'code_case_merged',
  'code_case_other_name',
  'code_case_kept',
  'customer_country_conflicts',
  'order_conflicts',
  'orders_over_several_days',
  'id_conflicts',
  'invalid_email',
  'renamed_columns',
  'mixed_encoding',
  'shortened_values',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export interface ImportWarning {
  kind: WarningKind;
  count: number;
  message: string;
  /** Row numbers of the first few rows concerned (empty when the warning is about ids, not rows). */
  exampleRows: number[];
}

const EXAMPLES_KEPT = 5;

export class WarningTally {
  private readonly counts = new Map<WarningKind, number>();
  private readonly examples = new Map<WarningKind, number[]>();
  private readonly details = new Map<WarningKind, string>();

  add(kind: WarningKind, row?: number, count = 1): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + count);
    if (row === undefined) return;
    const rows = this.examples.get(kind);
    if (!rows) this.examples.set(kind, [row]);
    else if (rows.length < EXAMPLES_KEPT) rows.push(row);
  }

  /** Words that make the message concrete (e.g. which codes were not products). */
  detail(kind: WarningKind, text: string): void {
    this.details.set(kind, text);
  }

  count(kind: WarningKind): number {
    return this.counts.get(kind) ?? 0;
  }

  counted(): Partial<Record<WarningKind, number>> {
    return Object.fromEntries(WARNING_KINDS.filter((k) => this.counts.has(k)).map((k) => [k, this.count(k)]));
  }

  list(describe: (kind: WarningKind, count: number, detail: string | undefined) => string): ImportWarning[] {
    return WARNING_KINDS.filter((kind) => this.counts.has(kind)).map((kind) => ({
      kind,
      count: this.count(kind),
      message: describe(kind, this.count(kind), this.details.get(kind)),
      exampleRows: this.examples.get(kind) ?? [],
    }));
  }
}
