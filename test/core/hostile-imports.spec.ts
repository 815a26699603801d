import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/dispatch';
import { cli, fileSha, openFile, rows, tempDir, value, workspaceWithData } from '../support/import-helpers';
import {
  hugeLookupSet,
  hugeNameCsv,
  longBasketItemCsv,
  longIdAndExtraCsv,
  longNamesCsv,
  overlongLineCsv,
  wideHeaderCsv,
} from '../support/hostile-files';

/**
 * Crafted CSV files and plan documents from elsewhere: each is imported (or applied) and must give
 * its safe result, and the file itself must be left byte for byte as it was.
 */

const hostile = (name: string) => fileURLToPath(new URL(`../fixtures/hostile/${name}`, import.meta.url));
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

interface Case {
  name: string;
  /** The hostile file: a fixture, or one written into the test's folder. */
  file: (dir: string) => string;
  check: (file: string, dir: string) => Promise<void>;
}

async function importProducts(file: string, dir: string, ...args: string[]) {
  const workspace = join(dir, 'shop.xsell');
  const run = await cli(file, '--workspace', workspace, ...args);
  return { run, workspace };
}

async function productNames(workspace: string): Promise<Record<string, string>> {
  const db = await openFile(workspace);
  try {
    const found = rows<{ product_id: string; name: string }>(db, 'SELECT product_id, name FROM products');
    return Object.fromEntries(found.map((p) => [p.product_id, p.name]));
  } finally {
    db.close();
  }
}

async function cliRun(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const CSV_CASES: Case[] = [
  {
    name: 'formula injection: names are kept as written, and the rejected-rows file guards each formula',
    file: () => hostile('imports/formula-cells.csv'),
    async check(file, dir) {
      const rejectedOut = join(dir, 'rejected.csv');
      const { run, workspace } = await importProducts(file, dir, '--json', '--rejected-out', rejectedOut);
      expect(run.json).toMatchObject({ rowsImported: 5, rowsRejected: 1 });
      expect(await productNames(workspace)).toMatchObject({
        P1: '=HYPERLINK("http://evil.example","Click")',
        P4: 'Mug;=1+1',
        P5: 'Cup\t=2*3',
      });
      const rejected = readFileSync(rejectedOut, 'utf8');
      expect(rejected).toContain(`,P6,Teapot,"'=cmd|' /C calc'!A0"\r\n`);
      expect(rejected).not.toMatch(/(^|[,;\t|])=cmd/m);
    },
  },
  {
    name: 'terminal escapes in a name and a price never reach the terminal',
    file: () => hostile('imports/terminal-escapes.csv'),
    async check(file, dir) {
      const { run, workspace } = await importProducts(file, dir);
      expect(run.code).toBe(0);
      expect(run.out).toContain('2 rows read: 1 imported, 1 rejected');
      expect(run.out + run.err).not.toMatch(TERMINAL_CONTROLS);
      // The data keeps what the file held; only what is printed is cleaned.
      expect((await productNames(workspace)).P1).toBe('\u001b[2JMug');
      const json = await importProducts(file, tempDir(), '--json');
      expect(json.run.out).not.toMatch(TERMINAL_CONTROLS);
      expect(json.run.json.rowsImported).toBe(1);
    },
  },
  {
    name: 'line breaks of every kind inside quoted names stay inside the name (a lone CR read as a line feed)',
    file: () => hostile('imports/line-breaks-in-names.csv'),
    async check(file, dir) {
      const { run, workspace } = await importProducts(file, dir, '--json');
      expect(run.json).toMatchObject({ rowsRead: 4, rowsImported: 4 });
      expect(await productNames(workspace)).toEqual({
        P1: 'Mug\n# Heading',
        P2: 'Cup\u2028- item',
        P3: 'Bowl\u0085| a | b |',
        P4: 'Plate\u000b> quote',
      });
    },
  },
  {
    name: 'a file with carriage returns alone as line ends reads as three rows',
    file: () => hostile('imports/cr-only-lines.csv'),
    async check(file, dir) {
      const { run, workspace } = await importProducts(file, dir, '--json');
      expect(run.json).toMatchObject({ rowsRead: 3, rowsImported: 3 });
      expect(await productNames(workspace)).toEqual({ P1: 'Mug', P2: 'Cup', P3: 'Bowl' });
    },
  },
  {
    name: 'bidirectional overrides are kept in the data and dropped from what the terminal shows',
    file: () => hostile('imports/bidi-overrides.csv'),
    async check(file, dir) {
      const { run, workspace } = await importProducts(file, dir);
      expect(run.out).toContain('3 rows read: 2 imported, 1 rejected');
      expect(run.out + run.err).not.toMatch(TERMINAL_CONTROLS);
      expect((await productNames(workspace)).P1).toBe('Invoice \u202efdp.exe');
    },
  },
  {
    name: 'NUL bytes: refused as binary, the workspace untouched',
    file: () => hostile('imports/nul-bytes.csv'),
    async check(file, dir) {
      const workspace = await workspaceWithData(dir);
      const before = fileSha(workspace);
      const run = await cli(file, '--workspace', workspace, '--json');
      expect(run.code).toBe(1);
      expect(run.json.error?.code).toBe('not_text');
      expect(fileSha(workspace)).toBe(before);
    },
  },
  {
    name: 'UTF-16 with a byte order mark reads its accents and currency signs',
    file: () => hostile('imports/utf16-bom.csv'),
    async check(file, dir) {
      const { run, workspace } = await importProducts(file, dir, '--json');
      expect(run.json).toMatchObject({ encoding: 'utf-16le', rowsImported: 2 });
      expect(await productNames(workspace)).toEqual({ P1: 'Mug café', P2: 'Cup €' });
    },
  },
  {
    name: 'a 100,000-character name is shortened to 500 and counted',
    file: hugeNameCsv,
    async check(file, dir) {
      const { run, workspace } = await importProducts(file, dir, '--json');
      expect(run.json).toMatchObject({ rowsImported: 2, warnings: { shortened_values: 1 } });
      expect(run.json.notes).toEqual([
        '1 value was longer than the app keeps and was shortened (codes to 200 characters, names and other text to 500, email addresses to 320, other columns to 2,000).',
      ]);
      expect((await productNames(workspace)).P2).toBe('N'.repeat(500));
    },
  },
  {
    name: '412 names over the limit are each shortened and counted in the report',
    file: (dir) => longNamesCsv(dir, 412),
    async check(file, dir) {
      const { run, workspace } = await importProducts(file, dir);
      expect(run.code).toBe(0);
      expect(run.out).toContain('412 rows read: 412 imported, 0 rejected');
      expect(run.out).toContain('- 412 values were longer than the app keeps and were shortened');
      const db = await openFile(workspace);
      expect(value(db, 'SELECT max(length(name)) FROM products')).toBe(500);
      db.close();
    },
  },
  {
    name: 'a 300-character code and a 3,000-character extra column are shortened to 200 and 2,000',
    file: longIdAndExtraCsv,
    async check(file, dir) {
      const { run, workspace } = await importProducts(file, dir, '--json');
      expect(run.json).toMatchObject({ rowsImported: 1, warnings: { shortened_values: 2 } });
      const db = await openFile(workspace);
      const [product] = rows<{ product_id: string; extra: string }>(db, 'SELECT product_id, extra FROM products');
      db.close();
      expect(product.product_id).toBe('C'.repeat(200));
      expect(JSON.parse(product.extra)).toEqual({ notes: 'n'.repeat(2_000) });
    },
  },
  {
    name: 'a lookup file of a set with a 1,000-character name: shortened to 500 and counted for that file',
    file: hugeLookupSet,
    async check(file, dir) {
      const workspace = join(dir, 'shop.xsell');
      const run = await cli(join(dir, 'products.csv'), file, '--workspace', workspace);
      expect(run.code).toBe(0);
      expect(run.out).toContain(
        'aisles.csv: names for the categories (aisle_id → aisle): 2 names, 2 products labelled. 1 code or name was longer than the app keeps and shortened (codes to 200 characters, names to 500).',
      );
      const db = await openFile(workspace);
      expect(rows(db, 'SELECT product_id, length(category) AS n FROM products ORDER BY product_id')).toEqual([
        { product_id: '196', n: 500 },
        { product_id: '197', n: 11 },
      ]);
      db.close();
    },
  },
  {
    name: 'a basket item of 1,000 characters is shortened to 500 and counted',
    file: longBasketItemCsv,
    async check(file, dir) {
      const { run, workspace } = await importProducts(file, dir, '--as', 'baskets', '--json');
      expect(run.json).toMatchObject({ rowsImported: 2, baskets: 2, warnings: { shortened_values: 1 } });
      const db = await openFile(workspace);
      const items = rows<{ items: string }>(db, 'SELECT items FROM baskets ORDER BY source_row');
      db.close();
      expect(items.map((b) => JSON.parse(b.items))).toEqual([
        ['bread', 'milk', 'E'.repeat(500)],
        ['eggs', 'jam'],
      ]);
    },
  },
  {
    name: '5,000 unknown columns: the message names eight and counts the rest',
    file: wideHeaderCsv,
    async check(file, dir) {
      const { run } = await importProducts(file, dir, '--json');
      expect(run.code).toBe(1);
      const detail = run.json.error?.detail ?? '';
      expect(detail).toBe(
        'Its columns are: Column name 0, Column name 1, Column name 2, Column name 3, Column name 4, Column name 5, Column name 6, Column name 7 and 4,992 more.',
      );
    },
  },
  {
    name: 'a line of over a million characters is rejected with its row number, the rows around it kept',
    file: overlongLineCsv,
    async check(file, dir) {
      const { run, workspace } = await importProducts(file, dir, '--json');
      expect(run.json).toMatchObject({ rowsImported: 2, rowsRejected: 1, rejected: { row_too_long: 1 } });
      expect(Object.keys(await productNames(workspace)).sort()).toEqual(['P1', 'P3']);
    },
  },
];

const PLAN_CASES: Case[] = [
  {
    name: 'plan document with CR/LF in its name and ids: applied, the unknown picks taken out',
    file: () => hostile('plans/crlf-ids.plan.json'),
    async check(file, dir) {
      const workspace = await workspaceWithData(dir);
      const run = await cliRun('plan', '--workspace', workspace, '--from', file, '--json');
      expect(run.code).toBe(0);
      const printed = JSON.parse(run.out) as { action: string; name: string; notes: string[] };
      expect(printed.action).toBe('created');
      expect(printed.name).toBe('Spring\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\r\nEND:VEVENT');
      expect(printed.notes[1]).toMatch(
        /^1 recommendation names products this workspace does not have .* it was taken out/s,
      );
    },
  },
  {
    name: 'plan document with wrong types: refused, naming the fields, the workspace untouched',
    file: () => hostile('plans/wrong-types.plan.json'),
    async check(file, dir) {
      const workspace = await workspaceWithData(dir);
      const before = fileSha(workspace);
      const run = await cliRun('plan', '--workspace', workspace, '--from', file);
      expect(run.code).toBe(1);
      expect(run.err).toContain('This plan document has 3 problems');
      expect(fileSha(workspace)).toBe(before);
    },
  },
  {
    name: 'plan document with a 100,000-character name: refused in a short message that does not repeat it',
    file: (dir) => {
      const path = join(dir, 'huge.plan.json');
      const document = JSON.parse(readFileSync(hostile('plans/wrong-types.plan.json'), 'utf8'));
      writeJson(path, { ...document, name: 'Z'.repeat(100_000), pilot: { ...document.pilot, durationDays: 30 } });
      return path;
    },
    async check(file, dir) {
      const workspace = await workspaceWithData(dir);
      const before = fileSha(workspace);
      const run = await cliRun('plan', '--workspace', workspace, '--from', file);
      expect(run.code).toBe(1);
      expect(run.err.length).toBeLessThan(2_000);
      expect(fileSha(workspace)).toBe(before);
    },
  },
  {
    name: 'plan document with __proto__ keys: refused, and no object anywhere gains their fields',
    file: () => hostile('plans/proto-keys.plan.json'),
    async check(file, dir) {
      const workspace = await workspaceWithData(dir);
      const before = fileSha(workspace);
      const run = await cliRun('plan', '--workspace', workspace, '--from', file);
      expect(run.code).toBe(1);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(fileSha(workspace)).toBe(before);
    },
  },
  {
    name: 'plan name with a window-title escape and a bidi override: saved, printed clean',
    file: () => hostile('plans/terminal-name.plan.json'),
    async check(file, dir) {
      const workspace = await workspaceWithData(dir);
      const created = await cliRun('plan', '--workspace', workspace, '--from', file);
      expect(created.code).toBe(0);
      const list = await cliRun('plan', '--workspace', workspace, '--list');
      expect(list.out).toContain('Spring enilno');
      expect(list.out + created.out).not.toMatch(TERMINAL_CONTROLS);
      const json = await cliRun('plan', '--workspace', workspace, '--list', '--json');
      expect(json.out).not.toMatch(TERMINAL_CONTROLS);
      expect(JSON.stringify(JSON.parse(json.out))).toContain('Spring enilno');
    },
  },
];

function writeJson(path: string, json: unknown) {
  writeFileSync(path, `${JSON.stringify(json)}\n`);
}

for (const { name, file, check } of [...CSV_CASES, ...PLAN_CASES]) {
  test(name, async () => {
    const dir = tempDir();
    const path = file(dir);
    const before = fileSha(path);
    await check(path, dir);
    expect(fileSha(path)).toBe(before);
  });
}
