import { expect, test } from '@playwright/test';
import { readPilotSends } from '../../src/core/results/pilot-sends';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { renderPlanExport } from '../../src/core/export/export-plan';
import { openWorkspaceBytes } from '../../src/core/store/open-workspace';
import { createEngine } from '../../src/engine/engine';
import type { EngineApi } from '../../src/shared/engine-api';
import { plantedPilot } from '../support/planted-pilot';

/**
 * The pilot's results through the engine, as the app asks for them, and in the exported report:
 * the beauty demo's example pilot, run with a planted effect on acceptance.
 */

const bytes = (text: string) => new TextEncoder().encode(text);

async function exportedReports(engine: EngineApi, planId: string): Promise<{ html: string; markdown: string }> {
  const opened = openWorkspaceBytes(await loadSqlJs(), await engine.workspace.toBytes());
  if (!opened.ok) throw new Error('The workspace did not reopen.');
  try {
    const file = (format: 'html' | 'md') => {
      const made = renderPlanExport(opened.value, planId, format);
      if (!made.ok) throw new Error(made.error);
      return made.value.data;
    };
    return { html: file('html'), markdown: file('md') };
  } finally {
    opened.value.close();
  }
}

test('recorded sends and the orders since the start give the verdict in the app and in the exported report', async () => {
  const pilot = await plantedPilot('beauty', { treatment: 0.5, control: 0.15 }, 7);
  const engine = createEngine(await loadSqlJs());
  try {
    await engine.workspace.createDemo('beauty');
    const [plan] = await engine.plans.list();

    const none = await engine.pilot.results(plan.planId);
    expect(none).toEqual({
      ok: false,
      failure: { kind: 'results', message: expect.stringMatching(/^No sends are recorded/) },
    });
    expect((await exportedReports(engine, plan.planId)).html).not.toContain('<section id="results"');

    const before = (await engine.workspace.summary()).revision;
    const recorded = await engine.pilot.recordSends(plan.planId, bytes(pilot.audienceCsv));
    if (!recorded.ok) throw new Error(recorded.failure.message);
    expect(recorded.problems).toEqual([]);
    const groups = readPilotSends(pilot.audienceCsv).sends;
    expect([recorded.treatedCustomers, recorded.controlCustomers]).toEqual(
      (['treatment', 'control'] as const).map(
        (g) => new Set(groups.filter((s) => s.group === g).map((s) => s.customerId)).size,
      ),
    );
    expect(recorded.summary.revision).toBeGreaterThan(before);

    const waiting = await engine.pilot.results(plan.planId);
    if (!waiting.ok) throw new Error(waiting.failure.message);
    expect(waiting.value.verdict.decision).toBe('keep-running');

    const imported = await engine.imports.run(bytes(pilot.ordersCsv), 'orders-since-the-start.csv', {});
    expect(imported.ok).toBe(true);
    const measured = await engine.pilot.results(plan.planId);
    if (!measured.ok) throw new Error(measured.failure.message);
    const results = measured.value;
    expect(results.verdict.decision).toBe('scale');
    const acceptance = results.measures.find((m) => m.id === 'acceptance')!;
    expect(acceptance.comparison!.low).toBeGreaterThan(0);

    const { html, markdown } = await exportedReports(engine, plan.planId);
    const section = html.slice(html.indexOf('<section id="results"'));
    expect(section).toContain('<h2>Pilot results</h2>');
    expect(section).toContain(`<strong>${results.verdict.headline}</strong>`);
    expect(section).toContain('Cross-sell acceptance rate');
    expect(section).toContain(
      `${results.treatmentCustomers.toLocaleString('en')} treated and ${results.controlCustomers.toLocaleString('en')} in control`,
    );
    expect(section).toContain('associations');
    const markdownText = markdown.replace(/\\(.)/g, '$1');
    expect(markdownText).toContain('## Pilot results');
    expect(markdownText).toContain(`**${results.verdict.headline}**`);
  } finally {
    await engine.workspace.close();
  }
});

test('a file that is neither the audience file nor a send log, or a log naming no customer, is refused and records nothing', async () => {
  const engine = createEngine(await loadSqlJs());
  try {
    await engine.workspace.createDemo('beauty');
    const [plan] = await engine.plans.list();
    const refused = await engine.pilot.recordSends(plan.planId, bytes('order_id,customer_id\n1,2\n'));
    expect(refused).toEqual({
      ok: false,
      failure: {
        kind: 'sends',
        message: expect.stringContaining("neither the pilot's audience file nor an email tool's send log"),
        problems: [],
      },
    });
    const unknown = await engine.pilot.recordSends(
      plan.planId,
      bytes('Email,Timestamp\nnobody@example.com,2026-11-05 08:00\n'),
    );
    expect(unknown).toEqual({
      ok: false,
      failure: {
        kind: 'sends',
        message: 'None of the file’s rows can be used; the rows left out say why.',
        problems: ['Line 2: no single customer has the email nobody@example.com, so the row was left out.'],
      },
    });
    expect((await engine.pilot.results(plan.planId)).ok).toBe(false);
  } finally {
    await engine.workspace.close();
  }
});
