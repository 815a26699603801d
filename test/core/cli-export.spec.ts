import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { generateDemoWorkspace } from '../../src/core/demo';
import { AUDIENCE_COLUMNS } from '../../src/core/export/audience-csv';
import { EVIDENCE_COLUMNS } from '../../src/core/export/evidence-csv';
import { addAcknowledgement } from '../../src/core/plan/acknowledgements';
import { CHECK_IDS } from '../../src/core/plan/checklist';
import { planChecklist } from '../../src/core/plan/checklist-report';
import { getPlan, listPlans, savePlan } from '../../src/core/plan/plan-store';
import { exportedAudience } from '../../src/core/results/exported-audience';
import { planDocumentSchema } from '../../src/core/plan/plan-document';
import { sha256OfFile, tempFilesIn, withTempDir } from '../support/temp-dir';
import { cli } from '../support/cli-process';

test('export writes every format of a demo plan, whole, and says what went wrong otherwise', async () => {
  test.setTimeout(240_000);
  await withTempDir(async (dir) => {
    const workspace = join(dir, 'beauty.xsell');
    const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
    const [plan] = listPlans(db);
    await writeFile(workspace, db.export());
    db.close();
    const out = (name: string) => join(dir, name);
    const exportTo = (format: string, file: string) =>
      cli(
        'export',
        '--workspace',
        workspace,
        '--plan',
        plan.name.toUpperCase(),
        '--format',
        format,
        '--out',
        out(file),
      );

    const html = await exportTo('html', 'plan.html');
    expect(html.stderr).toBe('');
    expect(html.code).toBe(0);
    expect(html.stdout).toContain(`Wrote the plan “${plan.name}” as html to ${out('plan.html')}.`);
    const page = await readFile(out('plan.html'), 'utf8');
    expect(page).toContain(`<h1>${plan.name}</h1>`);
    expect(page).toContain('Glow &amp; Co. skincare');

    const md = await exportTo('md', 'plan.md');
    expect(md.code).toBe(0);
    expect(await readFile(out('plan.md'), 'utf8')).toContain(`# ${plan.name}\n`);

    expect((await exportTo('json', 'plan.json')).code).toBe(0);
    const document = planDocumentSchema.parse(JSON.parse(await readFile(out('plan.json'), 'utf8')));
    expect(document.name).toBe(plan.name);

    const audienceRun = await exportTo('audience-csv', 'audience.csv');
    expect(audienceRun.code).toBe(0);
    expect(audienceRun.stdout).toContain("keeps the pilot's draw");
    const audience = Papa.parse<Record<string, string>>(await readFile(out('audience.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(audience.meta.fields).toEqual([...AUDIENCE_COLUMNS]);
    expect(audience.data.length).toBeGreaterThan(10);
    // The saved workspace keeps the draw the file was written from, row for row.
    const saved = new (await loadSqlJs()).Database(await readFile(workspace));
    const kept = exportedAudience(saved, plan.planId);
    saved.close();
    expect(kept?.rows.map((r) => [r.customerId, r.group])).toEqual(audience.data.map((r) => [r.customer_id, r.group]));

    expect((await exportTo('evidence-csv', 'evidence.csv')).code).toBe(0);
    const evidence = Papa.parse<Record<string, string>>(await readFile(out('evidence.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(evidence.meta.fields).toEqual([...EVIDENCE_COLUMNS]);
    expect(evidence.data).toHaveLength(document.recommendations.items.length);

    expect((await exportTo('ics', 'pilot.ics')).code).toBe(0);
    expect(await readFile(out('pilot.ics'), 'utf8')).toContain('DTSTART;VALUE=DATE:20261101\r\n');
    expect(await tempFilesIn(dir)).toEqual([]);

    // Wrong command lines: exit 64 with the usage.
    const badFormat = await exportTo('pdf', 'plan.pdf');
    expect(badFormat.code).toBe(64);
    expect(badFormat.stderr).toContain(
      '--format must be one of html, md, json, audience-csv, evidence-csv, ics; got "pdf".',
    );
    const noOut = await cli('export', '--workspace', workspace, '--plan', plan.name, '--format', 'html');
    expect(noOut.code).toBe(64);
    expect(noOut.stderr).toContain('The option --out is required.');

    // Not a workspace: exit 2. No plan of that name: exit 1, listing the plans.
    const missing = await cli(
      'export',
      '--workspace',
      out('none.xsell'),
      '--plan',
      plan.name,
      '--format',
      'html',
      '--out',
      out('x.html'),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('There is no file “');
    await writeFile(out('junk.xsell'), 'not a database at all');
    const junk = await cli(
      'export',
      '--workspace',
      out('junk.xsell'),
      '--plan',
      plan.name,
      '--format',
      'html',
      '--out',
      out('x.html'),
    );
    expect(junk.code).toBe(2);
    const unknown = await cli(
      'export',
      '--workspace',
      workspace,
      '--plan',
      'Summer sale',
      '--format',
      'html',
      '--out',
      out('x.html'),
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      `There is no plan named “Summer sale” in ${workspace}. Its plans: “${plan.name}”.`,
    );
    await expect(readFile(out('x.html'))).rejects.toThrow();
  });
});

test('export refuses a plan with a failing check nobody accepted, and writes it once the check is accepted', async () => {
  test.setTimeout(240_000);
  await withTempDir(async (dir) => {
    const workspace = join(dir, 'beauty.xsell');
    const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
    const [plan] = listPlans(db);
    const record = getPlan(db, plan.planId);
    if (!record.ok) throw new Error(record.error);
    const document = record.value.document;
    const saved = savePlan(
      db,
      plan.planId,
      {
        ...document,
        messages: { ...document.messages, email: { ...document.messages.email, unsubscribeFooter: false } },
      },
      new Date('2026-11-02T00:00:00Z'),
    );
    expect(saved.ok).toBe(true);
    await writeFile(workspace, db.export());

    const out = join(dir, 'plan.md');
    const refused = await cli('export', '--workspace', workspace, '--plan', plan.name, '--format', 'md', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('“A way to unsubscribe”');
    expect(await sha256OfFile(out)).toBeNull();
    expect(await tempFilesIn(dir)).toEqual([]);

    const accepted = addAcknowledgement(
      db,
      plan.planId,
      { checkId: 'messages-unsubscribe', reason: 'The email tool adds its own footer.', by: 'Dana' },
      CHECK_IDS,
      new Date(),
    );
    expect(accepted.ok).toBe(true);
    await writeFile(workspace, db.export());
    db.close();
    const written = await cli('export', '--workspace', workspace, '--plan', plan.name, '--format', 'md', '--out', out);
    expect(written.code).toBe(0);
    expect(await readFile(out, 'utf8')).toContain('The email tool adds its own footer.');
  });
});

test('export refuses an audience file that would list nobody, with the reason, even once every failing check is accepted', async () => {
  test.setTimeout(240_000);
  await withTempDir(async (dir) => {
    const workspace = join(dir, 'beauty.xsell');
    const db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
    const [plan] = listPlans(db);
    // As if the shop's export had no consent column.
    db.run('UPDATE customers SET email_opt_in = NULL, sms_opt_in = NULL');
    const record = getPlan(db, plan.planId);
    if (!record.ok) throw new Error(record.error);
    const { checks } = planChecklist(db, plan.planId, record.value.document, []);
    const failing = checks.filter((c) => c.status === 'fail').map((c) => c.id);
    // With nobody reachable the pilot has nobody to draw either.
    expect(failing).toEqual(['channels-consent', 'reach-above-zero', 'pilot-sample-size']);
    for (const checkId of failing) {
      const accepted = addAcknowledgement(
        db,
        plan.planId,
        { checkId, reason: 'The customers agreed on paper forms in the shop.', by: 'Dana' },
        CHECK_IDS,
        new Date(),
      );
      expect(accepted.ok).toBe(true);
    }
    await writeFile(workspace, db.export());
    db.close();

    const out = join(dir, 'audience.csv');
    const refused = await cli(
      'export',
      '--workspace',
      workspace,
      '--plan',
      plan.name,
      '--format',
      'audience-csv',
      '--out',
      out,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'The audience file was not made: it would list nobody. Nobody can be reached: none of the 359 customers the plan is for gets a message: missing consent holds back 767 of its sends.',
    );
    expect(refused.stderr).toContain('record where and when under “Consent recorded elsewhere” in the channel plan');
    expect(await sha256OfFile(out)).toBeNull();
  });
});
