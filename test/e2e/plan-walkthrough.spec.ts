import type { Page } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import { DEMO_WORKSPACES, type DemoWorkspace } from '../../src/core/demo/demo-workspaces';
import { generateDemoWorkspace } from '../../src/core/demo/generate-workspace';
import { computePlanView } from '../../src/core/plan/plan-view';
import { smsSegments } from '../../src/core/plan/sms-segments';
import {
  blankPlan,
  type PlanDocument,
  type PlanMomentId,
  type Recommendation,
  type StrategyId,
} from '../../src/core/plan/plan-document';
import { examplePlan } from '../support/demo-plan';
import { expect, test } from '../support/e2e';

const STRATEGY: Record<DemoWorkspace['strategy'], StrategyId> = {
  completion: 'completion',
  'expert-evolution': 'evolution',
  ecosystem: 'ecosystem',
};
/** A moment that suits each demo's strategy and has customers on the day after the data ends. */
const MOMENT: Record<DemoWorkspace['industry'], PlanMomentId> = {
  beauty: 'post-purchase',
  running: 'loyalty-milestone',
  lighting: 'post-purchase',
};

const SUBJECT = 'Picked for you, {first_name|there}';
const BODY = 'Hi {first_name|there}, this goes well with what you bought last time.';
// The leaf makes the text UCS-2: 70 units fit one message, 67 each part of a longer one.
const SMS = 'Hi {first_name|there}, the next step for your kit is waiting 🌿 see it today';
const OPT_OUT = 'Reply STOP to opt out';
const VARIANT_B = 'Something to go with your last order';
const OBJECTIVE = 'Get recent buyers to add the product that completes what they bought.';
const CRITERION =
  'The pilot group accepts suggestions more often than the control group, and stays ahead for the whole pilot.';

const itemName = (r: Recommendation) =>
  `${r.recommended.label || r.recommended.id}${r.anchor ? ` after ${r.anchor.label || r.anchor.id}` : ''}`;
const stepButton = (app: Page, title: string) =>
  app.getByRole('navigation', { name: 'Plan steps' }).getByRole('button', { name: new RegExp(title) });
const stepDone = (app: Page) =>
  expect(app.getByText('Everything this step needs is in place.')).toBeVisible({ timeout: 30_000 });

/** The plan the walk-through below makes, and what the same demo data gives for it in Node. */
async function expected(demo: DemoWorkspace) {
  const db = generateDemoWorkspace(await loadSqlJs(), demo.industry);
  const blank = blankPlan('Walk-through');
  const next = new Date(`${computePlanView(db, blank, []).asOf!.slice(0, 10)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const startDate = next.toISOString().slice(0, 10);
  const chosen: PlanDocument = {
    ...blank,
    strategy: { id: STRATEGY[demo.strategy], why: '' },
    moment: { id: MOMENT[demo.industry], startDate, settings: {}, trigger: '' },
  };
  // The proposal approved is the strongest one that reaches at least two customers, so the preview can switch between them.
  const withPick = (proposal: Recommendation): PlanDocument => ({
    ...chosen,
    recommendations: {
      ...chosen.recommendations,
      items: [{ ...proposal, decision: 'approved' }],
      reviewedBy: 'Robin Reviewer',
      reviewedAt: null,
      workspaceId: null,
    },
    messages: {
      ...chosen.messages,
      email: { ...chosen.messages.email, subject: SUBJECT, body: BODY },
      sms: { ...chosen.messages.sms, enabled: true, body: SMS },
    },
    // As step 5 below sets it: the pilot counts the customers these sends reach.
    channels: {
      ...chosen.channels,
      sends: [...chosen.channels.sends, { channel: 'sms', offsetHours: 24 }],
      frequencyCap: { messages: 3, days: 14 },
    },
    pilot: { ...chosen.pilot, controlShare: 0.3 },
  });
  // The demo's example plan is active: its messages count against the same customers' cap.
  const others = [examplePlan(db).document];
  const proposal = computePlanView(db, chosen, others).proposals.find(
    (p) => (computePlanView(db, withPick(p), others).recipients?.count ?? 0) >= 2,
  )!;
  const plan = withPick(proposal);
  const view = computePlanView(db, plan, others);
  db.close();
  return {
    startDate,
    proposal,
    audience: view.audience!,
    recipients: view.recipients!,
    preview: view.preview!,
    pilot: view.pilot,
  };
}

for (const demo of DEMO_WORKSPACES) {
  test(`${demo.name}: a new user completes all six steps of a plan, and after a reload every choice is kept`, async ({
    app,
  }) => {
    test.setTimeout(300_000);
    const { startDate, proposal, audience, recipients, preview, pilot } = await expected(demo);
    expect(recipients.sample.length).toBeGreaterThan(1);
    const [first, second] = recipients.sample;
    expect(preview.drafts.email!.cards).toHaveLength(1);
    const smsCount = smsSegments(`${SMS} ${OPT_OUT}`);
    expect(smsCount).toMatchObject({ encoding: 'UCS-2', segments: 2 });

    await app.getByRole('button', { name: `Open demo: ${demo.name}` }).click();
    await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 90_000 });
    await app.getByRole('tab', { name: 'Plans' }).click();
    await app.getByRole('button', { name: 'New plan…' }).click();
    await app.getByLabel('Plan name').fill('Walk-through');
    await app.getByLabel('Plan name').press('Enter');
    await expect(app.getByTestId('plan-title')).toHaveText('Walk-through');

    // Step 1: objective, approver, strategy (chosen with the keyboard).
    await app.getByRole('textbox', { name: /^Objective/ }).fill(OBJECTIVE);
    await app.getByLabel(/^Approver/).fill('Alex Approver');
    await app.getByTestId(`strategy-${STRATEGY[demo.strategy]}`).getByRole('radio').press('Space');
    await expect(app.getByTestId(`strategy-${STRATEGY[demo.strategy]}`).getByRole('radio')).toBeChecked();
    await stepDone(app);
    await app.getByRole('button', { name: 'Next: Moment' }).click();

    // Step 2: the moment and the day after the data ends.
    await app.getByTestId(`moment-${MOMENT[demo.industry]}`).click();
    await app.getByRole('button', { name: `Start on ${startDate}` }).click();
    await expect(app.getByTestId('audience-count')).toContainText(
      `${audience.count.toLocaleString('en-US')} customers`,
      { timeout: 30_000 },
    );
    await stepDone(app);
    await app.getByRole('button', { name: 'Next: Recommendations' }).click();

    // Step 3: one proposal added and approved, the reviewer named.
    await app.getByRole('button', { name: `Add ${itemName(proposal)}`, exact: true }).click();
    await app.getByRole('button', { name: `Approve ${itemName(proposal)}`, exact: true }).click();
    await app.getByLabel('Reviewer’s name').fill('Robin Reviewer');
    await stepDone(app);
    await app.getByRole('button', { name: 'Next: Messages' }).click();

    // Step 4: the email with a token inserted by button, the SMS with its live counter, the preview for real customers.
    await expect(app.getByTestId('step-needs')).toContainText('The email’s subject and body.');
    await app.getByLabel('Email subject', { exact: true }).fill(SUBJECT);
    await app.getByRole('textbox', { name: 'Email body', exact: true }).fill(BODY);
    await app.getByLabel(/^Preheader/).fill('Chosen for ');
    await app.getByRole('button', { name: 'Insert {first_name|there}' }).click();
    await expect(app.getByLabel(/^Preheader/)).toHaveValue('Chosen for {first_name|there}');
    await app.getByTestId('editor-sms').getByLabel('Use this channel').check();
    await app.getByRole('textbox', { name: 'Text message', exact: true }).fill(SMS);
    await expect(app.getByTestId('sms-counter')).toContainText(
      `${smsCount.characters} characters · UCS-2 · 2 segments`,
    );
    await expect(app.getByTestId('sms-counter')).toContainText('more than the 1 allowed');
    await app.getByLabel(/^At most/).fill('2');
    await expect(app.getByTestId('sms-counter')).not.toContainText('allowed');

    const email = app.getByTestId('preview-email');
    await expect(email).toContainText(preview.drafts.email!.body, { timeout: 30_000 });
    await expect(email).toContainText(`Hi ${first.firstName ?? 'there'},`);
    await expect(email).toContainText(preview.drafts.email!.cards[0].name);
    await expect(email).toContainText('Unsubscribe at any time');
    await expect(app.getByTestId('preview-sms')).toContainText(preview.drafts.sms!.text);
    await app.getByRole('combobox', { name: /^Show the messages for/ }).selectOption(second.customerId);
    await expect(email).toContainText(`Hi ${second.firstName ?? 'there'},`, { timeout: 30_000 });
    await expect(app.getByTestId('unresolved-tokens')).toHaveCount(0);
    await app.getByRole('combobox', { name: /^Variable under test/ }).selectOption('subject');
    await app.getByLabel('Variant B’s subject line.').fill(VARIANT_B);
    await expect(app.getByTestId('variant-test')).toContainText(
      'Variant B differs from A in one thing: email subject line.',
      { timeout: 30_000 },
    );
    await stepDone(app);
    await app.getByRole('button', { name: 'Next: Channel plan' }).click();

    // Step 5: a text message the day after, a tighter cap; the timeline follows.
    await app.getByRole('button', { name: 'Add a send' }).click();
    await expect(app.getByLabel('Send 2: channel')).toHaveValue('sms');
    await app.getByLabel('Send 2: hours after the trigger').fill('24');
    await app.getByLabel(/^At most/).fill('3');
    await app.getByLabel(/^Per/).fill('14');
    await expect(app.getByTestId('schedule')).toContainText('the cap of 3 messages per 14 days', { timeout: 30_000 });
    await expect(app.getByTestId('schedule-totals')).toContainText('Text message (SMS)');
    await stepDone(app);
    await app.getByRole('button', { name: 'Next: Pilot' }).click();

    // Step 6: control share, a metric target, a scale criterion; the sizing follows the control share.
    await expect(app.getByTestId('step-needs')).toContainText('A target for at least one metric.');
    await expect(app.getByTestId('pilot-variable')).toContainText(`Email subject line: variant B uses “${VARIANT_B}”.`);
    await app.getByLabel(/^Control share/).fill('30');
    await expect(app.getByTestId('pilot-sizing')).toContainText(
      `Control group${pilot.control.toLocaleString('en-US')}`,
      { timeout: 30_000 },
    );
    await expect(app.getByTestId('pilot-sizing')).toContainText(
      `Get the messages${pilot.treatment.toLocaleString('en-US')}`,
    );
    await app.getByLabel('Target for Cross-sell acceptance rate').fill('12.5');
    await app.getByRole('button', { name: `Add the sign: ${CRITERION}` }).click();
    await expect(app.getByLabel('Sign 1', { exact: true })).toHaveValue(CRITERION);
    await stepDone(app);

    // Saved, reloaded, reopened: every choice is still there.
    await app.getByRole('button', { name: '← All plans' }).click();
    await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 30_000 });
    await app.reload();
    await app.getByRole('button', { name: new RegExp(`^${demo.name.replace(/[.()&]/g, '\\$&')}`) }).click();
    await expect(app.getByTestId('save-state')).toHaveText('All changes saved', { timeout: 30_000 });
    await app.getByRole('tab', { name: 'Plans' }).click();
    await app.getByRole('button', { name: 'Walk-through', exact: true }).click();

    for (const title of ['Strategy', 'Moment', 'Recommendations', 'Messages', 'Channel plan', 'Pilot'])
      await expect(stepButton(app, title)).toContainText('complete');
    await expect(app.getByRole('textbox', { name: /^Objective/ })).toHaveValue(OBJECTIVE);
    await expect(app.getByLabel(/^Approver/)).toHaveValue('Alex Approver');
    await expect(app.getByTestId(`strategy-${STRATEGY[demo.strategy]}`).getByRole('radio')).toBeChecked();
    await stepButton(app, 'Moment').click();
    await expect(app.getByTestId(`moment-${MOMENT[demo.industry]}`).getByRole('radio')).toBeChecked();
    await expect(app.getByLabel(/^Start date/)).toHaveValue(startDate);
    await stepButton(app, 'Recommendations').click();
    await expect(app.getByTestId('item-decision')).toHaveText('Approved');
    await expect(app.getByLabel('Reviewer’s name')).toHaveValue('Robin Reviewer');
    await stepButton(app, 'Messages').click();
    await expect(app.getByLabel('Email subject', { exact: true })).toHaveValue(SUBJECT);
    await expect(app.getByRole('textbox', { name: 'Email body', exact: true })).toHaveValue(BODY);
    await expect(app.getByLabel(/^Preheader/)).toHaveValue('Chosen for {first_name|there}');
    await expect(app.getByRole('textbox', { name: 'Text message', exact: true })).toHaveValue(SMS);
    await expect(app.getByLabel(/^At most/)).toHaveValue('2');
    await expect(app.getByRole('combobox', { name: /^Show the messages for/ })).toHaveValue(second.customerId);
    await expect(app.getByRole('combobox', { name: /^Variable under test/ })).toHaveValue('subject');
    await expect(app.getByLabel('Variant B’s subject line.')).toHaveValue(VARIANT_B);
    await expect(app.getByTestId('preview-email')).toContainText(`Hi ${second.firstName ?? 'there'},`, {
      timeout: 30_000,
    });
    await stepButton(app, 'Channel plan').click();
    await expect(app.getByLabel('Send 2: channel')).toHaveValue('sms');
    await expect(app.getByLabel('Send 2: hours after the trigger')).toHaveValue('24');
    await expect(app.getByLabel(/^At most/)).toHaveValue('3');
    await expect(app.getByLabel(/^Per/)).toHaveValue('14');
    await stepButton(app, 'Pilot').click();
    await expect(app.getByLabel(/^Control share/)).toHaveValue('30');
    await expect(app.getByLabel('Target for Cross-sell acceptance rate')).toHaveValue('12.5');
    await expect(app.getByLabel('Sign 1', { exact: true })).toHaveValue(CRITERION);
    await stepDone(app);
  });
}
