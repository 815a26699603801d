import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { DEMO_WORKSPACES, generateDemoWorkspace } from '../../src/core/demo';
import { getBranding, MAX_LOGO_CHARS, setBranding } from '../../src/core/export/branding';
import { renderPlanExport } from '../../src/core/export/export-plan';
import { planReport, type ReportChecklist } from '../../src/core/export/plan-report';
import { reportHtml } from '../../src/core/export/report-html';
import { reportMarkdown } from '../../src/core/export/report-markdown';
import { addAcknowledgement } from '../../src/core/plan/acknowledgements';
import { CHECK_IDS, CHECKS } from '../../src/core/plan/checklist';
import { MOMENT_CATALOGUE } from '../../src/core/plan/moment-catalogue';
import { computePlanView, type PlanView } from '../../src/core/plan/plan-view';
import { getPlan, listPlans, otherActivePlans, savePlan } from '../../src/core/plan/plan-store';
import { STRATEGIES } from '../../src/core/plan/strategy-advice';
import type { Database } from '../../src/core/store/sqlite';
import type { PlanRecord } from '../../src/core/plan/plan-document';
import { examplePlan } from '../support/demo-plan';

const email = (view: PlanView) => view.preview!.drafts.email!;

/** The text a reader sees in the HTML: tags dropped, entities decoded. */
function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<br>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text a reader sees in the Markdown: backslash escapes dropped. */
const markdownText = (md: string) => md.replace(/\\(.)/g, '$1').replace(/ {2}\n/g, '\n');

const PNG = `data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='}`;
const NOW = new Date('2026-11-24T12:00:00Z');

const CHECKLIST: ReportChecklist = {
  checks: [
    {
      id: 'pilot-duration',
      title: 'The pilot runs long enough',
      why: 'One unusual week can decide a short pilot.',
      status: 'pass',
      evidence: 'The pilot runs 30 days.',
      step: 'pilot',
    },
    {
      id: 'channels-cap',
      title: 'A frequency cap holds',
      why: 'Too many messages drive unsubscribes.',
      status: 'fail',
      evidence: 'The cap allows 5 messages in 7 days.',
      step: 'channels',
    },
  ],
  acknowledged: [
    {
      checkId: 'channels-cap',
      reason: 'The client asked for a busier week before the holidays.',
      acknowledgedBy: 'Maya',
      acknowledgedAt: '2026-11-20T10:00:00Z',
    },
  ],
};

for (const demo of DEMO_WORKSPACES) {
  test.describe(`the report of the ${demo.industry} demo's example plan`, () => {
    let db: Database;
    let record: PlanRecord;
    let view: PlanView;
    let html: string;
    let markdown: string;

    test.beforeAll(async () => {
      db = generateDemoWorkspace(await loadSqlJs(), demo.industry);
      record = examplePlan(db);
      view = computePlanView(db, record.document, []);
      const saved = setBranding(db, { agencyName: 'Northlight Agency', logo: PNG, primaryColor: '#0A7E5C' });
      expect(saved.ok).toBe(true);
      const report = planReport(db, record, otherActivePlans(db, record.planId), {
        branding: getBranding(db),
        checklist: CHECKLIST,
        now: NOW,
      });
      html = reportHtml(report);
      markdown = reportMarkdown(report);
    });
    test.afterAll(() => db?.close());

    /** Every value the report must carry, from the plan and from the planning screens' own computations. */
    function expectedValues(): string[] {
      const plan = record.document;
      const email = view.preview!.drafts.email!;
      const values = [
        plan.name,
        plan.client,
        plan.objective,
        plan.approver,
        STRATEGIES.find((s) => s.id === plan.strategy.id)!.title,
        plan.strategy.why,
        MOMENT_CATALOGUE[plan.moment.id!].title,
        plan.moment.trigger,
        `${view.audience!.count.toLocaleString('en')} customers`,
        // The email as the sample customer reads it, tokens filled in.
        email.subject,
        email.preheader,
        email.callToAction,
        view.preview!.drafts.sms!.text,
        `${view.pilot.treatment.toLocaleString('en')} treated and ${view.pilot.control.toLocaleString('en')} in control`,
        ...plan.pilot.scaleCriteria,
        'Cross-sell acceptance rate',
        'Return rate of suggested items',
        'Orders from 2025-05-01 to 2026-10-31',
        'Pilot ends, decide on scaling',
        '2026-12-01',
      ];
      for (const item of plan.recommendations.items.filter((r) => r.decision === 'approved'))
        values.push(item.recommended.label, item.anchor!.label);
      return values;
    }

    test('the HTML report carries every section with the plan’s own values', () => {
      for (const id of [
        'summary',
        'objective',
        'data',
        'strategy',
        'moment',
        'audience',
        'recommendations',
        'messages',
        'timeline',
        'caps',
        'pilot',
        'metrics',
        'checklist',
        'next',
      ]) {
        expect(html).toContain(`<section id="${id}"`);
      }
      const text = htmlText(html);
      for (const value of expectedValues()) expect(text).toContain(value);
      // The drafts are rendered, not templates: no token is left in the messages section.
      const messages = htmlText(
        html.slice(html.indexOf('<section id="messages"'), html.indexOf('<section id="timeline"')),
      );
      const [drafts, variant] = messages.split('A/B test: variant B');
      expect(drafts).not.toMatch(/\{(first_name|recommended_product|anchor_product|code|discount)[|}]/);
      expect(drafts).toContain(record.document.offer.code);
      // The example plans test the subject line: variant B's email is rendered for the same customer too.
      const [, variantDrafts] = variant.split('Variant B for the same customer:');
      const subjectB = /Subject:\s+([^\n]+?)\s{2,}/.exec(variantDrafts)![1];
      expect(subjectB).not.toBe(email(view).subject);
      expect(subjectB).not.toContain('{');
      expect(subjectB).toContain(view.preview!.customer.firstName ?? '');
      const acceptance = record.document.pilot.metrics.find((m) => m.id === 'acceptance')!;
      expect(text).toContain(`${Math.round(acceptance.baseline! * 1000) / 10} %`);
      expect(text).toContain(`${Math.round(acceptance.target! * 1000) / 10} %`);
    });

    test('the HTML report is standalone and print-ready, with the agency’s branding', () => {
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).not.toMatch(/<script|<link|<iframe|\bsrc="(?!data:)|url\(|@import|https?:\/\//i);
      expect(html).toContain('break-before: page');
      expect(html).toContain('h2 { color: #0a7e5c;');
      expect(html).toContain(`<img src="${PNG}"`);
      expect(htmlText(html)).toContain('Northlight Agency');
    });

    test('the checklist and its acknowledgements are printed', () => {
      for (const text of [htmlText(html), markdownText(markdown)]) {
        expect(text).toContain('A frequency cap holds');
        expect(text).toContain('The cap allows 5 messages in 7 days.');
        expect(text).toContain('The client asked for a busier week before the holidays. (Maya, 2026-11-20)');
      }
    });

    test('the Markdown report carries the same content', () => {
      for (const title of [
        'Summary',
        'Objective',
        'Data used',
        'Strategy and why',
        'Moment and window',
        'Audience',
        'Recommendations and their evidence',
        'Messages',
        'Channel timeline',
        'Frequency caps and consent',
        'Pilot design',
        'Metrics, baselines and targets',
        'Checklist',
        'Next steps and scale criteria',
      ]) {
        expect(markdown).toContain(`\n## ${title}\n`);
      }
      const text = markdownText(markdown);
      for (const value of expectedValues()) expect(text).toContain(value);
    });
  });
}

test.describe('a plan with hostile names', () => {
  test('is escaped in HTML and Markdown', async () => {
    const db = generateDemoWorkspace(await loadSqlJs(), 'beauty', { customers: 300 });
    try {
      const [summary] = listPlans(db);
      const found = getPlan(db, summary.planId);
      if (!found.ok) throw new Error(found.error);
      const plan = found.value;
      const hostile = '<script>alert("x")</script> *bold* [link](http://evil.example) | & Co';
      const saved = savePlan(
        db,
        plan.planId,
        {
          ...plan.document,
          name: hostile,
          client: '<img src=x onerror=alert(1)>',
          objective: '# Not a heading\n- not a list',
        },
        NOW,
      );
      expect(saved.ok).toBe(true);

      const html = renderPlanExport(db, plan.planId, 'html', { now: NOW });
      expect(html.ok).toBe(true);
      const page = html.ok ? html.value.data : '';
      expect(page).not.toContain('<script>');
      expect(page).not.toContain('<img src=x');
      expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(htmlText(page)).toContain(hostile);

      const md = renderPlanExport(db, plan.planId, 'md', { now: NOW });
      const text = md.ok ? md.value.data : '';
      expect(text).not.toMatch(/(^|[^\\])<script>/);
      expect(text).toContain('\\<script\\>');
      expect(text).toContain('\\*bold\\*');
      expect(text).toContain('\\[link\\]');
      expect(text).toContain('\\# Not a heading');
      expect(text).toContain('\\- not a list');
      expect(markdownText(text)).toContain(hostile);
    } finally {
      db.close();
    }
  });
});

test('an exported report prints the plan’s own checklist and the reasons its findings were accepted with', async () => {
  const db = generateDemoWorkspace(await loadSqlJs(), 'running', { customers: 300 });
  try {
    const [summary] = listPlans(db);
    const acked = addAcknowledgement(
      db,
      summary.planId,
      {
        checkId: 'pilot-sample-size',
        reason: 'The client accepts a pilot that can only show a large lift.',
        by: 'Tom Okafor',
      },
      CHECK_IDS,
      NOW,
    );
    expect(acked.ok).toBe(true);
    const file = renderPlanExport(db, summary.planId, 'html', { now: NOW });
    const text = htmlText(file.ok ? file.value.data : '');
    const section = text.slice(text.indexOf('Checklist'), text.indexOf('Next steps and scale criteria'));
    for (const check of CHECKS) expect(section).toContain(check.title);
    expect(section).toContain('The client accepts a pilot that can only show a large lift. (Tom Okafor, 2026-11-24)');
  } finally {
    db.close();
  }
});

test.describe('branding', () => {
  test('is stored per workspace and checked', async () => {
    const db = generateDemoWorkspace(await loadSqlJs(), 'lighting', { customers: 200 });
    try {
      expect(getBranding(db)).toEqual({ agencyName: '', logo: null, primaryColor: '#1f4e79' });
      expect(setBranding(db, { agencyName: '  Lumen & Partners ', logo: null, primaryColor: '#FF8800' })).toEqual({
        ok: true,
        value: { agencyName: 'Lumen & Partners', logo: null, primaryColor: '#ff8800' },
      });
      expect(getBranding(db)).toEqual({ agencyName: 'Lumen & Partners', logo: null, primaryColor: '#ff8800' });

      const refused = [
        { agencyName: 'A', logo: null, primaryColor: 'red' },
        { agencyName: 'A', logo: null, primaryColor: '#ff88001;}body{display:none' },
        { agencyName: 'A', logo: 'data:text/html;base64,PHNjcmlwdD4=', primaryColor: '#ff8800' },
        { agencyName: 'A', logo: `data:image/png;base64,${'A'.repeat(MAX_LOGO_CHARS)}`, primaryColor: '#ff8800' },
        { agencyName: 'A'.repeat(201), logo: null, primaryColor: '#ff8800' },
      ];
      for (const branding of refused) expect(setBranding(db, branding).ok).toBe(false);
      // What was refused changed nothing.
      expect(getBranding(db).primaryColor).toBe('#ff8800');

      const [summary] = listPlans(db);
      const html = renderPlanExport(db, summary.planId, 'html', { now: NOW });
      expect(html.ok && html.value.data).toContain('Lumen &amp; Partners');
      expect(html.ok && html.value.data).toContain('border-top: 14px solid #ff8800');
    } finally {
      db.close();
    }
  });
});
