import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { LAYOUT_IDS } from '../../src/core/import/layout';
import { layoutById } from '../../src/core/import/layouts';
import { previewImport } from '../../src/core/import/preview';
import { bytesSource } from '../../src/core/import/source';
import { fixture } from '../support/import-helpers';

// Each shop export is recognised as itself and by no other layout, so the order layouts are tried in never matters.
const EXPORTS = {
  'shopify-orders.csv': 'shopify-orders',
  'shopify-abandoned-checkouts.csv': 'shopify-orders',
  'square-item-sales.csv': 'square-item-sales',
  'etsy-sold-order-items.csv': 'etsy-order-items',
  'etsy-sold-orders.csv': 'etsy-orders',
  'etsy-buyer-names-order-items.csv': 'etsy-order-items',
  'etsy-buyer-names-orders.csv': 'etsy-orders',
  'squarespace-orders.csv': 'squarespace-orders',
  'wix-orders.csv': 'wix-orders',
  'order-lines.csv': null,
} as const;

for (const [name, id] of Object.entries(EXPORTS)) {
  test(`${name} is recognised ${id ? `as ${id} only` : 'by no layout'}`, async () => {
    const preview = await previewImport(bytesSource(name, readFileSync(fixture(name))));
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    const headers = preview.value.headers;
    expect(LAYOUT_IDS.filter((candidate) => layoutById(candidate).recognise(headers))).toEqual(id ? [id] : []);
    expect(preview.value.layout?.id ?? null).toBe(id);
  });
}
