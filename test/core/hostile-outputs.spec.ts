import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/dispatch';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { renderPlanExport, type ExportFormat } from '../../src/core/export/export-plan';
import { addAcknowledgement } from '../../src/core/plan/acknowledgements';
import { ITEM_LABEL_MAX, type PlanDocument } from '../../src/core/plan/plan-document';
import { getPlan, listPlans, savePlan } from '../../src/core/plan/plan-store';
import { RENDERED_TEXT_MAX } from '../../src/core/plan/tokens';
import type { Database } from '../../src/core/store/sqlite';
import { createEngine } from '../../src/engine/engine';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { fileSha, tempDir } from '../support/import-helpers';

/**
 * Workspaces holding crafted names, ids and texts, exported in every format: no value can add a
 * calendar event, a Markdown heading or table row, an HTML element or a spreadsheet formula, and
 * no report grows without bound. Each workspace is a file read by the export, unchanged afterwards.
 */

const NOW = new Date('2026-11-24T12:00:00Z');
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const EVIL_ID = 'plan-1\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil\r\nSUMMARY:Injected\r\nEND:VEVENT\r\nBEGIN:VEVENT';
/** Each kind of line break a text can hold, each followed by what would be markup at a line's start. */
const BREAKS = [
  '\r\n# Injected',
  '\r# Injected',
  '\n| Injected | x |',
  '\u2028- Injected',
  '\u2029> Injected',
  '\u0085## Injected',
  '\u000b1. Injected',
  '\u000c=== Injected',
];

let demoBytes: Uint8Array;
test.beforeAll(async () => {
  const db = generateDemoWorkspace(await loadSqlJs(), 'beauty', { customers: 300 });
  demoBytes = db.export();
  db.close();
});

/** The demo workspace with its example plan changed, as a file. */
async function craftedWorkspace(
  dir: string,
  craft: (db: Database, planId: string, plan: PlanDocument) => PlanDocument | void,
) {
  const db = new (await loadSqlJs()).Database(demoBytes);
  const [summary] = listPlans(db);
  const found = getPlan(db, summary.planId);
  if (!found.ok) throw new Error(found.error);
  const changed = craft(db, summary.planId, structuredClone(found.value.document));
  if (changed) {
    const saved = savePlan(db, summary.planId, changed, NOW);
    if (!saved.ok) throw new Error(saved.error);
  }
  const path = join(dir, 'crafted.xsell');
  writeFileSync(path, db.export());
  db.close();
  return path;
}

/** The file in one format, read from the workspace file as the app and the command line read it. */
async function exported(workspace: string, format: ExportFormat): Promise<string> {
  const db = new (await loadSqlJs()).Database(readFileSync(workspace));
  try {
    const [summary] = listPlans(db);
    const file = renderPlanExport(db, summary.planId, format, { now: NOW });
    if (!file.ok) throw new Error(file.error);
    return file.value.data;
  } finally {
    db.close();
  }
}

/** The pieces Excel makes of a line when it splits on `separator` and honours a quote only at a cell's start. */
const naiveCells = (line: string, separator: RegExp) => line.split(separator).map((piece) => piece.replace(/^"/, ''));
const FORMULA = /^[=+\-@]/;
const PLAIN_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)$/;

interface Case {
  name: string;
  craft: (db: Database, planId: string, plan: PlanDocument) => PlanDocument | void;
  check: (workspace: string) => Promise<void>;
}

const CASES: Case[] = [
  {
    // A plan stored under a CR/LF id is left out when read (hostile-workspaces.spec.ts): only its name gets this far.
    name: 'ICS: a plan name read from the file with CR/LF cannot add an event',
    craft(db, planId, plan) {
      // The small demo's pilot is too small for its effect: accepted, so the command line exports it.
      const accepted = addAcknowledgement(
        db,
        planId,
        { checkId: 'pilot-sample-size', reason: 'A small trial shop, accepted for this test.', by: 'Ann' },
        new Set(['pilot-sample-size']),
        NOW,
      );
      if (!accepted.ok) throw new Error(accepted.error);
      db.run('UPDATE plans SET name = ?2, document = json_set(document, ?1, ?2)', ['$.name', `Spring${EVIL_ID}`]);
      void plan;
    },
    async check(workspace) {
      const ics = await exported(workspace, 'ics');
      expect(ics.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(5);
      expect(ics.match(/^END:VEVENT\r$/gm)).toHaveLength(5);
      expect(ics).not.toMatch(/^(UID:evil|SUMMARY:Injected)/m);
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const uid of ics.replace(/\r\n /g, '').match(/^UID:.*$/gm) ?? [])
        expect(uid).toMatch(/^UID:[A-Za-z0-9-]+@cross-sell-planner$/);
    },
  },
  {
    name: 'ICS: every line break kind is written as \\n and other control characters are dropped, lines folded at 75 octets',
    craft: (_db, _id, plan) => ({ ...plan, name: `Spring ☀️${BREAKS.join('')}\u0007\u001b[2J é` }),
    async check(workspace) {
      const ics = await exported(workspace, 'ics');
      const lines = ics.split('\r\n').slice(0, -1);
      for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
      expect(lines.join('')).not.toMatch(CONTROLS);
      const unfolded = ics.replace(/\r\n /g, '');
      const summary = /^SUMMARY:Pilot starts: (.*)\r$/m.exec(unfolded)?.[1];
      expect(summary).toBe(
        'Spring ☀️\\n# Injected\\n# Injected\\n| Injected | x |\\n- Injected\\n> Injected\\n## Injected\\n1. Injected\\n=== Injected[2J é',
      );
    },
  },
  {
    name: 'Markdown: no line break kind in a name, objective or label can start a heading, table row, list or quote',
    craft(_db, _id, plan) {
      const [first] = plan.recommendations.items;
      first.recommended.label = `Serum${BREAKS.join('')}`;
      return {
        ...plan,
        name: `Spring${BREAKS.join('')}`,
        client: `Client${BREAKS.join('')}`,
        objective: `Grow repeat purchases.${BREAKS.join('')}`,
      };
    },
    async check(workspace) {
      const md = await exported(workspace, 'md');
      expect(md).not.toMatch(/[\r\u000b\u000c\u0085\u2028\u2029]/);
      expect(md).not.toMatch(/^\s*(#+|\||-|>|\d+\.|===)\s*Injected/m);
      expect(md.match(/^# /gm)).toHaveLength(1);
      expect(md).toContain('\\| Injected \\| x \\|');
    },
  },
  {
    name: 'HTML: script tags, attribute breaks, a closing style tag and control characters stay text',
    craft: (_db, _id, plan) => ({
      ...plan,
      name: '</style><script>alert(1)</script>',
      client: '" onmouseover="alert(1)',
      approver: `Ann\u0007\u001b[2J\u202e`,
      objective: '<img src=x onerror=alert(1)>\r<a href="javascript:alert(1)">x</a>',
    }),
    async check(workspace) {
      const html = await exported(workspace, 'html');
      expect(html).not.toMatch(/<script|<img|<a href|onmouseover="/i);
      expect(html.match(/<\/style>/g)).toHaveLength(1);
      expect(html).toContain('&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&quot; onmouseover=&quot;alert(1)');
      expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    },
  },
  {
    name: 'CSV: a formula after a separator of any locale cannot become a cell of its own',
    craft(_db, _id, plan) {
      const labels = [
        'Mug;=1+1',
        'Cup\t@SUM(A1:A9)',
        'Bowl|+cmd',
        'Plate, -2+3x',
        'Jar\r=HYPERLINK("x")',
        '=WEBSERVICE("x")',
      ];
      plan.recommendations.items.slice(0, labels.length).forEach((item, i) => (item.recommended.label = labels[i]));
      return plan;
    },
    async check(workspace) {
      const csv = await exported(workspace, 'evidence-csv');
      // Read as written (commas), each label comes back whole, with an apostrophe before each formula.
      const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      expect(parsed.data.slice(0, 6).map((r) => r.recommended)).toEqual([
        "Mug;'=1+1",
        "Cup\t'@SUM(A1:A9)",
        "Bowl|'+cmd",
        "Plate, '-2+3x",
        'Jar\r\'=HYPERLINK("x")',
        '\'=WEBSERVICE("x")',
      ]);
      // Excel in a semicolon (or tab, or pipe) locale splits on its own separator and sees a quote only at
      // a cell's start: no piece it could make starts a formula.
      for (const line of csv.split(/\r\n|\r/))
        for (const piece of naiveCells(line, /[,;\t|]/))
          if (!PLAIN_NUMBER.test(piece)) expect(piece, line).not.toMatch(FORMULA);
    },
  },
  {
    name: 'CSV: first names holding formulas and separators are guarded in the audience file',
    craft(db) {
      db.run(`UPDATE customers SET first_name = 'Ann;=HYPERLINK("http://evil.example")'`);
    },
    async check(workspace) {
      const csv = await exported(workspace, 'audience-csv');
      const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
      expect(rows.length).toBeGreaterThan(10);
      expect(new Set(rows.map((r) => r.first_name))).toEqual(new Set(['Ann;\'=HYPERLINK("http://evil.example")']));
      for (const line of csv.split('\r\n'))
        for (const piece of naiveCells(line, /[,;\t|]/))
          if (!PLAIN_NUMBER.test(piece)) expect(piece, line).not.toMatch(FORMULA);
    },
  },
  {
    name: 'a body of repeated tokens over 100,000-character names gives a report of bounded size that says the text was cut',
    craft(db, _id, plan) {
      db.run(
        `UPDATE products SET name = printf('%s %s', product_id, substr(replace(hex(zeroblob(50000)), '00', 'ab'), 1, 100000))`,
      );
      db.run(`UPDATE customers SET first_name = substr(replace(hex(zeroblob(50000)), '00', 'cd'), 1, 100000)`);
      const body = '{anchor_product} {recommended_product} {first_name} ';
      plan.messages.email.body = body.repeat(Math.floor(5000 / body.length));
      plan.messages.email.subject = '{anchor_product}'.repeat(12);
      return plan;
    },
    async check(workspace) {
      const html = await exported(workspace, 'html');
      const md = await exported(workspace, 'md');
      expect(html.length).toBeLessThan(1_000_000);
      expect(md.length).toBeLessThan(1_000_000);
      const message = `The email text is too long for the channel once its tokens are filled in, so it is cut at ${RENDERED_TEXT_MAX.toLocaleString('en')} characters. Use fewer tokens or a shorter text.`;
      expect(html).toContain(message);
      expect(md).toContain(message);
    },
  },
];

for (const { name, craft, check } of CASES) {
  test(name, async () => {
    const workspace = await craftedWorkspace(tempDir(), craft);
    const before = fileSha(workspace);
    await check(workspace);
    expect(fileSha(workspace)).toBe(before);
  });
}

test('a product name of 1,000 characters, approved, leaves the plan savable with the name clipped', async () => {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(demoBytes);
  const [summary] = listPlans(db);
  const found = getPlan(db, summary.planId);
  if (!found.ok) throw new Error(found.error);
  const tail = 'L'.repeat(1_000);
  db.run(`UPDATE products SET name = substr(printf('Serum %s ', product_id) || ?, 1, 1000)`, [tail]);
  const engine = createEngine(SQL);
  const opened = await engine.workspace.open(db.export());
  db.close();
  expect(opened.ok).toBe(true);

  const document = structuredClone(found.value.document);
  document.recommendations.items = [];
  const view = await engine.plans.view(summary.planId, document);
  expect(view.proposals.length).toBeGreaterThan(0);
  document.recommendations.items = view.proposals.map((p) => ({ ...p, decision: 'approved' }));

  const saved = await engine.plans.save(summary.planId, document, found.value.revision);
  expect(saved.ok).toBe(true);
  const labels = document.recommendations.items.map((i) => i.recommended.label);
  expect(labels.every((label) => label.length === ITEM_LABEL_MAX && label.endsWith('…'))).toBe(true);
  // A product picked by hand is named the same way.
  const id = view.proposals[0].recommended.id;
  const manual = await engine.plans.manualRecommendation(null, id);
  expect(manual.ok && manual.value.recommended.label).toBe(`${`Serum ${id} ${tail}`.slice(0, ITEM_LABEL_MAX - 1)}…`);
  await engine.workspace.close();
});

test('command line: the calendar of a plan read with a CR/LF name writes five events and prints nothing raw', async () => {
  const dir = tempDir();
  const workspace = await craftedWorkspace(dir, CASES[0].craft);
  const before = fileSha(workspace);
  let out = '';
  const code = await main(
    [
      'export',
      '--workspace',
      workspace,
      '--plan',
      `Spring${EVIL_ID}`,
      '--format',
      'ics',
      '--out',
      join(dir, 'pilot.ics'),
    ],
    { out: (t) => (out += t), err: (t) => (out += t) },
  );
  expect(out).not.toMatch(CONTROLS);
  expect(code, out).toBe(0);
  expect(readFileSync(join(dir, 'pilot.ics'), 'utf8').match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(5);
  expect(fileSha(workspace)).toBe(before);
});
