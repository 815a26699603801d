import { loadSqlJs } from '../../src/node/node-sqljs';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import type { Database } from '../../src/core/store/sqlite';

/** Small hand-made workspaces for the behavioural analysis specs. */

export interface FixtureProduct {
  id: string;
  category?: string | null;
  family?: string | null;
  tier?: number | null;
  price?: number;
  launchedAt?: string | null;
  isProduct?: boolean;
}

export interface FixtureLine {
  product: string;
  quantity?: number;
  price?: number;
}

export interface FixtureOrder {
  id: string;
  customer: string;
  at: string;
  lines: (string | FixtureLine)[];
  status?: string | null;
  gift?: boolean;
}

export interface FixtureEvent {
  customer: string;
  at: string;
  type: string;
  product?: string | null;
  value?: number | null;
  limit?: number | null;
}

export class Fixture {
  private lineId = 0;

  private constructor(readonly db: Database) {}

  static async create(): Promise<Fixture> {
    return new Fixture(createWorkspaceDb(await loadSqlJs(), 'Fixture'));
  }

  products(...products: FixtureProduct[]): this {
    for (const p of products) {
      this.db.run(
        'INSERT INTO products(product_id, name, category, family, tier, price, launched_at, is_product) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [
          p.id,
          `Product ${p.id}`,
          p.category ?? null,
          p.family ?? null,
          p.tier ?? null,
          p.price ?? 10,
          p.launchedAt ?? null,
          p.isProduct === false ? 0 : 1,
        ],
      );
    }
    return this;
  }

  customers(...customers: { id: string; loyaltyTier?: string | null }[]): this {
    for (const c of customers)
      this.db.run('INSERT INTO customers(customer_id, loyalty_tier) VALUES (?, ?)', [c.id, c.loyaltyTier ?? null]);
    return this;
  }

  orders(...orders: FixtureOrder[]): this {
    for (const o of orders) {
      this.db.run('INSERT INTO orders(order_id, customer_id, ordered_at, is_gift, status) VALUES (?, ?, ?, ?, ?)', [
        o.id,
        o.customer,
        o.at,
        o.gift ? 1 : 0,
        o.status ?? 'completed',
      ]);
      for (const line of o.lines) {
        const { product, quantity = 1, price = 10 } = typeof line === 'string' ? { product: line } : line;
        this.db.run(
          'INSERT INTO order_lines(line_id, order_id, product_id, quantity, unit_price) VALUES (?, ?, ?, ?, ?)',
          [++this.lineId, o.id, product, quantity, price],
        );
      }
    }
    return this;
  }

  /** A return line in `orderId` reversing the first line of `product` there. */
  returnLine(orderId: string, product: string): this {
    const original = this.db.exec(
      'SELECT line_id, quantity FROM order_lines WHERE order_id = ? AND product_id = ? ORDER BY line_id LIMIT 1',
      [orderId, product],
    )[0].values[0];
    this.db.run(
      'INSERT INTO order_lines(line_id, order_id, product_id, quantity, unit_price, reverses_line) VALUES (?, ?, ?, ?, 10, ?)',
      [++this.lineId, orderId, product, -Number(original[1]), original[0]],
    );
    return this;
  }

  events(...events: FixtureEvent[]): this {
    for (const e of events) {
      this.db.run(
        'INSERT INTO events(customer_id, occurred_at, type, product_id, value, limit_value) VALUES (?, ?, ?, ?, ?, ?)',
        [e.customer, e.at, e.type, e.product ?? null, e.value ?? null, e.limit ?? null],
      );
    }
    return this;
  }
}
