import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { exportPlan } from '../../src/core/export/export-plan';
import { getPlan, listPlans } from '../../src/core/plan/plan-store';
import { planDocumentSchema, type PlanDocument } from '../../src/core/plan/plan-document';
import { expect, test } from '../support/e2e';

/**
 * The last step of a plan: a failing check holds every export back until it is fixed or accepted
 * with a reason; then each format is exported from the demo's example plan and read back.
 */

interface Expected {
  plan: PlanDocument;
  audienceCsv: string;
  evidenceCsv: string;
}

/** The same demo and example plan in Node: what the exported files must hold. */
async function expectedFromNode(): Promise<Expected> {
  const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  try {
    const [summary] = listPlans(db);
    const record = getPlan(db, summary.planId);
    if (!record.ok) throw new Error(record.error);
    const file = (format: 'audience-csv' | 'evidence-csv') => {
      const made = exportPlan(db, summary.planId, format);
      if (!made.ok) throw new Error(made.error);
      return made.value.data;
    };
    return { plan: record.value.document, audienceCsv: file('audience-csv'), evidenceCsv: file('evidence-csv') };
  } finally {
    db.close();
  }
}

async function download(app: Page, button: string): Promise<string> {
  const saved = app.waitForEvent('download');
  await app.getByRole('button', { name: button }).click();
  return (await (await saved).path())!;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const rowsOf = (csv: string) => Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;

test('a failing check blocks export until accepted; every format exports the demo plan and reads back', async ({
  app,
}, testInfo) => {
  test.setTimeout(240_000);
  const expected = await expectedFromNode();
  const { plan } = expected;

  await app.getByRole('button', { name: /Open demo: Glow/ }).click();
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });
  await app.getByRole('tab', { name: 'Plans' }).click();
  await app.getByRole('button', { name: plan.name, exact: true }).click();
  const steps = app.getByRole('navigation', { name: 'Plan steps' });
  await steps.getByRole('button', { name: /Check and export/ }).click();
  await expect(app.getByTestId('checklist-summary')).toContainText('0 fail', { timeout: 60_000 });
  await expect(app.getByTestId('export-blocked')).toHaveCount(0);

  // An email without an unsubscribe footer fails its check: every export is held back.
  await steps.getByRole('button', { name: /Messages/ }).click();
  await app.getByRole('checkbox', { name: 'Unsubscribe footer' }).uncheck();
  await steps.getByRole('button', { name: /Check and export/ }).click();
  const unsubscribe = app.getByTestId('check-messages-unsubscribe');
  await expect(unsubscribe).toContainText('Fails');
  await expect(app.getByTestId('export-blocked')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Campaign plan (HTML)…' })).toBeDisabled();

  // Accepted with a written reason: export opens, and the reason goes into the plan.
  await unsubscribe.getByRole('button', { name: 'Accept with a reason…' }).click();
  const reason = 'The client’s email tool adds its own unsubscribe footer to every message.';
  await unsubscribe.getByLabel(/Why is this acceptable/).fill(reason);
  await unsubscribe.getByLabel('Accepted by').fill('Dana Reviewer');
  await unsubscribe.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(unsubscribe.getByTestId('acknowledgement')).toContainText(reason);
  await expect(app.getByTestId('export-blocked')).toHaveCount(0);

  const htmlPath = await download(app, 'Campaign plan (HTML)…');
  const html = readFileSync(htmlPath, 'utf8');
  for (const heading of [
    'Summary',
    'Strategy and why',
    'Moment and window',
    'Recommendations and their evidence',
    'Messages',
    'Pilot design',
    'Checklist',
  ]) {
    expect(html).toContain(`<h2>${heading}</h2>`);
  }
  expect(html).toContain(escapeHtml(plan.client));
  expect(html).toContain(escapeHtml(reason));
  for (const item of plan.recommendations.items.filter((i) => i.decision === 'approved'))
    expect(html).toContain(escapeHtml(item.recommended.label));

  // The PDF: Chromium's print engine (the web edition's) on the exported report, read back as text.
  mkdirSync(testInfo.outputDir, { recursive: true });
  const pdfPath = join(testInfo.outputDir, 'plan.pdf');
  const printer = await app.context().newPage();
  await printer.setContent(html);
  writeFileSync(pdfPath, await printer.pdf({ format: 'A4' }));
  await printer.close();
  // In the order the text was written, cell by cell: read by layout, table columns interleave where a cell wraps.
  const pdfText = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(pdfText).toContain('Pilot design');
  expect(pdfText).toContain(plan.client);
  expect(pdfText).toContain('A way to unsubscribe');
  expect(pdfText).toContain('Dana Reviewer');

  const markdown = readFileSync(await download(app, 'Campaign plan (Markdown)…'), 'utf8');
  expect(markdown).toContain('## Pilot design');
  expect(markdown).toContain(reason);

  // The plan document validates against the schema; the edit made here is in it.
  const json = JSON.parse(readFileSync(await download(app, 'Plan document (JSON, a template)…'), 'utf8'));
  const document = planDocumentSchema.parse(json);
  expect(document.messages.email.unsubscribeFooter).toBe(false);
  expect(document.recommendations.items).toEqual(plan.recommendations.items);

  // The audience and evidence files: parsed, the same rows the core writes for this plan in Node.
  const audience = rowsOf(readFileSync(await download(app, 'Audience for the email or SMS tool (CSV)…'), 'utf8'));
  expect(audience[0]).toEqual([
    'customer_id',
    'email',
    'first_name',
    'group',
    'variant',
    'channel',
    'scheduled_send_time',
    'anchor_products',
    'recommended_products',
  ]);
  expect(audience).toEqual(rowsOf(expected.audienceCsv));
  expect(new Set(audience.slice(1).map((r) => r[3]))).toEqual(new Set(['treatment', 'control']));
  const evidence = rowsOf(readFileSync(await download(app, 'Evidence behind the recommendations (CSV)…'), 'utf8'));
  expect(evidence).toEqual(rowsOf(expected.evidenceCsv));

  const ics = readFileSync(await download(app, 'Pilot milestones (calendar)…'), 'utf8');
  expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  expect(ics).toContain(`DTSTART;VALUE=DATE:${plan.moment.startDate!.replace(/-/g, '')}`);
  for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

  // The JSON imports back as a template into another workspace.
  const templatePath = join(testInfo.outputDir, 'template.plan.json');
  writeFileSync(templatePath, JSON.stringify(json));
  await app.getByRole('button', { name: 'Close workspace' }).click();
  await app.getByRole('button', { name: /Open demo: Northpace/ }).click();
  await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 60_000 });
  await app.getByRole('tab', { name: 'Plans' }).click();
  const chooser = app.waitForEvent('filechooser');
  await app.getByRole('button', { name: 'New plan from a template file…' }).click();
  await (await chooser).setFiles(templatePath);
  await expect(app.getByTestId('plan-title')).toHaveText(plan.name);
  await app.getByRole('button', { name: '← All plans' }).click();
  await expect(app.getByTestId('plan-row')).toHaveCount(2);
});
