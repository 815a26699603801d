import { expect, test } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { analyseMoments } from '../../src/core/analysis/moments';
import { createWorkspaceDb, openWorkspaceBytes } from '../../src/core/store/open-workspace';
import { blankPlan, type PlanDocument } from '../../src/core/plan/plan-document';
import { sha256OfFile, withTempDir } from '../support/temp-dir';
import { cli } from '../support/cli-process';

async function emptyWorkspace(path: string): Promise<void> {
  const db = createWorkspaceDb(await loadSqlJs(), 'Client shop');
  await writeFile(path, db.export());
  db.close();
}

function planDocument(): PlanDocument {
  const plan = blankPlan('Autumn routine');
  plan.objective = 'More second orders from first-time buyers';
  plan.strategy = { id: 'completion', why: 'Routines are built over several orders.' };
  plan.moment = {
    id: 'post-purchase',
    startDate: '2026-11-01',
    settings: { postPurchaseHours: 72 },
    trigger: 'An order in the last 72 hours',
  };
  return plan;
}

/** What applying `planDocument()` to a workspace changes: the document does not record where it was reviewed. */
const FITTED_NOTES = [
  'The plan does not record which workspace it was reviewed in, so it was treated as a plan from another workspace.',
  'The start date 2026-11-01 was cleared: until you pick one on the Moment step, the plan starts just after this workspace’s latest order.',
];
const fittedDocument = (): PlanDocument => {
  const plan = planDocument();
  return { ...plan, moment: { ...plan.moment, startDate: null } };
};

test('plan creates a plan from a document, lists, shows and exports it, and updates it by name', async () => {
  await withTempDir(async (dir) => {
    const workspace = join(dir, 'client.xsell');
    const source = join(dir, 'plan.json');
    await emptyWorkspace(workspace);
    await writeFile(source, JSON.stringify(planDocument()));

    const made = await cli('plan', '--workspace', workspace, '--from', source);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('Created the plan “Autumn routine” (plan-1, revision 1)');
    expect(made.stdout).toContain(
      ['Changed to fit this workspace:', ...FITTED_NOTES.map((n) => `  - ${n}`)].join('\n'),
    );

    const listed = await cli('plan', '--workspace', workspace, '--list', '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        planId: 'plan-1',
        name: 'Autumn routine',
        status: 'active',
        revision: 1,
        strategyId: 'completion',
        momentId: 'post-purchase',
      }),
    ]);
    const table = await cli('plan', '--workspace', workspace, '--list');
    expect(table.stdout).toMatch(
      /Autumn routine\s+active\s+1\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+Completion, Just ordered/,
    );

    const shown = await cli('plan', '--workspace', workspace, '--show', 'AUTUMN ROUTINE', '--json');
    expect(shown.code).toBe(0);
    const record = JSON.parse(shown.stdout);
    expect(record).toMatchObject({ planId: 'plan-1', revision: 1, document: fittedDocument() });
    // No orders in this workspace and no start date: there is no audience to show.
    expect(record.audience).toBeNull();

    const exported = join(dir, 'exported.json');
    const written = await cli('plan', '--workspace', workspace, '--export', 'Autumn routine', '--out', exported);
    expect(written.code).toBe(0);
    expect(JSON.parse(await readFile(exported, 'utf8'))).toEqual(fittedDocument());

    // The same document again changes nothing, not even the file.
    const before = await sha256OfFile(workspace);
    const again = await cli('plan', '--workspace', workspace, '--from', exported);
    expect(again.stdout).toContain('Nothing changed in the plan “Autumn routine” (plan-1, revision 1)');
    expect(await sha256OfFile(workspace)).toBe(before);

    const edited = { ...planDocument(), objective: 'More second orders within 60 days' };
    await writeFile(source, JSON.stringify(edited));
    const updated = await cli('plan', '--workspace', workspace, '--from', source, '--json');
    expect(JSON.parse(updated.stdout)).toEqual({
      action: 'updated',
      planId: 'plan-1',
      name: 'Autumn routine',
      revision: 2,
      notes: FITTED_NOTES,
    });
    // The previous file is kept as the backup.
    expect(await sha256OfFile(`${workspace}.bak`)).toBe(before);

    const renamed = await cli('plan', '--workspace', workspace, '--from', source, '--name', 'Winter routine');
    expect(renamed.stdout).toContain('Created the plan “Winter routine” (plan-2, revision 1)');
    const names = JSON.parse((await cli('plan', '--workspace', workspace, '--list', '--json')).stdout).map(
      (p: { name: string; revision: number }) => [p.name, p.revision],
    );
    expect(names).toEqual([
      ['Winter routine', 1],
      ['Autumn routine', 2],
    ]);
  });
});

test('a demo written by the command line holds its example plan, shown with its audience and schedule', async () => {
  await withTempDir(async (dir) => {
    const workspace = join(dir, 'beauty.xsell');
    expect(
      (await cli('demo', '--industry', 'beauty', '--out', workspace, '--customers', '1500', '--seed', '2')).code,
    ).toBe(0);
    const [plan] = JSON.parse((await cli('plan', '--workspace', workspace, '--list', '--json')).stdout);
    expect(plan).toMatchObject({ strategyId: 'completion', momentId: 'post-purchase', revision: 1 });

    const shown = JSON.parse((await cli('plan', '--workspace', workspace, '--show', plan.name, '--json')).stdout);
    const opened = openWorkspaceBytes(await loadSqlJs(), await readFile(workspace));
    if (!opened.ok) throw new Error(opened.error.message);
    const moments = analyseMoments(opened.value, {
      ...shown.document.moment.settings,
      asOf: '2026-11-01T00:00:00',
    }).moments;
    opened.value.close();
    expect(shown.audience.count).toBeGreaterThan(3);
    expect(shown.audience.count).toBe(moments.find((m) => m.moment === 'post-purchase')!.count);
    expect(shown.schedule.days).toHaveLength(30);
    expect(shown.schedule.totals.email).toBeGreaterThan(0);

    const text = await cli('plan', '--workspace', workspace, '--show', plan.name);
    expect(text.stdout).toContain(`${shown.audience.count} customer`);
    expect(text.stdout).toContain(`${shown.schedule.totals.email} email`);
    expect(text.stdout).toContain('Complete the routine after a first order (plan-1, active, revision 1');
  });
});

test('plan refuses an invalid document, a file that is not JSON and a wrong command line, leaving the workspace as it was', async () => {
  await withTempDir(async (dir) => {
    const workspace = join(dir, 'client.xsell');
    await emptyWorkspace(workspace);
    const before = await sha256OfFile(workspace);

    const invalid = join(dir, 'invalid.json');
    await writeFile(
      invalid,
      JSON.stringify({
        ...planDocument(),
        offer: { kind: 'voucher', percent: 10, code: '', expiresAfterDays: 14 },
        colour: 'red',
      }),
    );
    const refused = await cli('plan', '--workspace', workspace, '--from', invalid);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('This plan document has 2 problems:');
    expect(refused.stderr).toContain('- offer.kind should be one of "none", "percent", not the text "voucher"');
    expect(refused.stderr).toContain('- the plan has a field the plan format does not know: "colour"');

    const newer = join(dir, 'newer.json');
    await writeFile(newer, JSON.stringify({ ...planDocument(), schemaVersion: 2 }));
    const tooNew = await cli('plan', '--workspace', workspace, '--from', newer);
    expect(tooNew.code).toBe(1);
    expect(tooNew.stderr).toContain('written by a newer version of Cross-Sell Planner');

    const notJson = join(dir, 'notes.json');
    await writeFile(notJson, 'name: Autumn routine\n');
    expect((await cli('plan', '--workspace', workspace, '--from', notJson)).code).toBe(2);
    expect((await cli('plan', '--workspace', workspace, '--from', join(dir, 'missing.json'))).code).toBe(2);
    const source = join(dir, 'plan.json');
    await writeFile(source, JSON.stringify(planDocument()));
    const noWorkspace = await cli('plan', '--workspace', join(dir, 'missing.xsell'), '--from', source);
    expect(noWorkspace.code).toBe(2);
    expect(noWorkspace.stderr).toBe(`There is no file “${join(dir, 'missing.xsell')}”.\n`);

    const unknown = await cli('plan', '--workspace', workspace, '--show', 'Nothing like it');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no plan named “Nothing like it”');

    for (const args of [
      ['--list', '--show', 'x'],
      [],
      ['--export', 'x'],
      ['--list', '--name', 'x'],
      ['--list', '--colour'],
    ]) {
      const run = await cli('plan', '--workspace', workspace, ...args);
      expect(run.code, args.join(' ')).toBe(64);
      expect(run.stderr).toContain('Usage: npm run cli -- plan');
    }
    expect(await sha256OfFile(workspace)).toBe(before);
  });
});

test('a plan exported from one demo shop and applied to another is fitted to it, and lists what changed', async () => {
  await withTempDir(async (dir) => {
    const beauty = join(dir, 'beauty.xsell');
    const lighting = join(dir, 'lighting.xsell');
    for (const [industry, out] of [
      ['beauty', beauty],
      ['lighting', lighting],
    ])
      expect((await cli('demo', '--industry', industry, '--out', out, '--customers', '300')).code).toBe(0);
    const [example] = JSON.parse((await cli('plan', '--workspace', beauty, '--list', '--json')).stdout);
    const exported = join(dir, 'routine.json');
    expect((await cli('plan', '--workspace', beauty, '--export', example.name, '--out', exported)).code).toBe(0);

    const text = await cli('plan', '--workspace', lighting, '--from', exported, '--name', 'Routine from Glow');
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Created the plan “Routine from Glow” \(plan-2, revision 1\) in /);
    expect(lines.slice(1, 3)).toEqual([
      'Changed to fit this workspace:',
      '  - The plan was made in another workspace, so what belonged to it was taken out.',
    ]);
    expect(lines[3]).toMatch(
      /^ {2}- 20 recommendations name products this workspace does not have \(“.+” and 17 more, all of them approved picks\): they were taken out of the plan\.$/,
    );
    expect(lines.slice(4)).toEqual([
      '  - The client “Glow & Co. skincare” was cleared: name this workspace’s client on the Strategy step.',
      '  - The approver “Maya Lindqvist, e-commerce lead” was cleared: name who signs this plan off on the Strategy step.',
      '  - The review by Maya Lindqvist, e-commerce lead on 2026-11-01 was taken back: the picks are signed off again here.',
      '  - The start date 2026-11-01 was cleared: until you pick one on the Moment step, the plan starts just after this workspace’s latest order.',
    ]);
    const shown = JSON.parse(
      (await cli('plan', '--workspace', lighting, '--show', 'Routine from Glow', '--json')).stdout,
    );
    expect(shown.document).toMatchObject({
      client: '',
      approver: '',
      moment: { startDate: null },
      recommendations: { items: [], reviewedBy: '', reviewedAt: null, workspaceId: null },
    });

    // Back in its own workspace, nothing needs changing.
    const home = await cli('plan', '--workspace', beauty, '--from', exported, '--name', 'Routine again', '--json');
    expect(JSON.parse(home.stdout)).toEqual({
      action: 'created',
      planId: 'plan-2',
      name: 'Routine again',
      revision: 1,
      notes: [],
    });
  });
});
