import type { ProgressListener } from '../../core/util/progress';
import type { Industry } from '../store/workspace-types';
import { createWorkspaceDb } from '../store/open-workspace';
import { inTransaction, queryAll, queryValue, type Database, type SqlJsStatic, type SqlValue } from '../store/sqlite';
import { markAsDemo } from '../store/workspace-demo';
import { setWorkspaceId } from '../store/workspace-id';
import { Random, seedFrom } from '../util/random';
import { emitBehaviourEvents } from './behaviour-events';
import { DEMO_END, DEMO_START, dateOnly, timestamp } from './calendar';
import { campaignsOf } from './campaigns';
import { customerProfile, type CustomerProfile } from './customer-profile';
import { addExamplePlan } from './example-plans';
import { checkWholeNumber, DEFAULT_CUSTOMERS, DEFAULT_SEED, LINES_PER_CUSTOMER } from './demo-size';
import { orderId } from './ids';
import { simulateJourney, type DemoOrder } from './journey';
import type { LoyaltyAccount } from './loyalty';
import { orderRateForLines } from './order-rate';
import { PeopleFactory, type Person } from './people';
import { seasonalClock, shopModel } from './shop-models';
import type { DemoEvent, ShopModel } from './types';

export interface DemoOptions {
  /** The same seed always gives the same workspace. */
  seed?: number;
  customers?: number;
  /** Order lines to aim for (returns included); the result lands within a few percent. */
  orderLines?: number;
  onProgress?: ProgressListener;
}

interface CustomerRecord {
  profile: CustomerProfile;
  person: Person;
  loyalty: LoyaltyAccount;
}

interface Generated {
  customers: CustomerRecord[];
  orders: { customer: number; order: DemoOrder }[];
  events: { customer: number; event: DemoEvent }[];
}

const IMPORT_ID = 1;

/**
 * Builds a demo workspace in memory: a shop's catalog, its customers and 18 months of orders
 * and behaviour with the shop's cross-sell pattern planted in them, and an example plan made from them.
 */
export function generateDemoWorkspace(SQL: SqlJsStatic, industry: Industry, options: DemoOptions = {}): Database {
  const model = shopModel(industry);
  const seed = checkWholeNumber('The seed', options.seed ?? DEFAULT_SEED, 0, 2 ** 32 - 1);
  const customers = checkWholeNumber('The number of customers', options.customers ?? DEFAULT_CUSTOMERS, 1, 1_000_000);
  const orderLines = checkWholeNumber(
    'The number of order lines',
    options.orderLines ?? customers * LINES_PER_CUSTOMER,
    1,
    20_000_000,
  );

  const generated = generate(model, seed, customers, orderLines, options.onProgress);
  const db = createWorkspaceDb(SQL, model.workspaceName, new Date(DEMO_END));
  setWorkspaceId(db, `demo:${industry}:${seed}:${customers}:${orderLines}`);
  // sql.js keeps the database file in JavaScript memory and copies every page SQLite's own cache
  // cannot hold; with room for the whole file while filling, saving takes a third less time.
  const cacheSize = Number(queryValue(db, 'PRAGMA cache_size'));
  try {
    db.run('PRAGMA cache_size = -262144');
    inTransaction(db, () => withIndexesBuiltAfter(db, () => save(db, model, seed, generated, options.onProgress)));
    db.run(`PRAGMA cache_size = ${cacheSize}`);
    addExamplePlan(db, industry);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function generate(
  model: ShopModel,
  seed: number,
  count: number,
  orderLines: number,
  onProgress?: ProgressListener,
): Generated {
  const clock = seasonalClock(model);
  const campaigns = campaignsOf(model);
  const browsable = model.products.filter((p) => p.isProduct);
  const people = new PeopleFactory();
  const profiles = Array.from({ length: count }, (_, i) => customerProfile(seed, model.industry, clock, i));
  const rate = orderRateForLines(model, clock, seed, profiles, orderLines);
  const result: Generated = { customers: [], orders: [], events: [] };
  const report = progressReporter('Generating customers, orders and behaviour', count, onProgress);

  for (const profile of profiles) {
    const customer = profile.index;
    const emit = (event: DemoEvent) => {
      if (event.at >= DEMO_START && event.at < DEMO_END && event.at >= profile.since)
        result.events.push({ customer, event });
    };
    const { orders, loyalty } = simulateJourney(model, clock, seed, profile, rate, emit);
    const rng = new Random(seedFrom(seed, model.industry, 'behaviour', customer));
    const person = people.create(rng);
    emitBehaviourEvents({ model, clock, profile, person, orders, campaigns, browsable, rng, emit });
    for (const order of orders) result.orders.push({ customer, order });
    result.customers.push({ profile, person, loyalty });
    report(customer + 1);
  }
  // Order numbers and event ids run in time order, as in a real shop's systems.
  result.orders.sort((a, b) => a.order.at - b.order.at || a.customer - b.customer);
  result.events.sort((a, b) => a.event.at - b.event.at || a.customer - b.customer);
  return result;
}

/**
 * Bulk loading is several times faster when each secondary index is built once from the loaded
 * rows than when it is updated row by row, so the indexes are dropped and recreated from the
 * schema's own definitions, inside the caller's transaction.
 */
function withIndexesBuiltAfter(db: Database, load: () => void): void {
  const indexes = queryAll<{ name: string; sql: string }>(
    db,
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
  );
  for (const { name } of indexes) db.run(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  load();
  for (const { sql } of indexes) db.run(sql);
}

function save(db: Database, model: ShopModel, seed: number, data: Generated, onProgress?: ProgressListener): void {
  const lineCount = data.orders.reduce((sum, { order }) => sum + order.lines.length, 0);
  const counts = {
    products: model.products.length,
    customers: data.customers.length,
    orders: data.orders.length,
    order_lines: lineCount,
    events: data.events.length,
  };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const report = progressReporter('Writing the workspace', total, onProgress);
  let saved = 0;
  const stamp = timestamp(DEMO_END);
  const importReport = JSON.stringify({ generator: 'demo', industry: model.industry, seed, rows: counts });
  db.run(
    `INSERT INTO imports(import_id, file_name, kind, started_at, finished_at, rows_read, rows_imported, report)
     VALUES (?, ?, 'demo', ?, ?, ?, ?, ?)`,
    [IMPORT_ID, `demo:${model.industry}`, stamp, stamp, total, total, importReport],
  );
  markAsDemo(db, model.industry);

  const insert = (sql: string, rows: Iterable<SqlValue[]>) => {
    const statement = db.prepare(sql);
    try {
      for (const row of rows) {
        statement.bind(row);
        statement.step();
        statement.reset();
        report(++saved);
      }
    } finally {
      statement.free();
    }
  };

  insert(
    `INSERT INTO products(product_id, name, category, family, tier, price, rating, review_count, launched_at, in_stock, is_product, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    model.products.map((p) => [
      p.id,
      p.name,
      p.category,
      p.family,
      p.tier,
      p.price,
      p.rating,
      p.reviewCount,
      dateOnly(p.launchedAt),
      p.inStock ? 1 : 0,
      p.isProduct ? 1 : 0,
      IMPORT_ID,
    ]),
  );
  insert(
    `INSERT INTO customers(customer_id, email, first_name, last_name, phone, country, signup_at, loyalty_tier,
       loyalty_points, email_opt_in, sms_opt_in, birthday, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    lazily(data.customers, ({ profile, person, loyalty }) => [
      profile.id,
      person.email,
      person.firstName,
      person.lastName,
      person.phone,
      person.country,
      timestamp(profile.since),
      loyalty.tier,
      loyalty.points,
      person.emailOptIn ? 1 : 0,
      person.smsOptIn ? 1 : 0,
      person.birthday,
      IMPORT_ID,
    ]),
  );
  insert(
    `INSERT INTO orders(order_id, customer_id, ordered_at, channel, is_gift, status, import_id)
     VALUES (?, ?, ${TIMESTAMP_FROM_SECONDS}, ?, ?, ?, ?)`,
    lazily(data.orders, ({ customer, order }, i) => [
      orderId(i),
      data.customers[customer].profile.id,
      seconds(order.at),
      order.channel,
      order.gift ? 1 : 0,
      order.status,
      IMPORT_ID,
    ]),
  );
  insert(
    `INSERT INTO order_lines(line_id, order_id, product_id, quantity, unit_price, discount, reverses_line, extra, import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    orderLineRows(data),
  );
  insert(
    `INSERT INTO events(customer_id, occurred_at, type, product_id, value, limit_value, channel, extra, import_id)
     VALUES (?, ${TIMESTAMP_FROM_SECONDS}, ?, ?, ?, ?, ?, ?, ?)`,
    lazily(data.events, ({ customer, event }) => [
      data.customers[customer].profile.id,
      seconds(event.at),
      event.type,
      event.productId,
      event.value,
      event.limit,
      event.channel,
      event.extra,
      IMPORT_ID,
    ]),
  );
}

/**
 * The big tables take their timestamps as whole seconds that SQLite formats itself: passing a
 * number to sql.js is much cheaper than making and passing a string, hundreds of thousands of times.
 */
const TIMESTAMP_FROM_SECONDS = "strftime('%Y-%m-%dT%H:%M:%S', ?, 'unixepoch')";
const seconds = (ms: number) => Math.floor(ms / 1000);

/** Rows made one at a time as they are inserted, so they never pile up in memory. */
function* lazily<T>(items: readonly T[], toRow: (item: T, index: number) => SqlValue[]): Generator<SqlValue[]> {
  for (let i = 0; i < items.length; i++) yield toRow(items[i], i);
}

function* orderLineRows(data: Generated): Generator<SqlValue[]> {
  let lineId = 0;
  for (const [i, { order }] of data.orders.entries()) {
    const firstLineId = lineId + 1;
    for (const line of order.lines) {
      lineId++;
      const extra = line.returnedAt === null ? null : JSON.stringify({ returned_at: timestamp(line.returnedAt) });
      yield [
        lineId,
        orderId(i),
        line.product.id,
        line.quantity,
        line.unitPrice,
        line.discount,
        line.reverses === null ? null : firstLineId + line.reverses,
        extra,
        IMPORT_ID,
      ];
    }
  }
}

/** Reports progress about fifty times over a run, however long it is: each report may cross to another thread. */
function progressReporter(label: string, total: number, onProgress?: ProgressListener): (done: number) => void {
  if (!onProgress) return () => undefined;
  const step = Math.max(1, Math.floor(total / 50));
  onProgress({ label, done: 0, total });
  return (done) => {
    if (done % step === 0 || done === total) onProgress({ label, done, total });
  };
}
