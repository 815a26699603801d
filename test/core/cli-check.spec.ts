import { expect, test } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { addAcknowledgement } from '../../src/core/plan/acknowledgements';
import { CHECK_IDS, CHECKS } from '../../src/core/plan/checklist';
import { createPlan } from '../../src/core/plan/plan-store';
import { createWorkspaceDb, openWorkspaceBytes } from '../../src/core/store/open-workspace';
import { blankPlan } from '../../src/core/plan/plan-document';
import { sha256OfFile, withTempDir } from '../support/temp-dir';
import { cli } from '../support/cli-process';

/** A workspace with one new plan: it names no approver and has nothing reviewed, so checks fail. */
async function workspaceWithPlan(path: string): Promise<void> {
  const db = createWorkspaceDb(await loadSqlJs(), 'Client shop');
  const made = createPlan(db, blankPlan('Spring plan'), new Date('2026-11-01T09:00:00Z'));
  if (!made.ok) throw new Error(made.error);
  await writeFile(path, db.export());
  db.close();
}

test('check prints every check and exits 1 while a check fails unacknowledged, without touching the workspace', async () => {
  await withTempDir(async (dir) => {
    const workspace = join(dir, 'client.xsell');
    await workspaceWithPlan(workspace);
    const before = await sha256OfFile(workspace);

    const json = await cli('check', '--workspace', workspace, '--plan', 'spring PLAN', '--json');
    expect(json.stderr).toBe('');
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.plan).toEqual({ planId: 'plan-1', name: 'Spring plan', revision: 1 });
    expect(report.checks.map((c: { id: string }) => c.id)).toEqual(CHECKS.map((c) => c.id));
    for (const check of report.checks) {
      expect(Object.keys(check).sort()).toEqual(['evidence', 'group', 'id', 'status', 'step', 'title', 'why']);
      expect(['pass', 'warn', 'fail']).toContain(check.status);
    }
    expect(report.checks.find((c: { id: string }) => c.id === 'automation-approver')).toMatchObject({
      status: 'fail',
      evidence: 'The plan names no approver.',
      step: 'strategy',
    });
    expect(report.acknowledged).toEqual([]);
    expect(report.blocked).toBe(true);

    const text = await cli('check', '--workspace', workspace, '--plan', 'Spring plan');
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^Checklist for “Spring plan” \(plan-1, revision 1\): \d+ pass, \d+ warn, \d+ fail/);
    expect(text.stdout).toMatch(/FAIL {2}A named approver +The plan names no approver\./);
    expect(text.stdout).toContain('Fix it in the Strategy step. (automation-approver)');
    expect(text.stdout).toMatch(
      /The plan cannot be exported: \d+ checks fail without an acknowledgement \(.*automation-approver.*\)/,
    );
    expect(await sha256OfFile(workspace)).toBe(before);
  });
});

test('check exits 0 once every failing check is acknowledged, and lists the acknowledgements', async () => {
  await withTempDir(async (dir) => {
    const workspace = join(dir, 'client.xsell');
    await workspaceWithPlan(workspace);
    const first = JSON.parse((await cli('check', '--workspace', workspace, '--plan', 'Spring plan', '--json')).stdout);
    const failing: string[] = first.checks
      .filter((c: { status: string }) => c.status === 'fail')
      .map((c: { id: string }) => c.id);
    expect(failing.length).toBeGreaterThan(1);

    const opened = openWorkspaceBytes(await loadSqlJs(), await readFile(workspace));
    if (!opened.ok) throw new Error(opened.error.message);
    for (const checkId of failing) {
      const added = addAcknowledgement(
        opened.value,
        'plan-1',
        { checkId, reason: 'A dry run for the training day', by: 'Ana Ruiz' },
        CHECK_IDS,
        new Date('2026-11-02T09:00:00Z'),
      );
      expect(added.ok).toBe(true);
    }
    await writeFile(workspace, opened.value.export());
    opened.value.close();

    const json = await cli('check', '--workspace', workspace, '--plan', 'Spring plan', '--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.blocked).toBe(false);
    expect(report.acknowledged.map((a: { checkId: string }) => a.checkId)).toEqual([...failing].sort());
    expect(report.acknowledged[0]).toEqual({
      checkId: expect.any(String),
      reason: 'A dry run for the training day',
      acknowledgedBy: 'Ana Ruiz',
      acknowledgedAt: '2026-11-02T09:00:00.000Z',
    });

    const text = await cli('check', '--workspace', workspace, '--plan', 'Spring plan');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/ack {3}A named approver +The plan names no approver\./);
    expect(text.stdout).toContain('automation-approver: “A dry run for the training day” (Ana Ruiz, 2026-11-02)');
    expect(text.stdout.trimEnd().endsWith('Nothing blocks the export.')).toBe(true);
  });
});

test('check exits 2 for a file that is not a workspace, 1 for an unknown plan and 64 for a wrong command line', async () => {
  await withTempDir(async (dir) => {
    const workspace = join(dir, 'client.xsell');
    await workspaceWithPlan(workspace);
    const notWorkspace = join(dir, 'notes.xsell');
    await writeFile(notWorkspace, 'not a database');

    const bad = await cli('check', '--workspace', notWorkspace, '--plan', 'Spring plan');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect((await cli('check', '--workspace', join(dir, 'missing.xsell'), '--plan', 'Spring plan')).code).toBe(2);

    const unknown = await cli('check', '--workspace', workspace, '--plan', 'Autumn plan');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no plan named “Autumn plan”');
    expect(unknown.stderr).toContain('Its plans: “Spring plan”.');

    for (const args of [
      ['--workspace', workspace],
      ['--plan', 'Spring plan'],
      ['--workspace', workspace, '--plan', 'Spring plan', '--format', 'md'],
    ]) {
      const run = await cli('check', ...args);
      expect(run.code, args.join(' ')).toBe(64);
      expect(run.stderr).toContain('Usage: npm run cli -- check');
    }
  });
});
