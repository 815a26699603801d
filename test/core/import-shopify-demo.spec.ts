import Papa from 'papaparse';
import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { writeShopifyOrdersCsv } from '../../src/core/demo/shopify-orders-csv';
import { importFile } from '../../src/core/import/import-file';
import { bytesSource } from '../../src/core/import/source';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import { value } from '../support/import-helpers';

// A seeded Shopify orders export of each demo shop, imported with no choices: every count the
// import reports agrees with what the file itself says, read row by row here.

for (const industry of ['beauty', 'running', 'lighting'] as const) {
  test(`${industry}: a Shopify orders export of the demo shop imports every order, line and customer`, async () => {
    let text = '';
    const summary = writeShopifyOrdersCsv(industry, { lines: 4000, seed: 7 }, (chunk) => (text += chunk));
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    const firstRows = rows.filter((row) => row['Financial Status'] !== '');
    const closed = firstRows.filter((row) => ['voided', 'refunded'].includes(row['Financial Status']));
    const subscribed = new Set(firstRows.filter((row) => row['Accepts Marketing'] === 'yes').map((row) => row.Email));

    const db = createWorkspaceDb(await loadSqlJs(), 'Shop');
    const outcome = await importFile(db, bytesSource('orders_export_1.csv', new TextEncoder().encode(text)));
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.preview?.layout?.id).toBe('shopify-orders');
    expect(outcome.report.rowsImported).toBe(summary.lines);
    expect(outcome.report.rowsRejected).toBe(0);
    expect(value(db, 'SELECT COUNT(*) FROM orders')).toBe(summary.orders);
    expect(value(db, 'SELECT COUNT(*) FROM order_lines')).toBe(summary.lines);
    expect(value(db, 'SELECT COUNT(*) FROM customers')).toBe(summary.customers);
    expect(value(db, "SELECT COUNT(*) FROM orders WHERE status = 'cancelled'")).toBe(closed.length);
    expect(outcome.report.reach).toEqual({ customers: summary.customers, email: subscribed.size, sms: 0 });
    expect(closed.length).toBeGreaterThan(0);
    expect(subscribed.size).toBeGreaterThan(0);
    db.close();
  });
}
