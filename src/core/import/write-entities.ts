import type { Database, SqlValue, Statement } from '../store/sqlite';
import { fingerprint } from './duplicates';
import { MERGED_EXTRA } from './extra-merge';
import type { ResolvedMapping } from './mapping';
import { rejectText } from './messages';
import { isNonProductCode } from './non-products';
import { ProductListSpellings } from './product-list-code-case';
import { noTableCounts, type RowSink, type SinkContext, type TableCounts } from './sink';
import type { AcceptedRow, RowRejection } from './validate';

/**
 * Writes a customer, product or order list: one row per id. Within the file a repeated id
 * updates the earlier row (the last one wins, and differing repeats are counted). Against the
 * workspace: append refuses ids an earlier file of the same kind already gave, but fills in
 * customers, products and orders that were only derived from order lines; update overwrites; blank
 * cells never erase a value that is already there, nor does a file lose the extra columns an earlier one wrote.
 * The customers an order list names are added (with their number only) when the workspace does not have them yet.
 */

type EntityKind = 'customers' | 'products' | 'orders';

const ENTITIES: Record<EntityKind, { id: string; counter: keyof TableCounts; noun: string }> = {
  customers: { id: 'customer_id', counter: 'customers', noun: 'customer' },
  products: { id: 'product_id', counter: 'products', noun: 'product' },
  orders: { id: 'order_id', counter: 'orders', noun: 'order' },
};

export class EntitySink implements RowSink {
  readonly written: TableCounts = noTableCounts();
  private readonly entity: (typeof ENTITIES)[EntityKind];
  private readonly upsert: Statement;
  private readonly origin: Statement;
  /** Each id written by this file, with a fingerprint of its values. */
  private readonly seen = new Map<string, number>();
  private readonly conflicting = new Set<string>();
  /** A product list's codes that another row or product writes in another letter case. */
  private readonly spellings: ProductListSpellings | null;

  constructor(
    private readonly ctx: SinkContext,
    private readonly mapping: ResolvedMapping,
    private readonly kind: EntityKind,
  ) {
    this.entity = ENTITIES[kind];
    this.spellings = kind === 'products' && mapping.mergeCaseVariants ? new ProductListSpellings(ctx.db) : null;
    const id = this.entity.id;
    const columns = mapping.fields.map((field) => field.spec.name as string);
    if (kind === 'products') columns.push('is_product');
    const updates = columns
      .filter((column) => column !== id)
      .map((column) =>
        column === 'is_product'
          ? 'is_product = excluded.is_product'
          : `${column} = coalesce(excluded.${column}, ${column})`,
      );
    this.upsert = ctx.db.prepare(
      `INSERT INTO ${kind} (${[...columns, 'extra', 'import_id'].join(', ')})
       VALUES (${[...columns, 'extra', 'import_id'].map(() => '?').join(', ')})
       ON CONFLICT(${id}) DO UPDATE SET ${[...updates, `extra = ${MERGED_EXTRA}`, 'import_id = excluded.import_id'].join(', ')}`,
    );
    this.origin = ctx.db.prepare(
      `SELECT i.kind FROM ${kind} t LEFT JOIN imports i ON i.import_id = t.import_id WHERE t.${id} = ?`,
    );
  }

  write(row: AcceptedRow): RowRejection | null {
    if (this.spellings) {
      const code = row.values.product_id as string;
      row.values.product_id = this.spellings.spellingOf(
        code,
        typeof row.values.name === 'string' ? row.values.name : null,
      );
    }
    const id = row.values[this.entity.id as keyof typeof row.values] as string;
    const values = fingerprint(JSON.stringify(row.values) + (row.extra ?? ''));
    const earlier = this.seen.get(id);
    if (earlier === undefined) {
      if (this.ctx.mode === 'append' && this.givenByAnEarlierFile(id)) {
        return { reason: 'already_in_workspace', message: rejectText.alreadyThere(row.row, this.entity.noun, id) };
      }
      this.written[this.entity.counter]++;
    } else if (earlier !== values && !this.conflicting.has(id)) {
      this.conflicting.add(id);
      this.ctx.warnings.add('id_conflicts', row.row);
      if (this.conflicting.size === 1)
        this.ctx.warnings.detail('id_conflicts', `for example ${this.entity.noun} ${id}`);
    }
    this.seen.set(id, values);

    const params: SqlValue[] = this.mapping.fields.map((field) => row.values[field.spec.name] ?? null);
    if (this.kind === 'products') params.push(isNonProductCode(id) ? 0 : 1);
    params.push(row.extra, this.ctx.importId);
    this.upsert.run(params);
    return null;
  }

  /** Each row is written at once: the next may depend on it (a repeated id, the check against the workspace). */
  flush(): void {}

  /** An order list names customers no customer file may give: they are counted as customers too. */
  finish(): void {
    this.spellings?.report(this.ctx.warnings);
    if (this.kind !== 'orders' || this.ctx.partOfSet) return;
    if (!this.mapping.fields.some((field) => field.spec.name === 'customer_id')) return;
    this.written.customers += addCustomersNamedByOrders(this.ctx.db, this.ctx.importId);
  }

  close(): void {
    this.upsert.free();
    this.origin.free();
  }

  /** The id is in the workspace from a file of this kind (or was entered without any import). */
  private givenByAnEarlierFile(id: string): boolean {
    this.origin.bind([id]);
    try {
      if (!this.origin.step()) return false;
      const kind = this.origin.get()[0];
      return kind === null || kind === this.kind;
    } finally {
      this.origin.reset();
    }
  }
}

/** Adds, by number only, the customers this import's orders name that the workspace lacks; returns how many. */
export function addCustomersNamedByOrders(db: Database, importId: number): number {
  db.run(
    `INSERT INTO customers(customer_id, import_id)
     SELECT DISTINCT customer_id, ? FROM orders WHERE import_id = ? AND customer_id IS NOT NULL
     ON CONFLICT(customer_id) DO NOTHING`,
    [importId, importId],
  );
  return db.getRowsModified();
}
