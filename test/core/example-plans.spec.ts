import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { analyseBaselines, analyseFamilies, analyseSequences, loadPurchases } from '../../src/core/analysis/behaviour';
import { mineCombinations } from '../../src/core/analysis/combinations/mine';
import { DEMO_WORKSPACES, generateDemoWorkspace } from '../../src/core/demo';
import { EXAMPLE_ANALYSES } from '../../src/core/demo/example-plans';
import { parsePlanDocument } from '../../src/core/plan/plan-documents';
import { getPlan, listPlans } from '../../src/core/plan/plan-store';
import { queryAll, type Database } from '../../src/core/store/sqlite';
import type { PlanDocument, PlanMomentId, StrategyId } from '../../src/core/plan/plan-document';
import type { Industry } from '../../src/core/store/workspace-types';

const EXPECTED: Record<Industry, { strategy: StrategyId; moments: PlanMomentId[]; source: string[] }> = {
  beauty: { strategy: 'completion', moments: ['post-purchase'], source: ['sequence', 'pair'] },
  running: { strategy: 'evolution', moments: ['usage-milestone'], source: ['ladder'] },
  lighting: { strategy: 'ecosystem', moments: ['post-purchase', 'launch'], source: ['family'] },
};

const TOKEN = /\{([a-z_]+)(?:\|[^{}]*)?\}/g;

function products(db: Database) {
  const rows = queryAll<{ product_id: string; family: string | null; tier: number | null; in_stock: number }>(
    db,
    'SELECT product_id, family, tier, in_stock FROM products',
  );
  return new Map(rows.map((r) => [r.product_id, r]));
}

function expectComplete(plan: PlanDocument, industry: Industry) {
  const demo = DEMO_WORKSPACES.find((d) => d.industry === industry)!;
  expect(plan.client).toBe(demo.name);
  for (const text of [plan.objective, plan.approver, plan.strategy.why, plan.moment.trigger])
    expect(text.length).toBeGreaterThan(10);
  expect(plan.strategy.id).toBe(EXPECTED[industry].strategy);
  expect(EXPECTED[industry].moments).toContain(plan.moment.id);
  expect(plan.moment.startDate).toBe('2026-11-01');

  const { items, reviewedBy, reviewedAt } = plan.recommendations;
  expect(items.length).toBeGreaterThanOrEqual(3);
  expect(reviewedBy).toBe(plan.approver);
  expect(reviewedAt).not.toBeNull();
  expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  for (const item of items) {
    expect(item.decision).toBe('approved');
    expect(item.anchor).not.toBeNull();
    expect(EXPECTED[industry].source).toContain(item.source);
    expect(item.evidence?.count).toBeGreaterThan(0);
    expect(item.evidence?.note).toContain(item.recommended.label);
  }

  expect(plan.offer).toMatchObject({ kind: 'percent' });
  expect(plan.offer.percent).toBeGreaterThan(0);
  expect(plan.offer.code).toMatch(/^[A-Z0-9]+$/);
  const { email, sms } = plan.messages;
  expect(email.enabled && sms.enabled).toBe(true);
  for (const text of [email.subject, email.preheader, email.body, email.callToAction, sms.body, sms.optOutText])
    expect(text).not.toBe('');
  for (const text of [email.subject, email.preheader, email.body, sms.body]) {
    // Only tokens of the agreed form: no stray braces once they are taken out.
    expect(text.replace(TOKEN, '')).not.toMatch(/[{}]/);
    for (const [, name] of text.matchAll(TOKEN))
      expect(['first_name', 'anchor_product', 'recommended_product', 'discount', 'code']).toContain(name);
  }
  for (const token of ['{first_name|', '{recommended_product}', '{discount}', '{code}'])
    expect(email.body + sms.body).toContain(token);
  // An SMS is written in the GSM-7 basics, so it is not sent as the costlier UCS-2.
  expect(sms.body + sms.optOutText).toMatch(/^[A-Za-z0-9 .,:;!?'"&%()|{}_\-/@£$]*$/);
  expect(plan.messages.test.variable).toBe('subject');
  expect(plan.messages.test.variantB).not.toBe(email.subject);

  const [first, second] = plan.channels.sends;
  expect(plan.channels.sends).toHaveLength(2);
  expect([first.channel, second.channel]).toEqual(['email', 'sms']);
  expect(second.offsetHours).toBeGreaterThan(first.offsetHours);

  expect(plan.pilot).toMatchObject({ audienceShare: 1, controlShare: 0.5, durationDays: 30 });
  expect(plan.pilot.metrics.map((m) => m.id)).toEqual([
    'acceptance',
    'time-to-secondary',
    'category-expansion',
    'cross-sell-aov',
    'return-rate',
  ]);
  for (const metric of plan.pilot.metrics) {
    expect(metric.baseline).not.toBeNull();
    expect(metric.target).not.toBeNull();
  }
  expect(plan.pilot.scaleCriteria.length).toBeGreaterThanOrEqual(3);
}

function expectEvidenceFromTheData(db: Database, plan: PlanDocument) {
  const history = loadPurchases(db);
  const catalog = products(db);
  const sequences = analyseSequences(db, EXAMPLE_ANALYSES.sequences, history).rows;
  const rules = mineCombinations(db, EXAMPLE_ANALYSES.combinations).rules;
  const families = analyseFamilies(db, EXAMPLE_ANALYSES.families, history).families;

  for (const item of plan.recommendations.items) {
    const anchor = item.anchor!.id;
    const recommended = item.recommended.id;
    expect(catalog.get(recommended)?.in_stock, `${recommended} is in stock`).toBe(1);
    if (item.source === 'sequence' || item.source === 'ladder') {
      const row = sequences.find((r) => r.from.id === anchor && r.to.id === recommended);
      expect(row, item.id).toBeDefined();
      expect(item.evidence).toMatchObject({ count: row!.customers, share: row!.share, medianDays: row!.days.median });
      if (item.source === 'sequence') expect(catalog.get(recommended)?.family).toBe(catalog.get(anchor)?.family);
      else expect(catalog.get(recommended)?.tier).toBe(catalog.get(anchor)!.tier! + 1);
    } else if (item.source === 'pair') {
      const rule = rules.find((r) => r.antecedent.join() === anchor && r.consequent.join() === recommended);
      expect(rule, item.id).toBeDefined();
      expect(item.evidence).toMatchObject({
        count: rule!.count,
        support: rule!.support,
        confidence: rule!.confidence,
        lift: rule!.lift,
      });
    } else {
      const next = families
        .flatMap((f) => f.sets)
        .find((s) => s.members.length === 1 && s.members[0].id === anchor)
        ?.next.find((n) => n.member.id === recommended);
      expect(next, item.id).toBeDefined();
      expect(item.evidence).toMatchObject({ count: next!.customers, share: next!.share });
    }
  }

  const baselines = analyseBaselines(db, {}, history);
  expect(plan.pilot.metrics.map((m) => m.baseline)).toEqual([
    baselines.acceptance.overall.rate,
    baselines.secondaryPurchase.days.median,
    baselines.categoryExpansion.rate,
    baselines.crossSellAov.followOnAov,
    baselines.returnRate.followOnRate,
  ]);
}

for (const industry of ['beauty', 'running', 'lighting'] as const) {
  test(`the ${industry} demo opens with a complete example plan whose evidence comes from its own data`, async () => {
    const db = generateDemoWorkspace(await loadSqlJs(), industry, { customers: 1500, seed: 3 });
    try {
      const plans = listPlans(db);
      expect(plans).toHaveLength(1);
      expect(plans[0]).toMatchObject({ status: 'active', revision: 1, updatedAt: '2026-11-01T00:00:00.000Z' });
      const stored = getPlan(db, plans[0].planId);
      if (!stored.ok) throw new Error(stored.error);
      const plan = stored.value.document;
      expect(parsePlanDocument(JSON.parse(JSON.stringify(plan)))).toEqual({ ok: true, value: plan });
      expectComplete(plan, industry);
      expectEvidenceFromTheData(db, plan);
    } finally {
      db.close();
    }
  });
}
