import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { momentAudience } from '../../src/core/plan/moment-catalogue';
import { getPlan, listPlans } from '../../src/core/plan/plan-store';
import { computePlanView, type PlanView } from '../../src/core/plan/plan-view';
import { proposeRecommendations } from '../../src/core/plan/recommendations';
import { queryAll, type Database } from '../../src/core/store/sqlite';
import {
  blankPlan,
  METRIC_IDS,
  type PlanDocument,
  type PlanMomentId,
  type StrategyId,
} from '../../src/core/plan/plan-document';
import type { Industry } from '../../src/core/store/workspace-types';

const SETUPS: Record<Industry, { strategy: StrategyId; moment: PlanMomentId }> = {
  beauty: { strategy: 'completion', moment: 'post-purchase' },
  running: { strategy: 'evolution', moment: 'usage-milestone' },
  lighting: { strategy: 'ecosystem', moment: 'post-purchase' },
};

function product(db: Database, id: string) {
  return queryAll<{ family: string | null; tier: number | null; category: string | null }>(
    db,
    'SELECT family, tier, category FROM products WHERE product_id = ?',
    [id],
  )[0];
}

for (const industry of Object.keys(SETUPS) as Industry[]) {
  test.describe(`a plan in the ${industry} demo`, () => {
    let db: Database;
    let plan: PlanDocument;
    let view: PlanView;
    test.beforeAll(async () => {
      db = generateDemoWorkspace(await loadSqlJs(), industry);
      plan = blankPlan('Demo plan');
      plan.strategy.id = SETUPS[industry].strategy;
      plan.moment = { id: SETUPS[industry].moment, startDate: '2026-09-01', settings: {}, trigger: '' };
      plan.offer = { kind: 'percent', percent: 10, code: 'MORE10', expiresAfterDays: 14 };
      plan.messages.email.subject = '{first_name|Hello}, {recommended_product} goes with {anchor_product}';
      // The reviewer approves three proposals the preview customer (the first of the audience) does not own yet.
      const previewId = momentAudience(db, plan)!.sample[0].id;
      const proposals = proposeRecommendations(db, plan, { customerId: previewId });
      const chosen = new Set(
        proposals
          .filter((p) => !p.flags.includes('owned'))
          .slice(0, 3)
          .map((p) => p.id),
      );
      plan.recommendations.items = proposals.map((item) => ({
        ...item,
        decision: chosen.has(item.id) ? 'approved' : 'proposed',
      }));
      view = computePlanView(db, plan, []);
    });
    test.afterAll(() => db?.close());

    test('the demo’s own example plan has a pilot large enough for the effect it wants to detect', () => {
      const [example] = listPlans(db);
      const stored = getPlan(db, example.planId);
      if (!stored.ok) throw new Error(stored.error);
      const pilot = computePlanView(db, stored.value.document, []).pilot;
      expect(pilot.enough).toBe(true);
      expect(Math.min(pilot.treatment, pilot.control)).toBeGreaterThanOrEqual(pilot.requiredPerGroup!);
    });

    test('the advice matches the strategy the demo was built for', () => {
      expect(view.advice.recommended).toBe(SETUPS[industry].strategy);
      expect(view.advice.reasons.length).toBeGreaterThan(1);
    });

    test('proposals for the strategy carry their evidence', () => {
      expect(view.proposals.length).toBeGreaterThan(3);
      const [top] = view.proposals;
      expect(top.evidence!.count).toBeGreaterThanOrEqual(30);
      expect(top.evidence!.note.length).toBeGreaterThan(40);
      if (industry === 'beauty') {
        // Skincare pairs from one range, bought together far more than chance.
        expect(top.source).toBe('pair');
        expect(top.evidence!.lift!).toBeGreaterThan(3);
        expect(product(db, top.anchor!.id).family).toBe(product(db, top.recommended.id).family);
      } else if (industry === 'running') {
        // Ladder steps: the next tier up in the same category.
        for (const p of view.proposals) {
          expect(p.source).toBe('ladder');
          const [from, to] = [product(db, p.anchor!.id), product(db, p.recommended.id)];
          expect(to.category).toBe(from.category);
          expect(to.tier!).toBeGreaterThan(from.tier!);
        }
        expect(
          view.proposals.some(
            (p) => product(db, p.anchor!.id).family === 'Road shoes' && !p.flags.includes('low-evidence'),
          ),
        ).toBe(true);
      } else {
        // Missing members of a family its owners hold part of.
        for (const p of view.proposals) {
          expect(p.source).toBe('family');
          const owned = p.anchor!.id.split('+');
          expect(owned).not.toContain(p.recommended.id);
          expect(product(db, owned[0]).family).toBe(product(db, p.recommended.id).family);
        }
      }
    });

    test('the audience, preview, schedule and pilot come from the workspace', () => {
      expect(view.moments).toHaveLength(9);
      expect(view.audience!.count).toBeGreaterThan(0);
      expect(view.moments.find((m) => m.id === plan.moment.id)!.count).toBe(view.audience!.count);
      expect(view.audience!.sample[0].firstName).toBeTruthy();

      const preview = view.preview!;
      expect(preview.customer.id).toBe(view.recipients!.sample[0].customerId);
      expect(preview.drafts.email!.subject.startsWith(`${preview.customer.firstName}, `)).toBe(true);
      expect(preview.drafts.email!.cards.length).toBeGreaterThan(0);
      const approved = new Set(
        plan.recommendations.items.filter((i) => i.decision === 'approved').map((i) => i.recommended.id),
      );
      for (const card of preview.drafts.email!.cards) {
        expect(approved.has(card.id)).toBe(true);
        expect(card.discountedPrice).toBeCloseTo(card.price! * 0.9, 2);
      }
      expect(view.review).toMatchObject({ approved: 3, complete: false });

      const schedule = view.schedule!;
      expect(schedule.days).toHaveLength(30);
      expect(schedule.totals.email).toBeGreaterThan(0);
      expect(schedule.days.reduce((sum, d) => sum + d.email, 0)).toBe(schedule.totals.email);
      // Customers who did not opt in to email are held back.
      expect(schedule.removed.consent).toBeGreaterThan(0);

      expect(view.metrics.map((m) => m.id)).toEqual([...METRIC_IDS]);
      for (const metric of view.metrics) expect(metric.baseline).not.toBeNull();
      expect(view.pilot.baselineRate).toBe(view.metrics[0].baseline);
      expect(view.pilot.requiredPerGroup).toBeGreaterThan(100);
      expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    });
  });
}
