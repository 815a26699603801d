import type { Statement } from 'sql.js';
import { noTableCounts, type RowSink, type SinkContext, type TableCounts } from './sink';
import type { AcceptedRow, RowRejection } from './validate';

/** One basket per line; its items are stored as a JSON array of names. */
export class BasketSink implements RowSink {
  readonly written: TableCounts = noTableCounts();
  private readonly insert: Statement;

  constructor(private readonly ctx: SinkContext) {
    this.insert = ctx.db.prepare('INSERT INTO baskets(items, source_row, import_id) VALUES (?, ?, ?)');
  }

  write(row: AcceptedRow): RowRejection | null {
    const items = row.cells.map((cell) => cell.trim()).filter((item) => item !== '');
    this.insert.run([JSON.stringify(items), row.row, this.ctx.importId]);
    this.written.baskets++;
    return null;
  }

  finish(): void {}

  close(): void {
    this.insert.free();
  }
}
