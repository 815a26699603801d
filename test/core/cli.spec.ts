import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../../src/core/store/schema';
import { Random } from '../../src/core/util/random';
import { sha256, sha256OfFile, withTempDir } from '../support/temp-dir';
import { cli, type CliRun } from '../support/cli-process';

const sqlite3 = (file: string, ...commands: string[]) =>
  execFileSync('sqlite3', [file, ...commands], { encoding: 'utf8' });

function expectNoStackTrace(run: CliRun) {
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stdout).not.toMatch(/\n\s+at /);
}

test('demo writes a workspace the sqlite3 shell opens, and info reports what is in it', async () => {
  await withTempDir(async (dir) => {
    const file = join(dir, 'lighting.xsell');
    const made = await cli('demo', '--industry', 'lighting', '--out', file, '--customers', '300', '--seed', '4');
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('300 customers');

    const schema = sqlite3(file, '.schema');
    for (const table of [
      'customers',
      'products',
      'orders',
      'order_lines',
      'events',
      'imports',
      'plans',
      'plan_revisions',
    ]) {
      expect(schema).toContain(`CREATE TABLE ${table} (`);
    }
    expect(sqlite3(file, 'PRAGMA user_version').trim()).toBe(String(SCHEMA_VERSION));
    expect(sqlite3(file, 'PRAGMA integrity_check').trim()).toBe('ok');

    const info = await cli('info', file, '--json');
    expect(info.code).toBe(0);
    const described = JSON.parse(info.stdout);
    expect(described.name).toBe('Lumora Smart Lighting (demo)');
    expect(described.demo).toBe('lighting');
    expect(described.schemaVersion).toBe(SCHEMA_VERSION);
    for (const table of ['customers', 'products', 'orders', 'order_lines', 'events', 'plans']) {
      expect(described.counts[table], table).toBe(Number(sqlite3(file, `SELECT count(*) FROM ${table}`)));
    }
    expect(described.counts.customers).toBe(300);
    const [first, last] = sqlite3(file, 'SELECT min(ordered_at), max(ordered_at) FROM orders').trim().split('|');
    expect(described.orderDateRange).toEqual({ first, last });

    const text = await cli('info', file);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Lumora Smart Lighting (demo)');
    expect(text.stdout).toMatch(/demo\s+lighting \(Lumora Smart Lighting\)/);
    expect(text.stdout).toMatch(/customers\s+300\b/);
  });
});

test('demo replaces an existing file whole and keeps the previous one as a backup', async () => {
  await withTempDir(async (dir) => {
    const file = join(dir, 'shop.xsell');
    expect((await cli('demo', '--industry', 'beauty', '--out', file, '--customers', '200', '--seed', '1')).code).toBe(
      0,
    );
    const firstVersion = await sha256OfFile(file);
    expect((await cli('demo', '--industry', 'beauty', '--out', file, '--customers', '200', '--seed', '2')).code).toBe(
      0,
    );
    expect(await sha256OfFile(`${file}.bak`)).toBe(firstVersion);
    expect(await sha256OfFile(file)).not.toBe(firstVersion);
    expect(sqlite3(file, 'PRAGMA quick_check').trim()).toBe('ok');
  });
});

test('demo-csv streams the number of lines asked for', async () => {
  await withTempDir(async (dir) => {
    const file = join(dir, 'lines.csv');
    const run = await cli('demo-csv', '--industry', 'running', '--lines', '5000', '--out', file, '--seed', '9');
    expect(run.code).toBe(0);
    const text = await readFile(file, 'utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('order_id,customer_id,ordered_at,product_id,quantity,unit_price,channel');
    expect(lines).toHaveLength(5001);
  });
});

test('help and command-line mistakes: usage text, exit 64, no stack trace', async () => {
  const [help, demoHelp, nothing, unknownCommand, noIndustry, badIndustry, badSeed, unknownOption, noFile] =
    await Promise.all([
      cli('--help'),
      cli('demo', '--help'),
      cli(),
      cli('frobnicate'),
      cli('demo', '--out', 'x.xsell'),
      cli('demo', '--industry', 'bakery', '--out', 'x.xsell'),
      cli('demo', '--industry', 'beauty', '--out', 'x.xsell', '--seed', 'twelve'),
      cli('info', 'x.xsell', '--verbose'),
      cli('info'),
    ]);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/demo-csv/);
  expect(demoHelp.code).toBe(0);
  expect(demoHelp.stdout).toContain('--industry');

  const mistakes = { nothing, unknownCommand, noIndustry, badIndustry, badSeed, unknownOption, noFile };
  for (const [name, run] of Object.entries(mistakes)) {
    expect(run.code, name).toBe(64);
    expect(run.stderr, name).toMatch(/Usage/);
    expectNoStackTrace(run);
  }
  expect(unknownCommand.stderr).toContain('There is no command "frobnicate"');
  expect(noIndustry.stderr).toContain('--industry is required');
  expect(badIndustry.stderr).toContain('beauty, running, lighting');
  expect(badSeed.stderr).toContain('--seed must be a whole number');
  expect(unknownOption.stderr).toContain('There is no option --verbose');
});

test('info on files that are not usable workspaces: a clear message, exit 2, the file untouched', async () => {
  await withTempDir(async (dir) => {
    const good = join(dir, 'good.xsell');
    expect((await cli('demo', '--industry', 'running', '--out', good, '--customers', '200')).code).toBe(0);
    const goodBytes = await readFile(good);

    const random = new Random(2024);
    const cases: { name: string; kind: string; says: RegExp; make: (file: string) => Promise<void> | void }[] = [
      { name: 'empty.xsell', kind: 'empty', says: /empty/, make: (f) => writeFile(f, '') },
      {
        name: 'orders.xsell',
        kind: 'not-sqlite',
        says: /not a Cross-Sell Planner workspace[\s\S]*text file/,
        make: (f) => writeFile(f, 'order_id,customer_id,product_id\n1001,C1,P1\n'.repeat(20)),
      },
      {
        name: 'noise.xsell',
        kind: 'not-sqlite',
        says: /not a Cross-Sell Planner workspace/,
        make: (f) =>
          writeFile(
            f,
            Uint8Array.from({ length: 4096 }, (_, i) => (i === 0 ? 0x07 : random.int(0, 255))),
          ),
      },
      {
        name: 'archive.xsell',
        kind: 'not-sqlite',
        says: /ZIP archive/,
        make: (f) => writeFile(f, Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array(300).fill(0x14)])),
      },
      {
        name: 'half.xsell',
        kind: 'truncated',
        says: /incomplete/,
        make: (f) => writeFile(f, goodBytes.subarray(0, Math.floor(goodBytes.length / 2))),
      },
      {
        name: 'contacts.xsell',
        kind: 'not-workspace',
        says: /SQLite database, but not a Cross-Sell Planner workspace[\s\S]*contacts/,
        make: (f) =>
          void sqlite3(
            f,
            "CREATE TABLE contacts(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts(name) VALUES ('Ada');",
          ),
      },
      {
        name: 'future.xsell',
        kind: 'newer-version',
        says: new RegExp(`newer version[\\s\\S]*version ${SCHEMA_VERSION + 1}`),
        make: async (f) => {
          await writeFile(f, goodBytes);
          sqlite3(f, `PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
        },
      },
    ];

    await Promise.all(
      cases.map(async ({ name, kind, says, make }) => {
        const file = join(dir, name);
        await make(file);
        const before = sha256(await readFile(file));
        const [text, json] = await Promise.all([cli('info', file), cli('info', file, '--json')]);

        expect(text.code, name).toBe(2);
        expect(text.stderr, name).toMatch(says);
        expect(text.stderr, name).toContain(name);
        expectNoStackTrace(text);

        expect(json.code, name).toBe(2);
        const { error } = JSON.parse(json.stdout);
        expect(error.kind, name).toBe(kind);
        expect(`${error.message} ${error.detail ?? ''}`, name).toMatch(says);

        expect(sha256(await readFile(file)), `${name} must be left as it was`).toBe(before);
      }),
    );

    const missing = await cli('info', join(dir, 'missing.xsell'), '--json');
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).error.kind).toBe('unreadable');
  });
});
