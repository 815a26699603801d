import { BatchedInsert } from './batched-insert';
import { noTableCounts, type RowSink, type SinkContext, type TableCounts } from './sink';
import { keptPart, VALUE_LIMITS } from './field-limits';
import type { AcceptedRow, RowRejection } from './validate';

/** One basket per line; its items are stored as a JSON array of names. */
export class BasketSink implements RowSink {
  readonly written: TableCounts = noTableCounts();
  private readonly insert: BatchedInsert;

  constructor(private readonly ctx: SinkContext) {
    this.insert = new BatchedInsert(ctx.db, 'INSERT INTO baskets(items, source_row, import_id)', 3);
  }

  write(row: AcceptedRow): RowRejection | null {
    const items = row.cells
      .map((cell) => cell.trim())
      .filter((item) => item !== '')
      .map((item) => keptPart(item, VALUE_LIMITS.text, row.row, this.ctx.warnings));
    this.insert.add(JSON.stringify(items), row.row, this.ctx.importId);
    this.written.baskets++;
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
