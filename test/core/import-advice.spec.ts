import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { importMappingSchema } from '../../src/core/import/mapping';
import { cli, fixture, tempDir } from '../support/import-helpers';

// A refusal on the command line says what would work, and the mapping file it points to is documented.

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const MAPPING_HINT = 'name the columns in a mapping file with --mapping FILE.json (README: “Column mapping files”)';

test('a file whose columns say nothing points to --as and --mapping', async () => {
  const run = await cli(fixture('unnamed-columns.csv'), '--workspace', join(tempDir(), 'w.xsell'));
  expect(run.code).toBe(1);
  expect(run.err).toContain(
    `Say what the file holds with --as KIND (customers, products, orders, order-lines, order-lines-flat, events or baskets), or ${MAPPING_HINT}.`,
  );
});

test('order lines without order numbers are refused with --as, and the advice given imports them', async () => {
  const workspace = join(tempDir(), 'w.xsell');
  const refused = await cli(fixture('member-day-items.csv'), '--workspace', workspace, '--as', 'order-lines', '--json');
  expect(refused.json.error).toMatchObject({
    code: 'kind_mismatch',
    advice: [
      `To import it as you chose, ${MAPPING_HINT}: a mapping's kind is taken as given.`,
      'Without order numbers, each customer’s lines of one day can form an order: use --as order-lines-flat --group-by customer-day (add --group-days N for N days), or in a mapping file use kind order_lines_flat, map customer_id and ordered_at, and set "groupBy": "customer-day".',
    ],
  });

  const mapping = join(tempDir(), 'members.json');
  const columns = { customer_id: 'member', ordered_at: 'when', product_id: 'item' };
  writeFileSync(mapping, JSON.stringify({ kind: 'order_lines_flat', columns }));
  const imported = await cli(fixture('member-day-items.csv'), '--workspace', workspace, '--mapping', mapping, '--json');
  expect(imported.json).toMatchObject({ ok: true, orders: 3, orderLines: 4, customers: 2, products: 3 });
});

test('the mapping printed with --json is a mapping file, and so is the README example', async () => {
  const first = await cli(fixture('order-lines.csv'), '--workspace', join(tempDir(), 'a.xsell'), '--json');
  expect(first.json.ok).toBe(true);
  const saved = join(tempDir(), 'mapping.json');
  writeFileSync(saved, JSON.stringify(first.json.mapping));
  const again = await cli(
    fixture('order-lines.csv'),
    '--workspace',
    join(tempDir(), 'b.xsell'),
    '--mapping',
    saved,
    '--json',
  );
  expect(again.json).toMatchObject({ ok: true, rowsImported: first.json.rowsImported, orders: first.json.orders });

  const example = /#### Column mapping files[\s\S]*?```json\n([\s\S]*?)```/.exec(README)?.[1];
  expect(importMappingSchema.safeParse(JSON.parse(example ?? 'null')).success).toBe(true);
});
