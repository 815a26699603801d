import type { Database, SqlValue, Statement } from '../store/sqlite';

/**
 * Writes rows through multi-row INSERT statements. sql.js pays a fixed price for every statement
 * it runs, several times what SQLite needs to store one row, so rows are held back and sent a
 * hundred at a time. `flush` sends the rest; a caller flushes before anything reads the table.
 */

const ROWS_PER_STATEMENT = 100;

export class BatchedInsert {
  /** Rows the statements added or changed, as SQLite counts them (an ignored conflict adds none). */
  modified = 0;
  private readonly full: Statement;
  /** The values of the rows held back, in one array that is reused for every statement. */
  private readonly pending: SqlValue[];
  private filled = 0;

  /**
   * @param head e.g. `INSERT INTO t(a, b)`
   * @param tail what follows the values, e.g. `ON CONFLICT(a) DO NOTHING`
   */
  constructor(
    private readonly db: Database,
    private readonly head: string,
    private readonly columns: number,
    private readonly tail = '',
  ) {
    this.full = db.prepare(this.sql(ROWS_PER_STATEMENT));
    this.pending = new Array<SqlValue>(ROWS_PER_STATEMENT * columns).fill(null);
  }

  /** Adds one row: exactly one value per column, in the order of the head. */
  add(...values: SqlValue[]): void {
    for (const value of values) this.pending[this.filled++] = value;
    if (this.filled === this.pending.length) this.send(this.full, this.pending);
  }

  flush(): void {
    if (this.filled === 0) return;
    const rest = this.db.prepare(this.sql(this.filled / this.columns));
    try {
      this.send(rest, this.pending.slice(0, this.filled));
    } finally {
      rest.free();
    }
  }

  free(): void {
    this.full.free();
  }

  private send(statement: Statement, values: SqlValue[]): void {
    this.filled = 0;
    statement.run(values);
    this.modified += this.db.getRowsModified();
  }

  private sql(rows: number): string {
    const row = `(${new Array<string>(this.columns).fill('?').join(', ')})`;
    return `${this.head} VALUES ${new Array<string>(rows).fill(row).join(', ')} ${this.tail}`;
  }
}
