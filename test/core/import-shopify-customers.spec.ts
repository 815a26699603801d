import { expect, test } from '@playwright/test';
import type { FileImportOutcome } from '../../src/core/import/import-file';
import type { Database } from '../../src/core/store/sqlite';
import { rows, value } from '../support/import-helpers';
import { fixtureText, importFixtures, importText, reportOf } from '../support/layout-import';

// A Shopify customers export (Customers → Export), imported with no choices at all.
test.describe.configure({ mode: 'serial' });

let db: Database;
let outcome: FileImportOutcome;

test.beforeAll(async () => {
  ({
    db,
    outcomes: [outcome],
  } = await importFixtures('shopify-customers.csv'));
});

test.afterAll(() => db?.close());

test('the preview recognises the layout and proposes its own mapping', () => {
  expect(outcome.preview?.layout).toEqual({ id: 'shopify-customers', label: 'Looks like a Shopify customers export' });
  expect(outcome.preview?.detectedKind).toBe('customers');
  expect(outcome.preview?.mapping).toMatchObject({
    kind: 'customers',
    layout: 'shopify-customers',
    columns: {
      customer_id: 'Email or phone',
      email: 'Email',
      first_name: 'First Name',
      last_name: 'Last Name',
      phone: 'Phone',
      country: 'Default Address Country Code',
      email_opt_in: 'Accepts Email Marketing',
      sms_opt_in: 'Accepts SMS Marketing',
    },
  });
});

test('every customer is imported, none rejected, and the report counts who can be reached per channel', () => {
  const report = reportOf(outcome);
  expect(report.rowsRead).toBe(11);
  expect(report.rowsImported).toBe(11);
  expect(report.rowsRejected).toBe(0);
  expect(report.written.customers).toBe(11);
  expect(report.reach).toEqual({ customers: 11, email: 5, sms: 3 });
});

test('customers are known by their email in lower case, else by their phone, else by their Shopify number', () => {
  expect(rows(db, 'SELECT customer_id, email, phone, country FROM customers ORDER BY rowid')).toEqual([
    { customer_id: 'alice@example.com', email: 'alice@example.com', phone: '+16175550123', country: 'US' },
    { customer_id: 'bob@example.com', email: 'bob@example.com', phone: null, country: 'US' },
    { customer_id: 'carol@example.org', email: 'carol@example.org', phone: '+4930555012', country: 'DE' },
    { customer_id: 'dan@example.com', email: 'dan@example.com', phone: null, country: 'US' },
    { customer_id: 'erin@example.com', email: 'erin@example.com', phone: null, country: 'US' },
    { customer_id: 'frank@example.com', email: 'frank@example.com', phone: '+13125550188', country: 'US' },
    { customer_id: 'grace@example.com', email: 'grace@example.com', phone: null, country: 'US' },
    // A cash-on-delivery customer with a phone only; another with the address phone only.
    { customer_id: '+919876543210', email: null, phone: '+919876543210', country: 'IN' },
    { customer_id: '+919123456789', email: null, phone: '+91 91234-56789', country: 'IN' },
    // Neither email nor phone: Shopify's own number, without the spreadsheet quote.
    { customer_id: '7101000000010', email: null, phone: null, country: null },
    { customer_id: 'hana@example.com', email: 'hana@example.com', phone: null, country: 'US' },
  ]);
});

test('consent to email and to text messages becomes the consent flags', () => {
  expect(rows(db, 'SELECT customer_id FROM customers WHERE sms_opt_in = 1 ORDER BY customer_id')).toEqual([
    { customer_id: '+919876543210' },
    { customer_id: 'carol@example.org' },
    { customer_id: 'frank@example.com' },
  ]);
  expect(value(db, 'SELECT count(*) FROM customers WHERE email_opt_in = 0')).toBe(6);
});

test('zips and Shopify numbers lose the spreadsheet quote, and a note over several lines is kept whole', () => {
  const extra = JSON.parse(
    String(value(db, "SELECT extra FROM customers WHERE customer_id = 'alice@example.com'")),
  ) as Record<string, string>;
  expect(extra['Customer ID']).toBe('7101000000001');
  expect(extra['Default Address Zip']).toBe('02134');
  expect(extra['Default Address Phone']).toBe('+16175550123');
  expect(extra.Note).toBe('Prefers loose-leaf tea.\nAsked for gift wrap on her next order.');
  expect(extra.Tags).toBe('tea lover, VIP');
});

test('an older export with one "Accepts Marketing" column and plain address columns is read the same way', async () => {
  const older = fixtureText('shopify-customers.csv')
    .replace('Accepts Email Marketing', 'Accepts Marketing')
    .replace(/Default Address /g, '')
    .replace('Customer ID,', 'Id,');
  const { db: fresh, outcome: run } = await importText('customers_export.csv', older);
  expect(run.preview?.layout?.id).toBe('shopify-customers');
  expect(run.preview?.mapping?.columns).toMatchObject({ email_opt_in: 'Accepts Marketing', country: 'Country Code' });
  // Without Shopify's number, the customer with neither email nor phone cannot be told apart: refused, with the row.
  expect(reportOf(run).rowsImported).toBe(10);
  expect(reportOf(run).rejected).toEqual({ missing_id: 1 });
  expect(reportOf(run).reach).toEqual({ customers: 10, email: 5, sms: 3 });
  fresh.close();
});

test("a file in the layout of Shopify's customer import template (no number, no totals) is read the same way", async () => {
  const template = [
    'First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Tags,Note,Tax Exempt',
    "Ines,Moreau,Ines@Example.fr,yes,,4 rue Haute,,Lyon,,FR,'69001,,'+33 6 12 34 56 78,yes,,,no",
  ].join('\n');
  const run = await importText('customer_template.csv', template);
  expect(run.outcome.preview?.layout?.id).toBe('shopify-customers');
  expect(rows(run.db, 'SELECT customer_id, phone, email_opt_in, sms_opt_in FROM customers')).toEqual([
    { customer_id: 'ines@example.fr', phone: '+33 6 12 34 56 78', email_opt_in: 1, sms_opt_in: 1 },
  ]);
  run.db.close();
});
