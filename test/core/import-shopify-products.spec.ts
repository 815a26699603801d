import { expect, test } from '@playwright/test';
import { rows } from '../support/import-helpers';
import { fixtureText, importedOnce, importFixtures, importText, reportOf } from '../support/layout-import';

// A Shopify products export (Products → Export, the 2025 column names), imported with no choices at all.
test.describe.configure({ mode: 'serial' });

const shop = importedOnce('shopify-products.csv');

test('the preview recognises the layout and proposes its own mapping', () => {
  expect(shop.outcome.preview?.layout).toEqual({
    id: 'shopify-products',
    label: 'Looks like a Shopify products export',
  });
  expect(shop.outcome.preview?.detectedKind).toBe('products');
  expect(shop.outcome.preview?.mapping).toMatchObject({
    kind: 'products',
    layout: 'shopify-products',
    columns: { product_id: 'SKU', name: 'Name with options', category: 'Category or type', price: 'Price' },
  });
});

test('each variant is a product; picture-only rows are left out and said so', () => {
  const report = reportOf(shop.outcome);
  expect(report.rowsRead).toBe(8);
  expect(report.rowsImported).toBe(8);
  expect(report.rowsRejected).toBe(0);
  expect(report.written.products).toBe(8);
  expect(report.warnings.skipped_rows).toBe(2);
  expect(report.notes.find((note) => note.kind === 'skipped_rows')).toMatchObject({
    message: '2 rows were left out (rows holding only a further picture of a product).',
    exampleRows: [4, 7],
  });
});

test('variants are coded and named as the orders export names its line items, with the leaf of the category', () => {
  expect(rows(shop.db, 'SELECT product_id, name, category, price FROM products ORDER BY rowid')).toEqual([
    { product_id: 'MUG-BLU', name: 'Stoneware Mug - Blue', category: 'Mugs', price: 14 },
    { product_id: 'MUG-RED', name: 'Stoneware Mug - Red', category: 'Mugs', price: 14 },
    { product_id: 'TEA-EG', name: 'Earl Grey Loose Leaf 100g', category: 'Tea', price: 9.5 },
    { product_id: 'TEA-GRN', name: 'Sencha Green Tea 100g', category: 'Tea', price: 11 },
    // No SKU: the line item name is the code, and the type stands in for a missing category.
    {
      product_id: 'Linen Tea Towel - Natural / Standard',
      name: 'Linen Tea Towel - Natural / Standard',
      category: 'Kitchen Textiles',
      price: 12,
    },
    {
      product_id: 'Linen Tea Towel - Charcoal / Large',
      name: 'Linen Tea Towel - Charcoal / Large',
      category: 'Kitchen Textiles',
      price: 15,
    },
    { product_id: 'Gift Card - $25', name: 'Gift Card - $25', category: 'Gift Cards', price: 25 },
    { product_id: 'WHISK-01', name: 'Matcha Whisk', category: 'Tea Tools', price: 18 },
  ]);
  // A gift card is sold like a product but is none: kept, and left out when products are compared.
  expect(rows(shop.db, 'SELECT product_id FROM products WHERE is_product = 0')).toEqual([
    { product_id: 'Gift Card - $25' },
  ]);
});

test('an export with the column names used before 2025 is read the same way', async () => {
  const renamed: Record<string, string> = {
    'URL handle': 'Handle',
    Description: 'Body (HTML)',
    'Product category': 'Product Category',
    'Published on online store': 'Published',
    SKU: 'Variant SKU',
    'Option1 name': 'Option1 Name',
    'Option1 value': 'Option1 Value',
    'Option2 name': 'Option2 Name',
    'Option2 value': 'Option2 Value',
    Price: 'Variant Price',
    'Product image URL': 'Image Src',
  };
  const text = fixtureText('shopify-products.csv');
  const [header, ...rest] = text.split('\n');
  const older = [
    header
      .split(',')
      .map((name) => renamed[name] ?? name)
      .join(','),
    ...rest,
  ].join('\n');
  const run = await importText('products_export_1.csv', older);
  expect(run.outcome.preview?.layout?.id).toBe('shopify-products');
  expect(run.outcome.preview?.mapping?.columns).toMatchObject({ product_id: 'Variant SKU', price: 'Variant Price' });
  expect(reportOf(run.outcome).written.products).toBe(8);
  expect(rows(run.db, 'SELECT product_id, name, category FROM products ORDER BY rowid')).toEqual(
    rows(shop.db, 'SELECT product_id, name, category FROM products ORDER BY rowid'),
  );
  run.db.close();
});

test('a product whose category is "Uncategorized" takes its type, else no category: products given none are not one group', async () => {
  const { db, outcomes } = await importFixtures('shopify-products-uncategorized.csv');
  const report = reportOf(outcomes[0]);
  expect(report.rowsRejected).toBe(0);
  expect(report.written.products).toBe(5);
  expect(rows(db, 'SELECT product_id, category FROM products ORDER BY product_id')).toEqual([
    { product_id: 'C301', category: null },
    { product_id: 'F101', category: 'Flowers' },
    { product_id: 'V201', category: 'Vases' },
    { product_id: 'V202', category: 'Vases' },
    { product_id: 'W401', category: null },
  ]);
  db.close();
});
