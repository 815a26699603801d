/**
 * Workspace schema, as an ordered list of migrations. Migration i takes a database at
 * user_version i to i+1; never edit a released step, append a new one.
 */

/** 'xSel': marks a SQLite file as a Cross-Sell Planner workspace (PRAGMA application_id). */
export const APPLICATION_ID = 0x7853656c;

const v1 = `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE imports (
  import_id     INTEGER PRIMARY KEY,
  file_name     TEXT NOT NULL,
  kind          TEXT NOT NULL,
  mode          TEXT NOT NULL DEFAULT 'append',
  started_at    TEXT NOT NULL,
  finished_at   TEXT,
  rows_read     INTEGER NOT NULL DEFAULT 0,
  rows_imported INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  mapping       TEXT NOT NULL DEFAULT '{}',
  report        TEXT NOT NULL DEFAULT '{}',
  undone        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE customers (
  customer_id    TEXT PRIMARY KEY,
  email          TEXT,
  first_name     TEXT,
  last_name      TEXT,
  phone          TEXT,
  country        TEXT,
  signup_at      TEXT,
  loyalty_tier   TEXT,
  loyalty_points INTEGER,
  email_opt_in   INTEGER,
  sms_opt_in     INTEGER,
  birthday       TEXT,
  extra          TEXT,
  import_id      INTEGER REFERENCES imports(import_id)
);
CREATE INDEX customers_email ON customers(email);

CREATE TABLE products (
  product_id   TEXT PRIMARY KEY,
  name         TEXT,
  category     TEXT,
  family       TEXT,
  tier         INTEGER,
  price        REAL,
  rating       REAL,
  review_count INTEGER,
  launched_at  TEXT,
  in_stock     INTEGER,
  is_product   INTEGER NOT NULL DEFAULT 1,
  extra        TEXT,
  import_id    INTEGER REFERENCES imports(import_id)
);

CREATE TABLE orders (
  order_id    TEXT PRIMARY KEY,
  customer_id TEXT,
  ordered_at  TEXT,
  channel     TEXT,
  is_gift     INTEGER,
  status      TEXT,
  extra       TEXT,
  import_id   INTEGER REFERENCES imports(import_id)
);
CREATE INDEX orders_customer ON orders(customer_id, ordered_at);
CREATE INDEX orders_date ON orders(ordered_at);

CREATE TABLE order_lines (
  line_id         INTEGER PRIMARY KEY,
  order_id        TEXT NOT NULL,
  product_id      TEXT,
  quantity        REAL,
  unit_price      REAL,
  discount        REAL,
  reverses_line   INTEGER,
  source_row      INTEGER,
  extra           TEXT,
  import_id       INTEGER REFERENCES imports(import_id)
);
CREATE INDEX order_lines_order ON order_lines(order_id);
CREATE INDEX order_lines_product ON order_lines(product_id);

CREATE TABLE events (
  event_id    INTEGER PRIMARY KEY,
  customer_id TEXT,
  occurred_at TEXT,
  type        TEXT NOT NULL,
  product_id  TEXT,
  value       REAL,
  limit_value REAL,
  channel     TEXT,
  extra       TEXT,
  import_id   INTEGER REFERENCES imports(import_id)
);
CREATE INDEX events_customer ON events(customer_id, occurred_at);
CREATE INDEX events_type ON events(type, occurred_at);

CREATE TABLE baskets (
  basket_id  INTEGER PRIMARY KEY,
  items      TEXT NOT NULL,
  source_row INTEGER,
  import_id  INTEGER REFERENCES imports(import_id)
);

CREATE TABLE plans (
  plan_id          TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'active',
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  current_revision INTEGER NOT NULL DEFAULT 0,
  document         TEXT NOT NULL
);

CREATE TABLE plan_revisions (
  plan_id  TEXT NOT NULL REFERENCES plans(plan_id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  saved_at TEXT NOT NULL,
  document TEXT NOT NULL,
  PRIMARY KEY (plan_id, revision)
);

CREATE TABLE checklist_acks (
  plan_id         TEXT NOT NULL REFERENCES plans(plan_id) ON DELETE CASCADE,
  check_id        TEXT NOT NULL,
  reason          TEXT NOT NULL,
  acknowledged_by TEXT,
  acknowledged_at TEXT NOT NULL,
  PRIMARY KEY (plan_id, check_id)
);

CREATE TABLE analysis_cache (
  cache_key    TEXT PRIMARY KEY,
  data_version INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  payload      TEXT NOT NULL
);
`;

/** Mapping presets: the column choices last used for files with the same header, keyed by it. */
const v2 = `
CREATE TABLE mapping_presets (
  header_signature TEXT PRIMARY KEY,
  name             TEXT NOT NULL,
  kind             TEXT NOT NULL,
  mapping          TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  last_used_at     TEXT NOT NULL
);
`;

/**
 * Undo of the last import: the rows it changed or deleted, as they were before (a JSON array of
 * the row's values in column order), recorded while it ran. Rows it inserted carry its import_id.
 */
const v3 = `
CREATE TABLE import_undo (
  import_id   INTEGER NOT NULL,
  table_name  TEXT NOT NULL,
  row_id      INTEGER NOT NULL,
  before_json TEXT NOT NULL
);
CREATE INDEX import_undo_import ON import_undo(import_id, table_name, row_id);
`;

/**
 * A pilot's sends as they happened: one row per send from the audience file the email or SMS tool
 * was loaded with (control rows have no send time), read back to measure the pilot against.
 */
const v4 = `
CREATE TABLE pilot_sends (
  plan_id     TEXT NOT NULL REFERENCES plans(plan_id) ON DELETE CASCADE,
  customer_id TEXT NOT NULL,
  grp         TEXT NOT NULL CHECK (grp IN ('treatment', 'control')),
  variant     TEXT,
  channel     TEXT NOT NULL,
  sent_at     TEXT,
  products    TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX pilot_sends_plan ON pilot_sends(plan_id, customer_id);
`;

/**
 * When a recipient unsubscribed, as an email tool's send log tells it (null without one, and always
 * for sends read from the audience file): the log's unsubscribes count beside those in events.
 */
const v5 = `
ALTER TABLE pilot_sends ADD COLUMN unsubscribed_at TEXT;
`;

/**
 * The pilot's draw as the audience file was exported, kept for each plan (the latest export wins):
 * an email tool's send log names only the treated customers, so the control group it is compared
 * with is the one this file held back, even after later imports change the plan's audience.
 */
const v6 = `
CREATE TABLE pilot_audiences (
  plan_id     TEXT NOT NULL REFERENCES plans(plan_id) ON DELETE CASCADE,
  customer_id TEXT NOT NULL,
  grp         TEXT NOT NULL CHECK (grp IN ('treatment', 'control')),
  variant     TEXT,
  channel     TEXT NOT NULL,
  send_time   TEXT,
  products    TEXT NOT NULL DEFAULT '[]',
  exported_at TEXT NOT NULL
);
CREATE INDEX pilot_audiences_plan ON pilot_audiences(plan_id);
`;

/** Orders without dates may still carry their place in the customer's history and the days since the one before. */
const v7 = `
ALTER TABLE orders ADD COLUMN sequence INTEGER;
ALTER TABLE orders ADD COLUMN days_since_prior REAL;
INSERT INTO customers(customer_id, import_id)
  SELECT customer_id, min(import_id) FROM orders WHERE customer_id IS NOT NULL GROUP BY customer_id
  ON CONFLICT(customer_id) DO NOTHING;
`;

/**
 * The workspace's identity, random and kept for its life (a copied file keeps it): a plan records
 * the workspace its picks were reviewed in, so a plan applied elsewhere shows it was not reviewed there.
 */
const v8 = `
INSERT OR IGNORE INTO meta(key, value) VALUES ('workspace_id', lower(hex(randomblob(16))));
`;

export const MIGRATIONS: readonly string[] = [v1, v2, v3, v4, v5, v6, v7, v8];
export const SCHEMA_VERSION = MIGRATIONS.length;
