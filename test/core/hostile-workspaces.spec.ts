import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { main } from '../../src/cli/dispatch';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import type { Database } from '../../src/core/store/sqlite';
import { createEngine } from '../../src/engine/engine';
import type { EngineApi } from '../../src/shared/engine-api';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { sha256 } from '../support/temp-dir';
import {
  baseWorkspace,
  craftOlderWorkspace,
  craftWorkspace,
  EMAIL_BODY,
  forgeCachedResult,
  PLAN_NAME,
  springPlan,
} from '../support/hostile-workspaces';
import { scratchDir } from '../support/workspace-fixtures';

/**
 * Workspace files crafted to change plans, hang the app or crash it. Each is refused with a
 * message naming what the app did not put there, or opens with the bad value left out and a
 * warning saying so; the file itself is never changed.
 */

interface HostileCase {
  attack: string;
  craft: (db: Database) => void;
  /** Build the file at this older schema version instead of from the current workspace. */
  olderVersion?: number;
  /** Refused: the words the message and its detail must name, and whether a cleaned copy can be opened. */
  refused?: { names: string[]; canClean: boolean };
  /** Opens: the warning it must give. */
  warning?: RegExp;
  /** What the user then sees, through the engine the file was opened in (or refused by). */
  then?: (engine: EngineApi, bytes: Uint8Array) => Promise<void>;
}

const RECURSIVE_VIEW = 'WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x AS order_id FROM n';

async function planOf(engine: EngineApi) {
  const [summary] = await engine.plans.list();
  const plan = await engine.plans.get(summary.planId);
  if (!plan.ok) throw new Error(plan.failure.message);
  return plan.value;
}

const CASES: HostileCase[] = [
  {
    attack: 'a trigger on plans rewrites the email body of every new plan',
    craft: (db) =>
      db.run(`CREATE TRIGGER rewrite_email AFTER INSERT ON plans BEGIN
        UPDATE plans SET document = json_set(document, '$.messages.email.body', 'Pay here: evil.example')
        WHERE plan_id = NEW.plan_id; END`),
    refused: { names: ['the trigger “rewrite_email”'], canClean: true },
    then: async (engine, bytes) => {
      const cleaned = await engine.workspace.openCleaned(bytes);
      expect(cleaned.ok && cleaned.removed).toEqual(['the trigger “rewrite_email”']);
      const created = await engine.plans.create(springPlan('Autumn plan'));
      if (!created.ok) throw new Error(created.failure.message);
      const stored = await engine.plans.get(created.plan.planId);
      expect(stored.ok && stored.value.document.messages.email.body).toBe(EMAIL_BODY);
    },
  },
  {
    attack: 'a trigger on meta forges an acknowledgement whenever the workspace is renamed',
    craft: (db) =>
      db.run(`CREATE TRIGGER forge_ack AFTER UPDATE ON meta BEGIN
        INSERT OR REPLACE INTO checklist_acks VALUES ('plan-1', 'consent', 'Looks fine to me', 'Boss', '2026-01-01'); END`),
    refused: { names: ['the trigger “forge_ack”'], canClean: true },
  },
  {
    attack: 'a trigger on imports deletes the plans during the next import',
    craft: (db) => db.run('CREATE TRIGGER wipe AFTER INSERT ON imports BEGIN DELETE FROM plans; END'),
    refused: { names: ['the trigger “wipe”'], canClean: true },
  },
  {
    attack: 'a view stands where the events table was',
    craft: (db) => db.run("DROP TABLE events; CREATE VIEW events AS SELECT 'x' AS customer_id"),
    refused: { names: ['the view “events”', 'no table “events”'], canClean: true },
    then: async (engine, bytes) => {
      const cleaned = await engine.workspace.openCleaned(bytes);
      expect(cleaned.ok && cleaned.removed).toEqual(['the view “events”']);
      expect(cleaned.ok && cleaned.value.counts.events).toBe(0);
    },
  },
  {
    attack: 'a recursive view that never ends stands where the orders table was',
    craft: (db) => db.run(`DROP TABLE orders; CREATE VIEW orders AS ${RECURSIVE_VIEW}`),
    refused: { names: ['the view “orders”', 'no table “orders”'], canClean: true },
  },
  {
    attack: 'a recursive view beside the tables',
    craft: (db) => db.run(`CREATE VIEW endless AS ${RECURSIVE_VIEW}`),
    refused: { names: ['the view “endless”'], canClean: true },
  },
  {
    attack: 'an extra table',
    craft: (db) => db.run('CREATE TABLE notes(id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT UNIQUE)'),
    refused: { names: ['the table “notes”'], canClean: true },
    then: async (engine, bytes) => {
      const cleaned = await engine.workspace.openCleaned(bytes);
      expect(cleaned.ok && cleaned.removed).toEqual(['the table “notes”']);
      expect((await planOf(engine)).document.name).toBe(PLAN_NAME);
    },
  },
  {
    attack: 'an extra index',
    craft: (db) => db.run('CREATE INDEX customers_name ON customers(first_name)'),
    refused: { names: ['the index “customers_name”'], canClean: true },
  },
  {
    attack: 'a built-in index redefined under its own name',
    craft: (db) =>
      db.run("DROP INDEX orders_date; CREATE INDEX orders_date ON orders(ordered_at) WHERE channel = 'web'"),
    refused: { names: ['a changed index “orders_date”'], canClean: true },
    then: async (engine, bytes) => {
      expect((await engine.workspace.openCleaned(bytes)).ok).toBe(true);
      const again = await engine.workspace.open(await engine.workspace.toBytes());
      expect(again.ok, 'the cleaned copy holds the app’s own index').toBe(true);
    },
  },
  {
    attack: 'a built-in table with an extra column',
    craft: (db) => db.run('ALTER TABLE plans ADD COLUMN approved_by_attacker TEXT'),
    refused: { names: ['a changed table “plans”'], canClean: false },
    then: async (engine, bytes) => {
      const cleaned = await engine.workspace.openCleaned(bytes);
      expect(cleaned.ok).toBe(false);
      if (!cleaned.ok) expect(cleaned.failure.message).toContain('Ask whoever sent the file for a fresh one.');
    },
  },
  {
    attack: 'a built-in table with a column missing',
    craft: (db) => db.run('ALTER TABLE customers DROP COLUMN birthday'),
    refused: { names: ['a changed table “customers”'], canClean: false },
  },
  {
    attack: 'the current version number on the schema of an older version',
    olderVersion: 6,
    craft: (db) => db.run('PRAGMA user_version = 8'),
    refused: { names: ['a changed table “orders”'], canClean: false },
  },
  {
    attack: 'a version 3 workspace with a trigger is checked against version 3 before it is migrated',
    olderVersion: 3,
    craft: (db) => db.run("CREATE TRIGGER old_trick AFTER INSERT ON customers BEGIN UPDATE meta SET value = 'x'; END"),
    refused: { names: ['the trigger “old_trick”'], canClean: true },
    then: async (engine, bytes) => {
      const cleaned = await engine.workspace.openCleaned(bytes);
      expect(cleaned.ok && cleaned.value.schemaVersion).toBe(8);
    },
  },
  {
    attack: 'a forged cached analysis of the wrong shape',
    craft: (db) => forgeCachedResult(db, 'segments', { customers: 'all of them', recency: 'soon' }),
    warning: /A stored analysis result was not in the shape the app writes/,
    then: async (engine) => {
      const answer = await engine.analyses.run('segments', {});
      expect(answer).toMatchObject({ ok: true, fromCache: false });
      expect(answer.ok && answer.warning).toContain('worked out again');
      expect(answer.ok && answer.result.customers).toBe(0);
      const again = await engine.analyses.run('segments', {});
      expect(again.ok && again.fromCache && !again.warning).toBe(true);
    },
  },
  {
    attack: 'a plan document with fields of the wrong types',
    craft: (db) =>
      db.run(`UPDATE plans SET document = json_set(document, '$.pilot.controlShare', 'half', '$.name', 7)`),
    warning: /The plan “Spring plan” cannot be opened/,
    then: async (engine) => {
      const [summary] = await engine.plans.list();
      const plan = await engine.plans.get(summary.planId);
      expect(plan.ok).toBe(false);
      if (!plan.ok) expect(plan.failure.message).toMatch(/cannot be opened.*pilot\.controlShare/s);
    },
  },
  {
    attack: 'a plan id with a line break that would add an event to the calendar',
    craft: (db) => db.run("UPDATE plans SET plan_id = 'plan-1\r\nBEGIN:VEVENT' WHERE plan_id = 'plan-1'"),
    warning: /A stored plan was not in the shape the app writes/,
    then: async (engine) => {
      expect(await engine.plans.list()).toEqual([]);
      expect((await engine.plans.get('plan-1\r\nBEGIN:VEVENT')).ok).toBe(false);
      const created = await engine.plans.create(springPlan('Next plan'));
      expect(created.ok && created.plan.planId).toBe('plan-2');
    },
  },
  {
    attack: 'an acknowledgement of the wrong shape',
    craft: (db) => db.run("UPDATE checklist_acks SET reason = X'00FF', acknowledged_at = 20260101"),
    warning: /A checklist acknowledgement was not in the shape the app writes/,
    then: async (engine) => {
      const plan = await planOf(engine);
      const report = await engine.plans.checklist(plan.planId, plan.document);
      expect(report.acknowledged).toEqual([]);
    },
  },
  {
    attack: 'a huge workspace name',
    craft: (db) => db.run("UPDATE meta SET value = ? WHERE key = 'name'", ['Lamps '.repeat(200_000)]),
    warning: /stored name was too long/,
    then: async (engine) => expect((await engine.workspace.summary()).name).toHaveLength(201),
  },
  {
    attack: 'settings that are not JSON or fail their checks',
    craft: (db) =>
      db.run(
        `INSERT OR REPLACE INTO meta(key, value) VALUES ('exercise:fix-plan', '{not json'), ('branding:primaryColor', 'red; background: url(x)'),
           ('plan_counter', 'lots')`,
      ),
    warning: /progress of an exercise could not be read.*default branding/s,
    then: async (engine) => {
      expect((await engine.exports.branding()).primaryColor).toBe('#1f4e79');
      const created = await engine.plans.create(springPlan('Counted plan'));
      expect(created.ok && created.plan.planId).toBe('plan-2');
    },
  },
  {
    attack: 'a preset, an import record and a pilot row of the wrong shape',
    craft: (db) => {
      db.run(
        `INSERT INTO mapping_presets VALUES ('a', 'orders.csv', 'orders', '{"kind":"orders","columns":{"order_id":7}}', 'x', 'x')`,
      );
      db.run(
        "INSERT INTO imports(file_name, kind, mode, started_at, mapping) VALUES ('x.csv', 'orders', 'sideways', 'x', '{')",
      );
      db.run(
        "INSERT INTO pilot_sends(plan_id, customer_id, grp, channel, products) VALUES ('plan-1', 'C1', 'treatment', 'email', 'oops')",
      );
    },
    warning: /column choices could not be read.*import record could not be read.*pilot row could not be read/s,
    then: async (engine) => expect(await engine.imports.history()).toEqual([]),
  },
  {
    attack: 'a forged undo record that would write rows of its own on the next undo',
    craft: (db) => {
      db.run("INSERT INTO imports(import_id, file_name, kind, started_at) VALUES (1, 'orders.csv', 'orders', 'x')");
      db.run("INSERT OR REPLACE INTO meta(key, value) VALUES ('undoable_import', '1')");
      db.run("INSERT INTO import_undo VALUES (1, 'plans', 1, '{not json')");
    },
    warning: /kept to undo the last import could not be read/,
    then: async (engine) => {
      const undone = await engine.imports.undoLast();
      expect(undone.ok).toBe(false);
      if (!undone.ok) expect(undone.failure.message).toContain('cannot be undone. The workspace is unchanged.');
      expect((await engine.plans.list()).map((p) => p.name)).toEqual([PLAN_NAME]);
    },
  },
];

let base: Promise<Uint8Array> | null = null;

for (const hostile of CASES) {
  test(hostile.attack, async () => {
    const dir = scratchDir('xsell-hostile-');
    const name = `${hostile.attack.replace(/\W+/g, '-').slice(0, 60)}.xsell`;
    const file = hostile.olderVersion
      ? await craftOlderWorkspace(dir, name, hostile.olderVersion, hostile.craft)
      : await craftWorkspace(dir, name, await (base ??= baseWorkspace()), hostile.craft);
    const before = sha256(readFileSync(file));
    const engine = createEngine(await loadSqlJs());
    const opened = await engine.workspace.open(readFileSync(file));

    if (hostile.refused) {
      expect(opened.ok).toBe(false);
      if (opened.ok) return;
      expect(opened.failure.kind).toBe('foreign-objects');
      expect(opened.failure.canClean).toBe(hostile.refused.canClean);
      expect(opened.failure.message).toMatch(/(did not put there|changed outside the app).*so it was not opened/);
      for (const named of hostile.refused.names) expect(opened.failure.detail).toContain(named);
      const said: string[] = [];
      const code = await main(['info', file], { out: (t) => said.push(t), err: (t) => said.push(t) });
      expect(code).toBe(2);
      expect(said.join('\n')).toContain(hostile.refused.names[0]);
    } else {
      expect(opened.ok).toBe(true);
      if (!opened.ok) return;
      expect(opened.warnings.join('\n')).toMatch(hostile.warning!);
    }
    await hostile.then?.(engine, readFileSync(file));
    expect(sha256(readFileSync(file)), 'the file is left as it was').toBe(before);
  });
}

test('cli repair writes a copy without the trigger, and leaves the original as it was', async () => {
  const dir = scratchDir('xsell-hostile-');
  const file = await craftWorkspace(dir, 'shared.xsell', await (base ??= baseWorkspace()), (db) =>
    db.run('CREATE TRIGGER wipe AFTER INSERT ON imports BEGIN DELETE FROM plans; END'),
  );
  const before = sha256(readFileSync(file));
  const out = join(dir, 'cleaned.xsell');
  const said: string[] = [];
  const io = { out: (t: string) => said.push(t), err: (t: string) => said.push(t) };
  expect(await main(['repair', file, '--out', out], io)).toBe(0);
  expect(said.join('\n')).toContain('without the trigger “wipe”');
  expect(await main(['info', out], io)).toBe(0);
  expect(await main(['repair', file, '--out', out], io)).toBe(64);
  expect(sha256(readFileSync(file))).toBe(before);

  const changed = await craftWorkspace(dir, 'changed.xsell', await base, (db) =>
    db.run('ALTER TABLE plans ADD COLUMN extra TEXT'),
  );
  said.length = 0;
  expect(await main(['repair', changed, '--out', join(dir, 'never.xsell')], io)).toBe(2);
  expect(said.join('\n')).toContain('a changed table “plans”');
  expect(existsSync(join(dir, 'never.xsell'))).toBe(false);
});

test('a damaged page is told in a sentence, with the check output capped in the detail', async () => {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(await (base ??= baseWorkspace()));
  db.run("INSERT INTO customers(customer_id, first_name) SELECT 'C' || value, 'Name ' || value FROM json_each(?)", [
    JSON.stringify(Array.from({ length: 2000 }, (_, i) => i)),
  ]);
  const bytes = db.export();
  db.close();
  const pageSize = (bytes[16] << 8) | bytes[17];
  // Scribble over the customers' pages written last, keeping the schema, the header and the size intact.
  const from = Math.floor(bytes.length / pageSize / 2) * pageSize;
  for (let i = from; i < bytes.length; i += 13) bytes[i] = 0xa5;
  const opened = await createEngine(SQL).workspace.open(bytes);
  expect(opened.ok).toBe(false);
  if (opened.ok) return;
  expect(opened.failure.kind).toBe('damaged');
  const found = /^This workspace file is damaged: ([\d,]+) problems were found in its pages\. Open its backup/.exec(
    opened.failure.message,
  );
  expect(found, opened.failure.message).not.toBeNull();
  const problems = Number(found![1].replace(/,/g, ''));
  expect(problems).toBeGreaterThan(5);
  const lines = opened.failure.detail!.split('\n');
  expect(lines).toHaveLength(6);
  expect(lines[5]).toBe(`… and ${(problems - 5).toLocaleString('en')} more`);
});

test('every connection the app opens runs with trusted_schema off', async () => {
  const engine = createEngine(await loadSqlJs());
  const opened = await engine.workspace.open(await (base ??= baseWorkspace()));
  expect(opened.ok).toBe(true);
  const SQL = await loadSqlJs();
  const db = createWorkspaceDb(SQL, 'Check');
  expect(db.exec('PRAGMA trusted_schema')[0].values).toEqual([[0]]);
  db.close();
});
