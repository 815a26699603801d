import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { planChecklist } from '../../src/core/plan/checklist-report';
import { createMemo } from '../../src/core/plan/memo';
import { getPlan, listPlans } from '../../src/core/plan/plan-store';
import { computePlanView } from '../../src/core/plan/plan-view';
import type { Industry } from '../../src/core/store/workspace-types';

/**
 * The checklist of each demo's example plan: a finished plan passes, or only warns. The warnings
 * are recorded here with the reason, so a change to the demo plans or the checks shows up:
 * every demo warns that under half the customers its plan is for agreed to text messages.
 */

const EXPECTED: Record<Industry, { fail: string[]; warn: string[] }> = {
  beauty: { fail: [], warn: ['channels-consent'] },
  running: { fail: [], warn: ['channels-consent'] },
  lighting: { fail: [], warn: ['channels-consent'] },
};

for (const industry of Object.keys(EXPECTED) as Industry[]) {
  test(`the ${industry} demo’s example plan passes or only warns, and its pilot is large enough`, async () => {
    const db = generateDemoWorkspace(await loadSqlJs(), industry);
    try {
      const [summary] = listPlans(db);
      const record = getPlan(db, summary.planId);
      if (!record.ok) throw new Error(record.error);
      const memo = createMemo();
      const report = planChecklist(db, summary.planId, record.value.document, [], memo);
      const ids = (status: string) => report.checks.filter((c) => c.status === status).map((c) => c.id);
      expect({ fail: ids('fail'), warn: ids('warn') }).toEqual(EXPECTED[industry]);
      expect(report.blocked).toBe(EXPECTED[industry].fail.length > 0);
      expect(report.summary.unacknowledged.map((c) => c.id)).toEqual(EXPECTED[industry].fail);

      // The pilot takes the whole audience, split evenly: enough for the plan's effect.
      const { pilot } = computePlanView(db, record.value.document, [], memo);
      expect(pilot.control).toBeGreaterThanOrEqual(pilot.requiredPerGroup!);
      const sample = report.checks.find((c) => c.id === 'pilot-sample-size')!;
      expect(sample.evidence).toContain(`takes ${pilot.requiredPerGroup} customers in each group`);
      expect(sample.evidence).toContain(`${pilot.treatment} treated and ${pilot.control} in control, which is enough`);
    } finally {
      db.close();
    }
  });
}
