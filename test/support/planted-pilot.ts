import { loadSqlJs } from '../../src/node/node-sqljs';
import { dayOf, stampOf } from '../../src/core/analysis/as-of';
import { loadPurchases } from '../../src/core/analysis/purchases';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { audienceRows } from '../../src/core/plan/pilot-audience';
import { audienceCsv } from '../../src/core/export/audience-csv';
import { planAsOf } from '../../src/core/plan/moment-catalogue';
import { otherActivePlans } from '../../src/core/plan/plan-store';
import { customerOutcomes } from '../../src/core/results/customer-outcomes';
import { readPilotSends } from '../../src/core/results/pilot-sends';
import { queryAll } from '../../src/core/store/sqlite';
import type { Industry } from '../../src/core/store/workspace-types';
import { examplePlan } from './demo-plan';
import { seededRandom } from './seeded-random';

export interface PlantedPilot {
  planName: string;
  /** The example plan's audience file, as the app exports it: the pilot's sends. */
  audienceCsv: string;
  /** The same treated sends as an email tool's send log (Klaviyo-like event rows, by email); it names no control customer. */
  sendLogCsv: string;
  /** Orders since the start, a normal order file: each pilot customer buys one of their suggested products with their group's chance. */
  ordersCsv: string;
}

/** The files of a demo's example pilot that ran with a planted effect, worked out on a fresh copy of the demo. */
export async function plantedPilot(
  industry: Industry,
  chance: { treatment: number; control: number },
  seed: number,
): Promise<PlantedPilot> {
  const db = generateDemoWorkspace(await loadSqlJs(), industry);
  try {
    const plan = examplePlan(db);
    const rows = audienceRows(db, plan.document, otherActivePlans(db, plan.planId));
    const audience = audienceCsv(rows);
    const sendLog = [
      'Email,Event,Timestamp',
      ...rows.filter((r) => r.group === 'treatment').map((r) => `${r.email},Received Email,${r.sendTime}`),
    ].join('\n');
    const { sends } = readPilotSends(audience);
    const ids = new Map(
      queryAll<{ product_id: string; name: string }>(db, 'SELECT product_id, name FROM products').map((p) => [
        p.name,
        p.product_id,
      ]),
    );
    const start = dayOf(planAsOf(db, plan.document)!);
    const outcomes = customerOutcomes(
      db,
      sends,
      loadPurchases(db),
      start,
      start + 2 * plan.document.pilot.durationDays,
    );
    const productsOf = new Map(sends.map((s) => [s.customerId, s.products]));
    const next = seededRandom(seed);
    const lines = ['order_id,customer_id,ordered_at,product_id,quantity,unit_price,channel'];
    for (const o of outcomes) {
      const products = productsOf.get(o.customerId) ?? [];
      if (products.length === 0 || next() >= chance[o.group]) continue;
      const product = ids.get(products[Math.floor(next() * products.length)]);
      if (product === undefined) throw new Error(`No product is named ${products.join(', ')}`);
      lines.push(`PILOT-${o.customerId},${o.customerId},${stampOf(start + 1 + next() * 20)},${product},1,25.00,web`);
    }
    // A last order well past the 14 days, so the orders cover the days the verdict needs.
    lines.push(`PILOT-LAST,${outcomes[0].customerId},${stampOf(start + 40)},${ids.values().next().value},1,10.00,web`);
    return {
      planName: plan.document.name,
      audienceCsv: audience,
      sendLogCsv: `${sendLog}\n`,
      ordersCsv: `${lines.join('\n')}\n`,
    };
  } finally {
    db.close();
  }
}
