import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { audienceRows } from '../../src/core/plan/pilot-audience';
import { audienceCsv } from '../../src/core/export/audience-csv';
import { exportPlan } from '../../src/core/export/export-plan';
import { importFile } from '../../src/core/import/import-file';
import { bytesSource } from '../../src/core/import/source';
import { addAcknowledgement } from '../../src/core/plan/acknowledgements';
import { CHECK_IDS } from '../../src/core/plan/checklist';
import { planChecklist } from '../../src/core/plan/checklist-report';
import { deletePlan, listPlans, otherActivePlans, restorePlan } from '../../src/core/plan/plan-store';
import { measurePilot } from '../../src/core/results/measure';
import { loadPilotSends, readPilotSends, recordPilotSends, type PilotSend } from '../../src/core/results/pilot-sends';
import { drawIsSettled, exportedAudience } from '../../src/core/results/exported-audience';
import { readSendsFile } from '../../src/core/results/sends-file';
import { queryValue, type Database } from '../../src/core/store/sqlite';
import { createEngine } from '../../src/engine/engine';
import type { PlanRecord } from '../../src/core/plan/plan-document';
import { plantedPilot } from '../support/planted-pilot';
import { examplePlan } from '../support/demo-plan';

/**
 * An email tool's own send log as the second way to record a pilot's sends: Mailchimp-like,
 * Klaviyo-like and plain logs of the beauty demo's example pilot, matched to customers by email,
 * with the control group taken from the plan's own hold-out.
 */

const fixture = (name: string) => readFileSync(join(resolve(import.meta.dirname, '../fixtures/results'), name), 'utf8');

let db: Database;
let plan: PlanRecord;

test.beforeAll(async () => {
  db = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  plan = examplePlan(db);
});

test.afterAll(() => db.close());

const readLog = (text: string) =>
  readSendsFile(db, plan.planId, plan.document, otherActivePlans(db, plan.planId), text);
const treated = (sends: readonly PilotSend[]) => sends.filter((s) => s.group === 'treatment');
/** The customers the example pilot treats, in the audience file's order. */
const treatedIds = () => [
  ...new Set(
    audienceRows(db, plan.document, otherActivePlans(db, plan.planId))
      .filter((r) => r.group === 'treatment')
      .map((r) => r.customerId),
  ),
];
const emailsOf = (ids: readonly string[]) =>
  ids.map((id) => String(queryValue(db, 'SELECT email FROM customers WHERE customer_id = ?', [id])));

test('a Mailchimp-like log: recipients matched by email, bounces kept as treated, unknown emails and unreadable times named by line', () => {
  const read = readLog(fixture('mailchimp-send-log.csv'));
  expect(read.kind).toBe('send-log');
  expect(read.rowsRead).toBe(9);
  expect(treated(read.sends).map((s) => [s.customerId, s.sentAt, s.variant, s.channel, s.unsubscribedAt])).toEqual([
    ['C10062', '2026-11-05T08:00:03', 'A', 'email', null],
    ['C10152', '2026-11-05T08:00:04', 'B', 'email', null],
    ['C10180', '2026-11-05T08:00:05', 'A', 'email', null],
    ['C10342', '2026-11-05T08:00:07', 'B', 'email', '2026-11-06T19:30:00'],
  ]);
  expect(read.problems).toEqual([
    'Line 6: no single customer has the email nobody@example.com, so the row was left out.',
    'Line 9: there is no email address, so the row was left out.',
    'Line 10: the time “yesterday” is not understood; write it year first, as 2026-11-03 09:00 or 2026-11-03T09:00:00Z.',
  ]);
  expect(read.message).toMatch(
    /^Read as an email tool's send log: 4 recipients matched, \d+ control customers from the plan's hold-out, 3 rows left out\./,
  );
  expect(read.message).toContain('1 of the recipients bounced; they stay in the treated group');
  expect(read.message).toContain('1 unsubscribed');
  // The products recommended to a treated customer are those the audience export lists for them.
  const rows = audienceRows(db, plan.document, otherActivePlans(db, plan.planId));
  const elias = treated(read.sends).find((s) => s.customerId === 'C10062')!;
  expect(new Set(elias.products)).toEqual(
    new Set(rows.filter((r) => r.customerId === 'C10062').flatMap((r) => r.products)),
  );
});

test('a Klaviyo-like log of several events per recipient: the first send is the send time, the hold-out and outsiders are left out', () => {
  const read = readLog(fixture('klaviyo-send-log.csv'));
  expect(read.kind).toBe('send-log');
  expect(treated(read.sends).map((s) => [s.customerId, s.sentAt, s.variant, s.unsubscribedAt])).toEqual([
    // Opened before the received row in the file, yet the send time is when it was received.
    ['C10469', '2026-11-05T08:00:10', 'A', null],
    ['C10536', '2026-11-05T08:00:11', 'B', '2026-11-07T20:00:00'],
    ['C10562', '2026-11-05T08:00:12', 'A', null],
    // Only an open in the log: it was sent, at the latest by then.
    ['C10627', '2026-11-05T10:00:00', 'B', null],
  ]);
  expect(read.problems).toEqual([
    "Line 9: customer C10029 (oscar_andersson@example.net) is in the plan's control group, so their rows were left out; they stay in the control group as drawn.",
    "Line 11: customer C10000 (javier.campbell@example.org) is not among the plan's pilot customers, so their rows were left out: only customers drawn from the same audience as the control group compare fairly.",
    'Line 12: the activity “Placed Order” is not one this app reads (a send, delivery, open, click, bounce or unsubscribe).',
  ]);
  expect(read.message).toContain('4 recipients matched');
  expect(read.message).toContain('4 rows left out');
  expect(read.message).toContain("2 customers in the log are not in the pilot's treated group");
});

test('a plain log (email, sent_at, status): emails matched trimmed and lower-cased, failures kept as treated, variants as the audience drew them', () => {
  const read = readLog(fixture('generic-send-log.csv'));
  // The log names no variant: each recipient has the one the plan's A/B split gave them.
  const drawn = new Map(
    audienceRows(db, plan.document, otherActivePlans(db, plan.planId)).map((r) => [r.customerId, r.variant]),
  );
  expect(treated(read.sends).map((s) => [s.customerId, s.sentAt, s.variant])).toEqual([
    ['C10258', '2026-11-05T08:00:00', drawn.get('C10258')],
    ['C11176', '2026-11-05T08:00:00', drawn.get('C11176')],
    ['C11034', '2026-11-05T08:01:00', drawn.get('C11034')],
  ]);
  expect(treated(read.sends).every((s) => s.variant === 'A' || s.variant === 'B')).toBe(true);
  expect(read.problems).toEqual([
    'Line 6: the time “05/11/2026 08:00” is not understood; write it year first, as 2026-11-03 09:00 or 2026-11-03T09:00:00Z.',
  ]);
  expect(read.message).toContain('1 of the recipients bounced');
});

test('the control group of a send log is the plan’s hold-out, as the audience export marks it', () => {
  const read = readLog(fixture('generic-send-log.csv'));
  const fromAudience = readPilotSends(
    audienceCsv(audienceRows(db, plan.document, otherActivePlans(db, plan.planId))),
  ).sends;
  const control = fromAudience.filter((s) => s.group === 'control');
  expect(control.length).toBeGreaterThan(100);
  expect(read.sends.filter((s) => s.group === 'control')).toEqual(control);
  expect(read.message).toContain(
    `${new Set(control.map((s) => s.customerId)).size} control customers from the plan's hold-out`,
  );
});

test('the log’s unsubscribes count in the unsubscribes measure, for the treated group', () => {
  const audience = readPilotSends(
    audienceCsv(audienceRows(db, plan.document, otherActivePlans(db, plan.planId))),
  ).sends;
  // The demo has no unsubscribe events: read from the audience file, there is no such measure.
  expect(measurePilot(db, plan.document, audience)!.measures.map((m) => m.id)).not.toContain('unsubscribes');

  const read = readLog(fixture('mailchimp-send-log.csv'));
  recordPilotSends(db, plan.planId, read.sends);
  const results = measurePilot(db, plan.document, loadPilotSends(db, plan.planId))!;
  const unsubscribes = results.measures.find((m) => m.id === 'unsubscribes');
  expect(unsubscribes?.comparison).toMatchObject({ treatment: { count: 1, total: 4 }, control: { count: 0 } });
  expect(unsubscribes?.basis).toContain('count for treated customers only');
});

test('a file that is neither the audience file nor a send log is refused, naming the columns looked for', () => {
  expect(() => readLog(fixture('neither-file.csv'))).toThrow(
    "This file is neither the pilot's audience file nor an email tool's send log. The audience file has the columns customer_id, group, channel, scheduled_send_time, recommended_products; a send log needs an email column (Email, Email Address) and a time column (Send Time, Sent At, Timestamp, Date).",
  );
  // An email column alone is not enough: a send log needs the time of each send.
  expect(() => readLog('Email Address,First Name\nelias.clarke@example.com,Elias\n')).toThrow(
    /neither the pilot's audience file nor an email tool's send log/,
  );
  // The audience file keeps being read as before.
  expect(
    readLog(
      `customer_id,group,channel,scheduled_send_time,recommended_products\nC10062,treatment,email,2026-11-05T08:00:00,Serum\n`,
    ).kind,
  ).toBe('audience');
});

test('a log whose recipients are mostly outside the pilot’s treated group is refused, saying to load it before the orders since the start', () => {
  expect(() =>
    readLog(
      'Email,Timestamp\njavier.campbell@example.org,2026-11-05 08:00\noscar_andersson@example.net,2026-11-05 08:00\n',
    ),
  ).toThrow(
    /^2 of the 2 customers the log names are not among the customers the plan's pilot treats\. No audience file was exported from this workspace.*load the send log before importing them\./,
  );
  // Two of three outside: still refused; one of three would be read, with the outsider named.
  const treatedEmails = emailsOf(treatedIds().slice(0, 2));
  expect(() =>
    readLog(
      `Email,Timestamp\njavier.campbell@example.org,2026-11-05 08:00\noscar_andersson@example.net,2026-11-05 08:00\n${treatedEmails[0]},2026-11-05 08:00\n`,
    ),
  ).toThrow(/^2 of the 3 customers/);
  const mostlyIn = readLog(
    `Email,Timestamp\njavier.campbell@example.org,2026-11-05 08:00\n${treatedEmails[0]},2026-11-05 08:00\n${treatedEmails[1]},2026-11-05 08:00\n`,
  );
  expect(mostlyIn.refusal).toBeNull();
  expect(mostlyIn.treatedCustomers).toBe(2);
  expect(mostlyIn.message).toContain("1 customer in the log is not in the pilot's treated group");
});

test('treated customers missing from the log are counted; rows of unusual logs (not sent, Name <address>, UTC times, Date Sent) read as meant', () => {
  const ids = treatedIds();
  const [a, b, c] = emailsOf(ids.slice(0, 3));
  const read = readLog(
    `To,Status,Date Sent\n"Mia Example <${a.toUpperCase()}>",Sent,2026-11-05 08:00:00 UTC\n${b},not sent,2026-11-05 08:00\n${c},Not delivered,2026-11-05 08:05\n`.replace(
      'To,',
      'Recipient Address,',
    ),
  );
  expect(read.problems).toEqual([]);
  expect(read.treatedCustomers).toBe(3);
  expect(read.message).toContain('2 of the recipients bounced');
  expect(read.message).toContain(`${ids.length - 3} customers the pilot treated are not in the log`);
  expect(read.sends.find((s) => s.customerId === ids[0])?.sentAt).toBe('2026-11-05T08:00:00');
});

test('an audience file whose customers the workspace lacks, or that lost a group, is refused; unknown customers among known ones are left out and counted', () => {
  const audience = audienceCsv(audienceRows(db, plan.document, otherActivePlans(db, plan.planId)));
  const [header, ...lines] = audience.trim().split('\r\n');
  const strangers = [header, ...lines.map((l) => `ZZ${l}`)].join('\n');
  expect(readLog(strangers).refusal).toMatch(/^None of the \d+ customers in the file is in this workspace/);
  const controlOnly = [header, ...lines.filter((l) => l.includes(',control,'))].join('\n');
  expect(readLog(controlOnly).refusal).toBe(
    'The file has no treated customers, so there is nothing to measure: were the groups changed in the file?',
  );
  const treatedOnly = [header, ...lines.filter((l) => l.includes(',treatment,'))].join('\n');
  expect(readLog(treatedOnly).refusal).toMatch(/^The file has no control customers/);
  const oneStranger = [header, `ZZ${lines[0]}`, ...lines.slice(1)].join('\n');
  const read = readLog(oneStranger);
  expect(read.refusal).toBeNull();
  expect(read.message).toContain('1 customer in the file is not in this workspace; their rows were left out.');
  expect(read.sends.some((s) => s.customerId.startsWith('ZZ'))).toBe(false);
  expect(readLog(header).refusal).toBe('The file has column names but no rows.');
});

test('a workspace without customer emails refuses a send log and says what to do', async () => {
  const bare = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  try {
    bare.run('UPDATE customers SET email = NULL');
    const record = examplePlan(bare);
    expect(() => readSendsFile(bare, record.planId, record.document, [], fixture('generic-send-log.csv'))).toThrow(
      /^This workspace has no customer email addresses/,
    );
  } finally {
    bare.close();
  }
});

test('the planted pilot measured from an email tool’s log of its treated sends gives the same results as from the audience file', async () => {
  test.setTimeout(120_000);
  const pilot = await plantedPilot('beauty', { treatment: 0.5, control: 0.15 }, 7);
  const fresh = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  try {
    const record = examplePlan(fresh);
    const others = otherActivePlans(fresh, record.planId);
    // Both files are read before the orders since the start come in, without an exported audience file to keep the draw.
    const fromAudience = readSendsFile(fresh, record.planId, record.document, others, pilot.audienceCsv);
    const fromLog = readSendsFile(fresh, record.planId, record.document, others, pilot.sendLogCsv);
    expect(fromAudience.kind).toBe('audience');
    expect(fromLog.kind).toBe('send-log');
    expect(fromLog.problems).toEqual([]);
    expect(pilot.sendLogCsv).not.toContain('control');
    expect(
      (await importFile(fresh, bytesSource('orders-since-the-start.csv', new TextEncoder().encode(pilot.ordersCsv))))
        .ok,
    ).toBe(true);

    const byAudience = measurePilot(fresh, record.document, fromAudience.sends)!;
    const byLog = measurePilot(fresh, record.document, fromLog.sends)!;
    expect(byLog.treatmentCustomers).toBe(byAudience.treatmentCustomers);
    expect(byLog.controlCustomers).toBe(byAudience.controlCustomers);
    expect(byLog.verdict).toEqual(byAudience.verdict);
    expect(byLog.verdict.decision).toBe('scale');
    const acceptance = (r: typeof byLog) => r.measures.find((m) => m.id === 'acceptance')!.comparison;
    expect(acceptance(byLog)).toEqual(acceptance(byAudience));
    expect(byLog.measures).toEqual(byAudience.measures);
  } finally {
    fresh.close();
  }
});

test('once the audience file is exported, a send log read after the orders since the start is measured against the control group that file held back', async () => {
  test.setTimeout(120_000);
  const pilot = await plantedPilot('beauty', { treatment: 0.5, control: 0.15 }, 7);
  const fresh = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  try {
    const planId = listPlans(fresh)[0].planId;
    const exported = exportPlan(fresh, planId, 'audience-csv', { now: new Date('2026-11-04T09:00:00Z') });
    if (!exported.ok) throw new Error(exported.error);
    expect(exported.value.data).toBe(pilot.audienceCsv);
    const heldBack = readPilotSends(exported.value.data).sends.filter((s) => s.group === 'control');
    // Exporting again replaces the kept draw rather than adding to it.
    expect(exportPlan(fresh, planId, 'audience-csv', { now: new Date('2026-11-04T10:00:00Z') }).ok).toBe(true);
    expect(exportedAudience(fresh, planId)).toMatchObject({ exportedAt: '2026-11-04T10:00:00.000Z' });
    expect(exportedAudience(fresh, planId)!.rows.length).toBe(readPilotSends(exported.value.data).rowsRead);

    // The orders since the start come in first: the plan's audience, drawn again now, is another one.
    expect(
      (await importFile(fresh, bytesSource('orders-since-the-start.csv', new TextEncoder().encode(pilot.ordersCsv))))
        .ok,
    ).toBe(true);
    const { document } = examplePlan(fresh);
    const others = otherActivePlans(fresh, planId);
    expect(audienceCsv(audienceRows(fresh, document, others))).not.toBe(pilot.audienceCsv);

    const fromLog = readSendsFile(fresh, planId, document, others, pilot.sendLogCsv);
    expect(fromLog.problems).toEqual([]);
    expect(fromLog.sends.filter((s) => s.group === 'control')).toEqual(heldBack);
    expect(fromLog.message).toContain('control customers from the audience file exported on 2026-11-04');
    const fromAudience = readSendsFile(fresh, planId, document, others, pilot.audienceCsv);
    const byLog = measurePilot(fresh, document, fromLog.sends)!;
    const byAudience = measurePilot(fresh, document, fromAudience.sends)!;
    expect(byLog.measures).toEqual(byAudience.measures);
    expect(byLog.verdict.decision).toBe('scale');
  } finally {
    fresh.close();
  }
});

test('a send log saved as semicolon-separated UTF-16 text reads as the same log through the engine; a workbook is refused', async () => {
  test.setTimeout(120_000);
  const engine = createEngine(await loadSqlJs());
  try {
    await engine.workspace.createDemo('beauty');
    const [first] = await engine.plans.list();
    const utf8 = fixture('generic-send-log.csv');
    const asUtf8 = await engine.pilot.recordSends(first.planId, new TextEncoder().encode(utf8));
    // What a spreadsheet writes as "Unicode text" in a semicolon locale: UTF-16 with a byte order mark.
    const utf16 = new Uint8Array(Buffer.from(`\uFEFF${utf8.replace(/,/g, ';')}`, 'utf16le'));
    const asUtf16 = await engine.pilot.recordSends(first.planId, utf16);
    expect(asUtf16).toMatchObject({ ok: true, kind: 'send-log' });
    const read = (o: typeof asUtf8) => o.ok && [o.treatedCustomers, o.controlCustomers, o.message, o.problems];
    expect(read(asUtf16)).toEqual(read(asUtf8));

    const workbook = await engine.pilot.recordSends(
      first.planId,
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
    );
    expect(workbook).toEqual({
      ok: false,
      failure: {
        kind: 'sends',
        message: 'It is a ZIP archive or an Excel workbook (.xlsx), not a CSV text file.',
        problems: [],
      },
    });
  } finally {
    await engine.workspace.close();
  }
});

test('once the sends are recorded, a later export keeps the draw they were read against; deleting the plan and undoing it keeps sends and draw', async () => {
  test.setTimeout(120_000);
  const pilot = await plantedPilot('beauty', { treatment: 0.5, control: 0.15 }, 7);
  const fresh = generateDemoWorkspace(await loadSqlJs(), 'beauty');
  try {
    const { planId, document } = examplePlan(fresh);
    expect(exportPlan(fresh, planId, 'audience-csv', { now: new Date('2026-11-04T09:00:00Z') }).ok).toBe(true);
    expect(
      (await importFile(fresh, bytesSource('orders-since-the-start.csv', new TextEncoder().encode(pilot.ordersCsv))))
        .ok,
    ).toBe(true);
    const read = readSendsFile(fresh, planId, document, otherActivePlans(fresh, planId), pilot.sendLogCsv);
    recordPilotSends(fresh, planId, read.sends);
    const draw = exportedAudience(fresh, planId);

    // The sample-size check fails on the moved audience; accepted, the export goes ahead, and the draw stays.
    for (const check of planChecklist(
      fresh,
      planId,
      examplePlan(fresh).document,
      otherActivePlans(fresh, planId),
    ).checks.filter((c) => c.status === 'fail')) {
      expect(
        addAcknowledgement(
          fresh,
          planId,
          { checkId: check.id, reason: 'Looking at the file again after the pilot.', by: 'Test' },
          CHECK_IDS,
          new Date(),
        ).ok,
      ).toBe(true);
    }
    const again = exportPlan(fresh, planId, 'audience-csv', { now: new Date('2026-12-20T09:00:00Z') });
    expect(again.ok).toBe(true);
    expect(drawIsSettled(fresh, planId)).toBe(true);
    expect(exportedAudience(fresh, planId)).toEqual(draw);

    const sends = loadPilotSends(fresh, planId);
    const deleted = deletePlan(fresh, planId);
    if (!deleted.ok) throw new Error(deleted.error);
    expect(loadPilotSends(fresh, planId)).toEqual([]);
    expect(exportedAudience(fresh, planId)).toBeNull();
    expect(restorePlan(fresh, deleted.value).ok).toBe(true);
    expect(loadPilotSends(fresh, planId)).toEqual(sends);
    expect(exportedAudience(fresh, planId)).toEqual(draw);
  } finally {
    fresh.close();
  }
});
