import { BatchedInsert } from './batched-insert';
import { noTableCounts, type RowSink, type SinkContext, type TableCounts } from './sink';
import type { AcceptedRow, RowRejection } from './validate';

/** "Cart Add" and "cart-add" are the same event type as "cart_add". */
function normaliseEventType(type: string): string {
  return type
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

export class EventSink implements RowSink {
  readonly written: TableCounts = noTableCounts();
  private readonly insert: BatchedInsert;

  constructor(private readonly ctx: SinkContext) {
    this.insert = new BatchedInsert(
      ctx.db,
      'INSERT INTO events(customer_id, occurred_at, type, product_id, value, limit_value, channel, extra, import_id)',
      9,
    );
  }

  write(row: AcceptedRow): RowRejection | null {
    const v = row.values;
    this.insert.add(
      v.customer_id ?? null,
      v.occurred_at ?? null,
      normaliseEventType(String(v.type)),
      v.product_id ?? null,
      v.value ?? null,
      v.limit ?? null,
      v.channel ?? null,
      row.extra,
      this.ctx.importId,
    );
    this.written.events++;
    return null;
  }

  flush(): void {
    this.insert.flush();
  }

  finish(): void {}

  close(): void {
    this.insert.free();
  }
}
