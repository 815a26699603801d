import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { DEMO_WORKSPACES, generateDemoWorkspace } from '../../src/core/demo';
import { AUDIENCE_COLUMNS } from '../../src/core/export/audience-csv';
import { EVIDENCE_COLUMNS, evidenceCsv } from '../../src/core/export/evidence-csv';
import { renderPlanExport, type ExportFormat } from '../../src/core/export/export-plan';
import { pilotIcs } from '../../src/core/export/pilot-ics';
import { otherActivePlans, savePlan } from '../../src/core/plan/plan-store';
import { planSchedule } from '../../src/core/plan/schedule';
import type { Database } from '../../src/core/store/sqlite';
import { createEngine } from '../../src/engine/engine';
import type { Progress } from '../../src/core/util/progress';
import { blankPlan, planDocumentSchema, type PlanDocument, type PlanRecord } from '../../src/core/plan/plan-document';
import { examplePlan } from '../support/demo-plan';

const NOW = new Date('2026-11-24T12:00:00Z');

type Row = Record<(typeof AUDIENCE_COLUMNS)[number], string>;

function exported(db: Database, planId: string, format: ExportFormat): string {
  const file = renderPlanExport(db, planId, format, { now: NOW });
  if (!file.ok) throw new Error(file.error);
  return file.value.data;
}

function parseCsv<T>(text: string): { fields: string[]; rows: T[] } {
  const parsed = Papa.parse<T>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { fields: parsed.meta.fields ?? [], rows: parsed.data };
}

function expectCrlfOnly(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
}

function save(db: Database, record: PlanRecord, change: (plan: PlanDocument) => void): void {
  const document = structuredClone(record.document);
  change(document);
  const saved = savePlan(db, record.planId, document, NOW);
  if (!saved.ok) throw new Error(saved.error);
}

for (const demo of DEMO_WORKSPACES) {
  test.describe(`the files of the ${demo.industry} demo's example plan`, () => {
    let db: Database;
    let record: PlanRecord;
    test.beforeAll(async () => {
      db = generateDemoWorkspace(await loadSqlJs(), demo.industry);
      record = examplePlan(db);
    });
    test.afterAll(() => db?.close());

    test('the audience CSV has one row per planned send of the pilot, groups drawn by the seed', () => {
      const text = exported(db, record.planId, 'audience-csv');
      expectCrlfOnly(text);
      const { fields, rows } = parseCsv<Row>(text);
      expect(fields).toEqual([...AUDIENCE_COLUMNS]);
      expect(rows.length).toBeGreaterThan(10);

      // Every pilot customer keeps one group, treated rows have a time within the pilot and a variant, control rows neither.
      const start = Date.parse(`${record.document.moment.startDate}T00:00:00Z`);
      const end = start + record.document.pilot.durationDays * 86_400_000;
      const groupOf = new Map<string, string>();
      for (const row of rows) {
        expect(groupOf.get(row.customer_id) ?? row.group).toBe(row.group);
        groupOf.set(row.customer_id, row.group);
        expect(['email', 'sms']).toContain(row.channel);
        if (row.group === 'treatment') {
          expect(['A', 'B']).toContain(row.variant);
          const at = Date.parse(`${row.scheduled_send_time}Z`);
          expect(row.scheduled_send_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
          expect(at).toBeGreaterThanOrEqual(start);
          expect(at).toBeLessThan(end);
          // Quiet hours 21:00 to 08:00.
          expect(
            row.scheduled_send_time.slice(11, 16) >= '08:00' && row.scheduled_send_time.slice(11, 16) < '21:00',
          ).toBe(true);
        } else {
          expect(row.group).toBe('control');
          expect(row.variant).toBe('');
          expect(row.scheduled_send_time).toBe('');
        }
      }
      // A customer who already owns every approved product has none left to be shown (the checklist warns of it).
      expect(rows.filter((r) => r.recommended_products !== '').length).toBeGreaterThan(rows.length * 0.8);
      const approved = new Set(
        record.document.recommendations.items.filter((r) => r.decision === 'approved').map((r) => r.recommended.label),
      );
      for (const row of rows)
        for (const name of row.recommended_products.split('; ').filter(Boolean)) expect(approved).toContain(name);
      // The control group's share of the pilot's customers is near the plan's, by a draw that is the same on every run.
      const groups = [...groupOf.values()];
      const control = groups.filter((g) => g === 'control').length;
      expect(control).toBeGreaterThan(0);
      expect(Math.abs(control / groups.length - record.document.pilot.controlShare)).toBeLessThan(0.15);
      const variants = new Set(rows.filter((r) => r.group === 'treatment').map((r) => r.variant));
      expect([...variants].sort()).toEqual(['A', 'B']);

      // The pilot's sends are the schedule's, for the pilot's share of the customers.
      const schedule = planSchedule(db, record.document, otherActivePlans(db, record.planId))!;
      const scheduled = schedule.totals.email + schedule.totals.sms;
      if (record.document.pilot.audienceShare === 1 && record.document.pilot.durationDays >= 30)
        expect(rows.length).toBe(scheduled);
      else expect(rows.length).toBeLessThan(scheduled);

      // The same seed gives the same file; another seed other groups.
      expect(exported(db, record.planId, 'audience-csv')).toBe(text);
    });

    test('the evidence CSV lists every recommendation with its measures', () => {
      const text = exported(db, record.planId, 'evidence-csv');
      expectCrlfOnly(text);
      const { fields, rows } = parseCsv<Record<(typeof EVIDENCE_COLUMNS)[number], string>>(text);
      expect(fields).toEqual([...EVIDENCE_COLUMNS]);
      const items = record.document.recommendations.items;
      expect(rows).toHaveLength(items.length);
      rows.forEach((row, i) => {
        const item = items[i];
        expect(row.recommended).toBe(item.recommended.label);
        expect(row.anchor).toBe(item.anchor?.label ?? '');
        expect(row.source).toBe(item.source);
        expect(row.decision).toBe(item.decision);
        expect(Number(row.count)).toBe(item.evidence!.count);
        expect(row.lift === '' ? null : Number(row.lift)).toBe(item.evidence!.lift);
        expect(row.share === '' ? null : Number(row.share)).toBe(item.evidence!.share);
        expect(row.note).toBe(item.evidence!.note);
      });
    });

    test('the calendar holds the pilot’s milestones, folded and in CRLF lines', () => {
      const text = exported(db, record.planId, 'ics');
      expectCrlfOnly(text);
      for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
      const unfolded = text.replace(/\r\n /g, '');
      expect(unfolded.match(/^BEGIN:VEVENT$/gm)).toHaveLength(5);
      expect(unfolded.match(/^DTSTART;VALUE=DATE:\d+$/gm)).toEqual([
        'DTSTART;VALUE=DATE:20261101',
        'DTSTART;VALUE=DATE:20261116',
        'DTSTART;VALUE=DATE:20261201',
        'DTSTART;VALUE=DATE:20261231',
        'DTSTART;VALUE=DATE:20270301',
      ]);
      expect(unfolded).toContain('DTSTAMP:20261124T120000Z');
      expect(new Set(unfolded.match(/^UID:.+$/gm)).size).toBe(5);
      expect(unfolded).toContain(`SUMMARY:Pilot starts: ${record.document.name.replace(/,/g, '\\,')}`);
      // The decision names the scale criteria.
      expect(unfolded).toContain(record.document.pilot.scaleCriteria[2].replace(/,/g, '\\,'));
    });
  });
}

test.describe('the audience CSV of a changed plan', () => {
  let db: Database;
  let record: PlanRecord;
  test.beforeAll(async () => {
    db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
    record = examplePlan(db);
  });
  test.afterAll(() => db?.close());

  test('with the whole audience in the pilot, it lists every planned send; with half, about half of them', () => {
    save(db, record, (plan) => {
      plan.pilot.audienceShare = 1;
    });
    const schedule = planSchedule(db, examplePlan(db).document, [])!;
    const all = parseCsv<Row>(exported(db, record.planId, 'audience-csv')).rows;
    expect(all.length).toBe(schedule.totals.email + schedule.totals.sms);
    for (const channel of ['email', 'sms'] as const)
      expect(all.filter((r) => r.channel === channel)).toHaveLength(schedule.totals[channel]);

    save(db, examplePlan(db), (plan) => {
      plan.pilot.audienceShare = 0.5;
    });
    const half = parseCsv<Row>(exported(db, record.planId, 'audience-csv')).rows;
    expect(half.length).toBeGreaterThan(all.length * 0.3);
    expect(half.length).toBeLessThan(all.length * 0.7);
    // The pilot's customers are a subset drawn from the whole audience, each keeping their group.
    const groupInAll = new Map(all.map((r) => [r.customer_id, r.group]));
    for (const row of half) expect(groupInAll.get(row.customer_id)).toBe(row.group);
  });

  test('a shorter pilot lists only the sends within its days', () => {
    save(db, examplePlan(db), (plan) => {
      plan.pilot.durationDays = 14;
    });
    const rows = parseCsv<Row>(exported(db, record.planId, 'audience-csv')).rows.filter((r) => r.group === 'treatment');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.scheduled_send_time < '2026-11-15').toBe(true);
  });

  test('another seed draws other groups, and no test gives everyone variant A', () => {
    const groups = (text: string) =>
      parseCsv<Row>(text)
        .rows.map((r) => `${r.customer_id}:${r.group}`)
        .join(',');
    const before = exported(db, record.planId, 'audience-csv');
    save(db, examplePlan(db), (plan) => {
      plan.pilot.seed += 1;
      plan.messages.test = { variable: null, variantB: '' };
    });
    const after = exported(db, record.planId, 'audience-csv');
    expect(groups(after)).not.toBe(groups(before));
    const treated = parseCsv<Row>(after).rows.filter((r) => r.group === 'treatment');
    expect(treated.length).toBeGreaterThan(0);
    expect(new Set(treated.map((r) => r.variant))).toEqual(new Set(['A']));
  });

  test('a first name that reads as a formula is written as text', () => {
    const [first] = parseCsv<Row>(exported(db, record.planId, 'audience-csv')).rows;
    db.run('UPDATE customers SET first_name = ? WHERE customer_id = ?', [
      '=HYPERLINK("http://evil.example","Win")',
      first.customer_id,
    ]);
    const text = exported(db, record.planId, 'audience-csv');
    const row = parseCsv<Row>(text).rows.find((r) => r.customer_id === first.customer_id)!;
    expect(row.first_name).toBe('\'=HYPERLINK("http://evil.example","Win")');
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  test('evidence notes that read as formulas are written as text', () => {
    const plan = structuredClone(examplePlan(db).document);
    plan.recommendations.items[0].evidence!.note = '@SUM(A1:A9)';
    plan.recommendations.items[0].recommended.label = '-2+3';
    const [row] = parseCsv<Record<string, string>>(evidenceCsv(plan)).rows;
    expect(row.note).toBe("'@SUM(A1:A9)");
    expect(row.recommended).toBe("'-2+3");
  });
});

test('the calendar escapes and folds long names without splitting a character', () => {
  const plan = blankPlan(`Ünïcode “plan”; with, commas \\ and ${'é'.repeat(60)}`);
  const text = pilotIcs(plan, '2026-03-01', 'plan-9', NOW);
  const lines = text.split('\r\n');
  for (const line of lines) {
    const bytes = new TextEncoder().encode(line);
    expect(bytes.length).toBeLessThanOrEqual(75);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toBe(line);
  }
  const unfolded = text.replace(/\r\n /g, '');
  expect(unfolded).toContain(`SUMMARY:Pilot starts: Ünïcode “plan”\\; with\\, commas \\\\ and ${'é'.repeat(60)}`);
  expect(unfolded).toContain('DTSTART;VALUE=DATE:20260301');
  expect(unfolded).toContain('DTSTART;VALUE=DATE:20260331');
});

test('the plan document exports as JSON and imports into another workspace as a template', async () => {
  const engine = createEngine(await loadSqlJs());
  await engine.workspace.createDemo('running');
  const [summary] = await engine.plans.list();
  const original = await engine.plans.get(summary.planId);
  if (!original.ok) throw new Error(original.failure.message);

  const file = await engine.exports.plan(summary.planId, 'json');
  if (!file.ok) throw new Error(file.failure.message);
  expect(file.file.fileName).toBe('next-shoe-when-the-current-pair-is-worn.plan.json');
  expect(file.file.mimeType).toBe('application/json');
  const parsed = planDocumentSchema.safeParse(JSON.parse(file.file.data));
  expect(parsed.success).toBe(true);
  expect(parsed.data).toEqual(original.value.document);

  // Progress is reported while the audience file is written.
  const progress: Progress[] = [];
  const audience = await engine.exports.plan(summary.planId, 'audience-csv', (p) => progress.push(p));
  expect(audience.ok).toBe(true);
  expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total });
  expect(progress.at(-1)!.total).toBe((audience.ok ? audience.file.data : '').trim().split('\r\n').length - 1);

  await engine.workspace.create('Another client');
  const made = await engine.plans.create(parsed.data!);
  expect(made.ok).toBe(true);
  const [copy] = await engine.plans.list();
  const reopened = await engine.plans.get(copy.planId);
  expect(reopened.ok && reopened.value.document).toEqual(original.value.document);
  // In a workspace with no orders the template's checks fail (nobody to reach): nothing is exported until they are dealt with.
  const report = await engine.exports.plan(copy.planId, 'md');
  expect(report.ok).toBe(false);
  if (!report.ok) expect(report.failure.message).toContain('nobody has accepted');
  await engine.workspace.close();
});
