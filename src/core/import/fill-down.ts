/**
 * Exports with one row per order line often write the order's own details (customer, date,
 * status, totals) on the order's first row only and leave them blank on the rows after it. This
 * fills those blanks from the first row. The rows of one order follow each other in such exports,
 * so only the current order is remembered: a map of every order seen would hold on to the text of
 * the whole file.
 */
export class OrderFillDown {
  private order: string | null = null;
  private first: string[] = [];

  constructor(
    private readonly orderColumn: number,
    /** The order-level columns, by index. */
    private readonly columns: readonly number[],
  ) {}

  /** Fills the blank order-level cells of a row in place; true when the row opens a new order. */
  fill(cells: string[]): boolean {
    const order = (cells[this.orderColumn] ?? '').trim();
    if (order !== this.order) {
      this.order = order;
      this.first = this.columns.map((column) => cells[column] ?? '');
      return true;
    }
    this.columns.forEach((column, i) => {
      if (column < cells.length && cells[column].trim() === '') cells[column] = this.first[i];
    });
    return false;
  }
}
