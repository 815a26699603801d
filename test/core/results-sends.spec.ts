import { expect, test } from '@playwright/test';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { audienceRows } from '../../src/core/plan/pilot-audience';
import { audienceCsv } from '../../src/core/export/audience-csv';
import { createPlan, otherActivePlans } from '../../src/core/plan/plan-store';
import { loadPilotSends, readPilotSends, recordPilotSends } from '../../src/core/results/pilot-sends';
import { createWorkspaceDb, openWorkspaceBytes } from '../../src/core/store/open-workspace';
import { queryValue } from '../../src/core/store/sqlite';
import { blankPlan } from '../../src/core/plan/plan-document';
import { withTempDir } from '../support/temp-dir';
import { cli } from '../support/cli-process';
import { examplePlan } from '../support/demo-plan';

const ROOT = resolve(import.meta.dirname, '../..');
const HEADER = 'customer_id,email,first_name,group,variant,channel,scheduled_send_time,recommended_products';

test('the audience file is read back as the sends, and each row that cannot be used is named with its line', () => {
  const text = [
    HEADER,
    'C1,a@example.com,Ann,treatment,A,email,2026-11-03T09:00:00,Serum; Toner',
    'C2,b@example.com,Ben,control,,email,,Serum',
    ',c@example.com,Cy,treatment,A,email,2026-11-03T09:00:00,Serum',
    'C4,d@example.com,Di,holdout,,email,,Serum',
    'C5,e@example.com,Ed,treatment,B,fax,2026-11-03T09:00:00,Serum',
    'C6,f@example.com,Flo,treatment,B,sms,soon,Serum',
    'C2,b@example.com,Ben,treatment,A,sms,2026-11-05T10:00:00,Serum',
    'C1,a@example.com,Ann,treatment,A,sms,2026-11-06 10:30,Toner',
  ].join('\r\n');
  const read = readPilotSends(text);
  expect(read.rowsRead).toBe(8);
  expect(read.sends).toEqual([
    {
      customerId: 'C1',
      group: 'treatment',
      variant: 'A',
      channel: 'email',
      sentAt: '2026-11-03T09:00:00',
      products: ['Serum', 'Toner'],
      unsubscribedAt: null,
    },
    {
      customerId: 'C2',
      group: 'control',
      variant: null,
      channel: 'email',
      sentAt: null,
      products: ['Serum'],
      unsubscribedAt: null,
    },
    {
      customerId: 'C1',
      group: 'treatment',
      variant: 'A',
      channel: 'sms',
      sentAt: '2026-11-06T10:30:00',
      products: ['Toner'],
      unsubscribedAt: null,
    },
  ]);
  expect(read.problems).toHaveLength(5);
  expect(read.problems[0]).toMatch(/^Line 4: there is no customer id/);
  expect(read.problems[1]).toMatch(/^Line 5: the group is “holdout”/);
  expect(read.problems[2]).toMatch(/^Line 6: the channel is “fax”/);
  expect(read.problems[3]).toMatch(/^Line 7: a treated customer needs a send time/);
  expect(read.problems[4]).toMatch(/^Line 8: customer C2 is already in the control group/);
  expect(() => readPilotSends('order_id,customer_id\n1,C1\n')).toThrow(
    /not the pilot's audience file: it has no group, channel, scheduled_send_time, recommended_products columns/,
  );
});

test('recording the sends again replaces those recorded before, and a saved workspace keeps them', async () => {
  const SQL = await loadSqlJs();
  const db = createWorkspaceDb(SQL, 'Sends');
  const created = createPlan(db, blankPlan('Pilot'), new Date('2026-11-01T00:00:00Z'));
  if (!created.ok) throw new Error(created.error);
  const planId = created.value.planId;
  const first = readPilotSends(
    `${HEADER}\nC1,,,treatment,A,email,2026-11-03T09:00:00,Serum\nC2,,,control,,email,,Serum\n`,
  );
  recordPilotSends(db, planId, first.sends);
  recordPilotSends(db, planId, first.sends.slice(0, 1));
  const reopened = openWorkspaceBytes(SQL, db.export());
  expect(reopened.ok).toBe(true);
  if (!reopened.ok) return;
  expect(loadPilotSends(reopened.value, planId)).toEqual(first.sends.slice(0, 1));
  expect(queryValue(reopened.value, 'SELECT count(*) FROM pilot_sends')).toBe(1);
});

test('results records the sends from the audience file, saves the workspace and prints the measures', async () => {
  test.setTimeout(180_000);
  await withTempDir(async (dir) => {
    const workspace = join(dir, 'beauty.xsell');
    const sendsFile = join(dir, 'audience.csv');
    const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
    const plan = examplePlan(db);
    const rows = audienceRows(db, plan.document, otherActivePlans(db, plan.planId));
    await writeFile(sendsFile, audienceCsv(rows));
    await writeFile(workspace, db.export());
    db.close();

    const recorded = await cli(
      'results',
      '--workspace',
      workspace,
      '--plan',
      plan.document.name,
      '--sends',
      sendsFile,
      '--json',
    );
    expect(recorded.stderr).toBe('');
    expect(recorded.code).toBe(0);
    const json = JSON.parse(recorded.stdout);
    const customersIn = (group: string) => new Set(rows.filter((r) => r.group === group).map((r) => r.customerId)).size;
    expect(json.sends).toEqual({
      kind: 'audience',
      message: "Read as the app's audience file.",
      rowsRead: rows.length,
      treatedCustomers: customersIn('treatment'),
      controlCustomers: customersIn('control'),
      problems: [],
      file: 'audience.csv',
    });
    const groups = new Set(rows.map((r) => `${r.group}:${r.customerId}`));
    expect(json.results.treatmentCustomers + json.results.controlCustomers).toBe(groups.size);
    expect(json.results.measures.map((m: { id: string }) => m.id)).toEqual(
      expect.arrayContaining([
        'acceptance',
        'time-to-secondary',
        'category-expansion',
        'cross-sell-aov',
        'return-rate',
      ]),
    );
    // No orders since the start yet: too early to decide.
    expect(json.results.verdict.decision).toBe('keep-running');

    // The sends stay in the workspace: the next run needs no file.
    const saved = openWorkspaceBytes(await loadSqlJs(), await readFile(workspace));
    expect(saved.ok && queryValue(saved.value, 'SELECT count(*) FROM pilot_sends')).toBe(rows.length);
    const again = await cli('results', '--workspace', workspace, '--plan', plan.document.name);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Cross-sell acceptance rate');
    expect(again.stdout).toContain('Keep the pilot running');

    const missing = await cli('results', '--workspace', workspace, '--plan', 'No such plan');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no plan named “No such plan”');
  });
});

test('results reads an email tool’s send log with --sends, takes the control group from the plan and refuses a file of neither kind', async () => {
  test.setTimeout(180_000);
  await withTempDir(async (dir) => {
    const workspace = join(dir, 'beauty.xsell');
    const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
    const plan = examplePlan(db);
    const controlRows = audienceRows(db, plan.document, otherActivePlans(db, plan.planId)).filter(
      (r) => r.group === 'control',
    );
    await writeFile(workspace, db.export());
    db.close();

    const log = resolve(ROOT, 'test/fixtures/results/mailchimp-send-log.csv');
    const read = await cli('results', '--workspace', workspace, '--plan', plan.document.name, '--sends', log);
    expect(read.stderr).toBe('');
    expect(read.code).toBe(0);
    const controlCustomers = new Set(controlRows.map((r) => r.customerId)).size;
    expect(read.stdout).toContain(
      `Read as an email tool's send log: 4 recipients matched, ${controlCustomers} control customers from the plan's hold-out, 3 rows left out.`,
    );
    expect(read.stdout).toContain('Line 6: no single customer has the email nobody@example.com');
    expect(read.stdout).toContain(
      `Recorded the sends of 4 treated and ${controlCustomers} control customers, from 9 rows of mailchimp-send-log.csv.`,
    );
    expect(read.stdout).toContain(`4 treated, ${controlCustomers} in control`);
    expect(read.stdout).toMatch(/Unsubscribes +25 %/);
    const saved = openWorkspaceBytes(await loadSqlJs(), await readFile(workspace));
    expect(
      saved.ok &&
        queryValue(
          saved.value,
          "SELECT count(*) FROM pilot_sends WHERE grp = 'treatment' AND unsubscribed_at IS NOT NULL",
        ),
    ).toBe(1);
    expect(saved.ok && queryValue(saved.value, "SELECT count(*) FROM pilot_sends WHERE grp = 'control'")).toBe(
      controlRows.length,
    );

    const neither = await cli(
      'results',
      '--workspace',
      workspace,
      '--plan',
      plan.document.name,
      '--sends',
      resolve(ROOT, 'test/fixtures/results/neither-file.csv'),
    );
    expect(neither.code).toBe(1);
    expect(neither.stderr).toContain("neither the pilot's audience file nor an email tool's send log");
    const missing = await cli(
      'results',
      '--workspace',
      workspace,
      '--plan',
      plan.document.name,
      '--sends',
      join(dir, 'no-such-log.csv'),
    );
    expect(missing.stderr).toBe(`There is no file “${join(dir, 'no-such-log.csv')}”.\n`);

    // With the sends recorded, exporting the audience file again leaves the draw they were read against alone.
    const exported = await cli(
      'export',
      '--workspace',
      workspace,
      '--plan',
      plan.document.name,
      '--format',
      'audience-csv',
      '--out',
      join(dir, 'again.csv'),
    );
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain("The pilot's sends are already recorded, so");
  });
});
