import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { generateDemoWorkspace } from '../../src/core/demo';
import { renderPlanExport } from '../../src/core/export/export-plan';
import { savePlan } from '../../src/core/plan/plan-store';
import type { Database } from '../../src/core/store/sqlite';
import { takeOutStyles } from '../../src/renderer/host/print-report';
import { examplePlan } from '../support/demo-plan';

/**
 * The web edition prints a report by taking its style elements out and handing their rules to the
 * print frame as a stylesheet. Values from a crafted workspace (plan texts, branding in `meta`) must
 * never add a rule there or leave a tag of their own in what is printed: every case gives exactly the
 * stylesheet of the untouched report, and its file is unchanged afterwards.
 */

const FOLDER = 'test/fixtures/hostile/render';
const NOW = new Date('2026-11-24T12:00:00Z');

interface HostileCase {
  /** Fields written over the demo's example plan. */
  plan?: Record<string, string>;
  /** Rows written straight into the workspace's meta table, as a crafted file would hold them. */
  meta?: Record<string, string>;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function printedParts(hostile: HostileCase): Promise<{ html: string; css: string }> {
  const db: Database = generateDemoWorkspace(await loadSqlJs(), 'beauty', { customers: 300 });
  try {
    const plan = examplePlan(db);
    if (hostile.plan) {
      const saved = savePlan(db, plan.planId, { ...plan.document, ...hostile.plan }, NOW);
      if (!saved.ok) throw new Error(saved.error);
    }
    for (const [key, value] of Object.entries(hostile.meta ?? {}))
      db.run('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)', [key, value]);
    const report = renderPlanExport(db, plan.planId, 'html', { now: NOW });
    if (!report.ok) throw new Error(report.error);
    return takeOutStyles(report.value.data);
  } finally {
    db.close();
  }
}

let untouchedReport: Promise<{ html: string; css: string }> | null = null;
const untouched = () => (untouchedReport ??= printedParts({}));

test('the untouched report gives one stylesheet with its page rule, and no style element is left', async () => {
  const { html, css } = await untouched();
  expect(css).toContain('@page { size: A4; margin: 18mm 16mm; }');
  expect(html).not.toMatch(/<style/i);
});

for (const file of readdirSync(FOLDER).filter((name) => name.endsWith('.json'))) {
  test(`print styles: ${file.replace(/\.json$/, '').replace(/-/g, ' ')}`, async () => {
    const path = join(FOLDER, file);
    const before = sha256(path);
    const hostile = JSON.parse(readFileSync(path, 'utf8')) as HostileCase;

    const { css } = await untouched();
    const printed = await printedParts(hostile);
    expect(printed.css).toBe(css);
    expect(printed.html).not.toMatch(/<\/?(style|link|script)\b/i);
    expect(sha256(path)).toBe(before);
  });
}
