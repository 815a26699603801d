import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { main } from '../../src/cli/dispatch';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { mineCombinations } from '../../src/core/analysis/combinations/mine';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import { scratchDir } from '../support/workspace-fixtures';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

/** The five-basket shop of the core spec as five orders of two customers, with or without product categories. */
async function shopFile(categories: boolean): Promise<string> {
  const db = createWorkspaceDb(await loadSqlJs(), 'Corner Shop');
  const products = [
    ['bread', 'Bakery', 'Farmhouse loaf'],
    ['milk', 'Dairy', 'Whole milk 1 l'],
    ['diapers', 'Baby', 'Diapers size 4'],
    ['beer', 'Drinks', 'Pale ale 6-pack'],
    ['cola', 'Drinks', 'Cola 1.5 l'],
    ['eggs', 'Dairy', 'Free-range eggs (6)'],
  ];
  for (const [id, category, name] of products)
    db.run('INSERT INTO products(product_id, category, name) VALUES (?, ?, ?)', [
      id,
      categories ? category : null,
      name,
    ]);
  const orders = [
    ['o1', 'c1', '2025-01-01', 'bread milk'],
    ['o2', 'c1', '2025-01-03', 'bread diapers beer eggs'],
    ['o3', 'c2', '2025-01-01', 'milk diapers beer cola'],
    ['o4', 'c2', '2025-02-01', 'bread milk diapers beer'],
    ['o5', 'c2', '2025-03-01', 'bread milk diapers cola'],
  ];
  for (const [id, customer, at, items] of orders) {
    db.run('INSERT INTO orders(order_id, customer_id, ordered_at) VALUES (?, ?, ?)', [id, customer, at]);
    for (const item of items.split(' '))
      db.run('INSERT INTO order_lines(order_id, product_id, quantity) VALUES (?, ?, 1)', [id, item]);
  }
  const path = join(scratchDir(), 'shop.xsell');
  writeFileSync(path, db.export());
  db.close();
  return path;
}

test('analyze --rules --json prints the rules with every measure, and the itemset and basket counts', async () => {
  const file = await shopFile(true);
  const { code, out } = await run(
    'analyze',
    '--workspace',
    file,
    '--rules',
    '--min-support',
    '0.6',
    '--min-confidence',
    '70%',
    '--json',
  );
  expect(code).toBe(0);
  const json = JSON.parse(out);
  expect(json).toMatchObject({
    baskets: 5,
    itemsets: 8,
    parameters: {
      minSupport: 0.6,
      minConfidence: 0.7,
      maxLength: 3,
      level: 'product',
      basket: { kind: 'order' },
      consequents: 'one',
    },
  });
  expect(json.rules).toHaveLength(8);
  expect(json.rules[0]).toEqual({
    antecedent: ['beer'],
    consequent: ['diapers'],
    count: 3,
    support: 0.6,
    confidence: 1,
    lift: 1.25,
    leverage: expect.closeTo(0.12, 12),
    conviction: null,
  });
  expect(json.notes.join(' ')).toContain('conviction is null');
  expect(json.names.beer).toBe('Pale ale 6-pack');
  expect(json.timing.miningSeconds).toBeGreaterThanOrEqual(0);

  // The same numbers as the analysis in the app.
  const SQL = await loadSqlJs();
  const db = new SQL.Database(readFileSync(file));
  const core = mineCombinations(db, json.parameters);
  db.close();
  expect(json.rules).toEqual(core.rules);
});

test('analyze --rules prints a readable table with product names, worded as association', async () => {
  const file = await shopFile(true);
  const { code, out } = await run(
    'analyze',
    '-w',
    file,
    '--rules',
    '--min-support',
    '0.4',
    '--min-confidence',
    '0.9',
    '--max-len',
    '3',
    '--top',
    '2',
  );
  expect(code).toBe(0);
  expect(out).toContain('5 baskets (one per order) from the order lines; items are products.');
  expect(out).toMatch(
    /If a basket holds\s+it also holds\s+baskets\s+support\s+confidence\s+lift\s+leverage\s+conviction/,
  );
  expect(out).toMatch(/rules with a confidence of at least 90\.0 %; the 2 with the highest lift:/);
  // beer -> diapers: in 3 of 5 baskets, every beer basket holds diapers (conviction infinite).
  expect(out).toMatch(/\n  beer +diapers +3 +60\.0 % +100\.0 % +1\.25 +0\.1200 +∞\n/);
  expect(out).toMatch(/\n  beer \+ bread +diapers +2 +40\.0 % +100\.0 % +1\.25 +0\.0800 +∞\n\n/);
  expect(out).toContain('not causes');
  expect(out).toContain('  diapers  Diapers size 4\n');
  expect(out).toContain('  beer     Pale ale 6-pack\n');
  expect(out).not.toContain('Cola 1.5 l');
});

test('categories, baskets over days and any number of items after the arrow', async () => {
  const file = await shopFile(true);
  const byCategory = JSON.parse(
    (
      await run(
        'analyze',
        '-w',
        file,
        '--rules',
        '--min-support',
        '0.4',
        '--min-confidence',
        '0',
        '--level',
        'category',
        '--json',
      )
    ).out,
  );
  expect(byCategory.rules.some((r: { antecedent: string[] }) => r.antecedent.includes('Drinks'))).toBe(true);
  expect(byCategory.names).toEqual({});

  // c1's orders 2 days apart make one basket; c2's orders are a month apart, so they stay three.
  const overDays = JSON.parse(
    (
      await run(
        'analyze',
        '-w',
        file,
        '--rules',
        '--min-support',
        '0.2',
        '--min-confidence',
        '0',
        '--basket',
        'days:7',
        '--json',
      )
    ).out,
  );
  expect(overDays.baskets).toBe(4);
  expect(overDays.parameters.basket).toEqual({ kind: 'days', days: 7 });

  const any = JSON.parse(
    (
      await run(
        'analyze',
        '-w',
        file,
        '--rules',
        '--min-support',
        '0.4',
        '--min-confidence',
        '1',
        '--consequents',
        'any',
        '--json',
      )
    ).out,
  );
  expect(any.rules.some((r: { consequent: string[] }) => r.consequent.length === 2)).toBe(true);
});

test('a workspace without the data an analysis needs: exit code 1 and what to import', async () => {
  const file = await shopFile(false);
  const { code, err } = await run(
    'analyze',
    '-w',
    file,
    '--rules',
    '--min-support',
    '0.4',
    '--min-confidence',
    '0.5',
    '--level',
    'category',
  );
  expect(code).toBe(1);
  expect(err).toContain('Import a products file with a product code column and a category column.');
  const json = await run(
    'analyze',
    '-w',
    file,
    '--rules',
    '--min-support',
    '0.4',
    '--min-confidence',
    '0.5',
    '--level',
    'category',
    '--json',
  );
  expect(JSON.parse(json.out).error.kind).toBe('unavailable');
});

test('a missing or foreign workspace file: exit code 2 with the reason', async () => {
  const dir = scratchDir();
  const missing = await run(
    'analyze',
    '-w',
    join(dir, 'nope.xsell'),
    '--rules',
    '--min-support',
    '0.1',
    '--min-confidence',
    '0.5',
  );
  expect(missing.code).toBe(2);
  expect(missing.err).toContain(`There is no file “${join(dir, 'nope.xsell')}”.`);
  const text = join(dir, 'notes.xsell');
  writeFileSync(text, 'just some notes, not a workspace\n'.repeat(10));
  const foreign = await run(
    'analyze',
    '-w',
    text,
    '--rules',
    '--min-support',
    '0.1',
    '--min-confidence',
    '0.5',
    '--json',
  );
  expect(foreign.code).toBe(2);
  expect(JSON.parse(foreign.out).error.message).toContain('not a Cross-Sell Planner workspace');
});

test('command-line mistakes: exit code 64 with a plain explanation and the usage', async () => {
  const file = await shopFile(true);
  const mistakes: [string[], string][] = [
    [
      ['--min-support', '0.1', '--min-confidence', '0.5'],
      'Which analysis? Add one of --rules, --sequences, --families, --moments.',
    ],
    [['--rules', '--min-confidence', '0.5'], 'The option --min-support is required'],
    [['--rules', '--min-support', 'often', '--min-confidence', '0.5'], '--min-support must be a share from 0 to 1'],
    [
      ['--rules', '--min-support', '0', '--min-confidence', '0.5'],
      'The minimum support is a fraction of baskets above 0',
    ],
    [['--rules', '--min-support', '0.1', '--min-confidence', '150%'], '--min-confidence must be a share from 0 to 1'],
    [
      ['--rules', '--min-support', '0.1', '--min-confidence', '0.5', '--max-len', '1'],
      '--max-len must be a whole number from 2 to 10',
    ],
    [
      ['--rules', '--min-support', '0.1', '--min-confidence', '0.5', '--level', 'brand'],
      '--level must be product or category',
    ],
    [
      ['--rules', '--min-support', '0.1', '--min-confidence', '0.5', '--basket', 'week'],
      '--basket must be order or days:N',
    ],
    [['--rules', '--min-support', '0.1', '--min-confidence', '0.5', '--colour', 'red'], 'There is no option --colour.'],
  ];
  for (const [args, message] of mistakes) {
    const result = await run('analyze', '-w', file, ...args);
    expect(result.code, args.join(' ')).toBe(64);
    expect(result.err, args.join(' ')).toContain(message);
    expect(result.err).toContain('Usage: npm run cli -- analyze');
  }
  const noWorkspace = await run('analyze', '--rules', '--min-support', '0.1', '--min-confidence', '0.5');
  expect(noWorkspace.code).toBe(64);
  expect(noWorkspace.err).toContain('Name the workspace to analyse, with --workspace.');
});

test('--sequences, --families and --moments print what the core analyses give, as JSON or text', async () => {
  const path = await shopFile(true);
  const sequences = await run('analyze', '--workspace', path, '--sequences', '--min-customers', '1', '--json');
  expect(sequences.code).toBe(0);
  const parsed = JSON.parse(sequences.out);
  // c2 bought cola in o3 (January), then bread in o4 (February): one customer, "cola, later bread".
  expect(parsed.rows).toContainEqual(
    expect.objectContaining({
      from: { id: 'cola', label: 'Cola 1.5 l' },
      to: { id: 'bread', label: 'Farmhouse loaf' },
      customers: 1,
    }),
  );
  expect(parsed.repeatCustomers).toBe(2);

  const text = await run('analyze', '--workspace', path, '--sequences', '--level', 'category', '--min-customers', '1');
  expect(text.code).toBe(0);
  expect(text.out).toContain('Drinks → Bakery: 1 customers');

  const moments = await run('analyze', '--workspace', path, '--moments', '--as-of', '2025-03-02', '--json');
  expect(moments.code).toBe(0);
  const justOrdered = JSON.parse(moments.out).moments.find((m: { moment: string }) => m.moment === 'post-purchase');
  expect(justOrdered).toMatchObject({ count: 1, sampleCustomerIds: ['c2'] });

  const families = await run('analyze', '--workspace', path, '--families');
  expect(families.code).toBe(0);
  expect(families.out).toContain('No product family');
});

test('--as-of must be a date, and only one analysis runs at a time', async () => {
  const path = await shopFile(false);
  const badDate = await run('analyze', '--workspace', path, '--moments', '--as-of', 'yesterday');
  expect(badDate.code).toBe(64);
  expect(badDate.err).toContain('--as-of must be a date');
  const two = await run('analyze', '--workspace', path, '--moments', '--sequences');
  expect(two.code).toBe(64);
  expect(two.err).toContain('one analysis at a time');
});
