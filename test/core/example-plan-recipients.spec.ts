import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { DEMO_WORKSPACES, generateDemoWorkspace } from '../../src/core/demo';
import { renderPlanExport } from '../../src/core/export/export-plan';
import { planChecklist } from '../../src/core/plan/checklist-report';
import { createMemo } from '../../src/core/plan/memo';
import { computePlanView } from '../../src/core/plan/plan-view';
import { baseName } from '../../src/core/plan/product-variants';
import { queryAll, type Database } from '../../src/core/store/sqlite';
import { examplePlan } from '../support/demo-plan';

/**
 * Each demo's example plan, as its audience file sends it: every customer in the file bought the
 * product their recommendation starts from and owns neither the product they are sent nor a
 * variant of it, checked against the order lines; and the pilot step counts the same groups the
 * file lists.
 */

const NOW = new Date('2026-11-24T12:00:00Z');

interface Row {
  customer_id: string;
  group: string;
  anchor_products: string;
  recommended_products: string;
}

/** The names of the products each customer bought (in orders that stand, lines not returned) before the day. */
function boughtBefore(db: Database, day: string): Map<string, Set<string>> {
  const bought = new Map<string, Set<string>>();
  for (const { customer_id, name } of queryAll<{ customer_id: string; name: string }>(
    db,
    `SELECT o.customer_id, coalesce(p.name, l.product_id) AS name FROM orders o
     JOIN order_lines l ON l.order_id = o.order_id LEFT JOIN products p ON p.product_id = l.product_id
     WHERE o.ordered_at < ? AND coalesce(lower(o.status), '') NOT IN ('cancelled', 'canceled')
       AND l.reverses_line IS NULL AND coalesce(l.quantity, 1) > 0`,
    [day],
  )) {
    let names = bought.get(customer_id);
    if (!names) bought.set(customer_id, (names = new Set()));
    names.add(name);
  }
  return bought;
}

for (const demo of DEMO_WORKSPACES) {
  test(`the ${demo.industry} demo’s example plan sends each customer a product that goes with one they bought`, async () => {
    const db = generateDemoWorkspace(await loadSqlJs(), demo.industry);
    try {
      const record = examplePlan(db);
      const file = renderPlanExport(db, record.planId, 'audience-csv', { now: NOW });
      if (!file.ok) throw new Error(file.error);
      const rows = Papa.parse<Row>(file.value.data, { header: true, skipEmptyLines: true }).data;
      const bought = boughtBefore(db, `${record.document.moment.startDate}T00:00:00`);

      const treated = new Set(rows.filter((r) => r.group === 'treatment').map((r) => r.customer_id));
      const control = new Set(rows.filter((r) => r.group === 'control').map((r) => r.customer_id));
      expect(treated.size).toBeGreaterThan(50);
      for (const row of rows) {
        const theirs = bought.get(row.customer_id) ?? new Set<string>();
        const anchors = row.anchor_products.split('; ').filter(Boolean);
        expect(anchors.length, row.customer_id).toBeGreaterThan(0);
        for (const anchor of anchors) expect(theirs.has(anchor), `${row.customer_id} bought ${anchor}`).toBe(true);
        const ownedBases = new Set([...theirs].map(baseName));
        for (const product of row.recommended_products.split('; ').filter(Boolean)) {
          expect(theirs.has(product), `${row.customer_id} owns ${product}`).toBe(false);
          expect(ownedBases.has(baseName(product)), `${row.customer_id} owns a variant of ${product}`).toBe(false);
        }
      }

      // The pilot step and the checklist count the groups the file lists.
      const memo = createMemo();
      const view = computePlanView(db, record.document, [], memo);
      expect({ treatment: view.pilot.treatment, control: view.pilot.control }).toEqual({
        treatment: treated.size,
        control: control.size,
      });
      const checks = planChecklist(db, record.planId, record.document, [], memo).checks;
      const sample = checks.find((c) => c.id === 'pilot-sample-size')!;
      expect(sample.evidence).toContain(`${treated.size} treated and ${control.size} in control`);
      expect(checks.find((c) => c.id === 'messages-own-purchase')!.status).toBe('pass');
      expect(checks.find((c) => c.id === 'relevance-owned')!.status).toBe('pass');

      // The preview is of a recipient, and names what they bought.
      const preview = view.preview!;
      expect(preview.customer.id).toBe(view.recipients!.sample[0].customerId);
      expect(bought.get(preview.customer.id)!.has(preview.drafts.anchor!)).toBe(true);
      expect(preview.why).toContain(`Bought ${preview.drafts.anchor}`);
    } finally {
      db.close();
    }
  });
}
