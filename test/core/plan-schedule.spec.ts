import { expect, test } from '@playwright/test';
import { dayOf } from '../../src/core/analysis/as-of';
import { afterQuietHours, planSchedule, scheduleSends, type ScheduleRules } from '../../src/core/plan/schedule';
import type { AudienceEntry } from '../../src/core/plan/audience-entries';
import { blankPlan, type PlanDocument } from '../../src/core/plan/plan-document';
import { Fixture } from './analysis-fixture';
import { withPick } from '../support/plan-picks';

const START = dayOf('2025-06-01');

function rules(overrides: Partial<ScheduleRules> = {}): ScheduleRules {
  return {
    start: START,
    days: 30,
    sends: [
      { channel: 'email', offsetHours: 0 },
      { channel: 'sms', offsetHours: 24 },
    ],
    quietHours: null,
    cap: { messages: 2, days: 7 },
    consent: new Map([
      ['c1', { email: true, sms: true }],
      ['c2', { email: true, sms: false }],
    ]),
    stops: new Map(),
    ...overrides,
  };
}

const entries: AudienceEntry[] = [
  { customerId: 'c1', at: START + 0.5, observedAt: START + 0.5 },
  { customerId: 'c2', at: START + 0.5, observedAt: START + 0.5 },
  { customerId: 'c3', at: START + 0.5, observedAt: START + 0.5 },
  { customerId: 'c1', at: START + 2.5, observedAt: START + 2.5 },
];

test('consent is enforced per channel, unknown consent counting as none', () => {
  const { sends, removed } = scheduleSends(entries.slice(0, 3), rules());
  expect(sends.map((s) => `${s.customerId} ${s.channel}`)).toEqual(['c1 email', 'c2 email', 'c1 sms']);
  expect(removed.consent).toBe(3); // c2's SMS, c3's email and SMS
});

test('the frequency cap holds each customer to 2 messages in any 7 days, counting other plans', () => {
  const { sends, removed } = scheduleSends(entries, rules());
  // c1 entered twice: the second entry's email and SMS would be the 3rd and 4th message within 7 days.
  expect(sends.filter((s) => s.customerId === 'c1')).toHaveLength(2);
  expect(removed.cap).toBe(2);

  // Two messages another plan sends c2 that day leave no room for this plan's email.
  const other = [0.6, 0.7].map((d) => ({ customerId: 'c2', channel: 'email' as const, at: START + d }));
  const withOthers = scheduleSends(entries, rules(), other);
  expect(withOthers.sends.filter((s) => s.customerId === 'c2')).toEqual([]);
  expect(withOthers.removed.cap).toBe(3);

  // A looser cap lets them through; website slots never count.
  expect(scheduleSends(entries, rules({ cap: { messages: 4, days: 7 } })).removed.cap).toBe(0);
  const web = scheduleSends(
    entries,
    rules({ sends: [{ channel: 'web', offsetHours: 0 }], cap: { messages: 1, days: 7 } }),
    other,
  );
  expect(web.sends).toHaveLength(4);
  expect(web.removed).toEqual({ consent: 0, stopped: 0, cap: 0, afterTimeline: 0 });
});

test('quiet hours move a send to their end, stop rules and the timeline end remove sends', () => {
  const quiet = { start: '21:00', end: '08:00' };
  expect(afterQuietHours(START + 22 / 24, quiet)).toBeCloseTo(START + 1 + 8 / 24, 9);
  expect(afterQuietHours(START + 7 / 24, quiet)).toBeCloseTo(START + 8 / 24, 9);
  expect(afterQuietHours(START + 12 / 24, quiet)).toBe(START + 12 / 24);
  expect(afterQuietHours(START + 13.5 / 24, { start: '13:00', end: '14:00' })).toBeCloseTo(START + 14 / 24, 9);

  const late = scheduleSends(
    [{ customerId: 'c1', at: START + 22 / 24, observedAt: START + 22 / 24 }],
    rules({ quietHours: quiet }),
  );
  // The SMS a day later falls at 22:00 again, and moves to 08:00 the day after.
  expect(late.sends.map((s) => s.at)).toEqual([
    expect.closeTo(START + 1 + 8 / 24, 9),
    expect.closeTo(START + 2 + 8 / 24, 9),
  ]);

  // c1 bought something 6 hours after entering: the SMS a day later is not sent.
  const stopped = scheduleSends(entries.slice(0, 1), rules({ stops: new Map([['c1', [START + 0.75]]]) }));
  expect(stopped.sends.map((s) => s.channel)).toEqual(['email']);
  expect(stopped.removed.stopped).toBe(1);

  const end = scheduleSends([{ customerId: 'c1', at: START + 29.5, observedAt: START + 29.5 }], rules());
  expect(end.sends.map((s) => s.channel)).toEqual(['email']);
  expect(end.removed.afterTimeline).toBe(1);
});

async function shop() {
  const fixture = await Fixture.create();
  fixture.products({ id: 'P1' });
  for (const [id, email, sms] of [
    ['a', 1, 1],
    ['b', 0, 1],
    ['c', null, null],
  ] as const) {
    fixture.db.run('INSERT INTO customers(customer_id, first_name, email_opt_in, sms_opt_in) VALUES (?, ?, ?, ?)', [
      id,
      id.toUpperCase(),
      email,
      sms,
    ]);
  }
  return fixture.orders(
    { id: 'o1', customer: 'a', at: '2025-06-03T10:00:00', lines: ['P1'] },
    { id: 'o2', customer: 'b', at: '2025-06-03T11:00:00', lines: ['P1'] },
    { id: 'o3', customer: 'c', at: '2025-06-03T12:00:00', lines: ['P1'] },
    { id: 'o4', customer: 'a', at: '2025-06-20T12:00:00', lines: ['P1'] },
  ).db;
}

/** A plan for everyone who just ordered P1: they are offered P2, which nobody owns. */
function postPurchasePlan(name: string, sends: PlanDocument['channels']['sends']): PlanDocument {
  const plan = withPick(blankPlan(name), 'P1', 'P2');
  plan.moment = { id: 'post-purchase', startDate: '2025-06-01', settings: {}, trigger: '' };
  plan.channels.sends = sends;
  return plan;
}

test('the 30-day timeline counts the sends of the audience entering each day, after consent and the cap across plans', async () => {
  const db = await shop();
  const plan = postPurchasePlan('Follow-up', [
    { channel: 'email', offsetHours: 0 },
    { channel: 'sms', offsetHours: 4 },
  ]);
  const alone = planSchedule(db, plan, [])!;
  expect(alone.days).toHaveLength(30);
  expect(alone.days[0].date).toBe('2025-06-01');
  expect(alone.customers).toBe(3);
  expect(alone.entries).toBe(4); // a enters twice
  // Everyone is first seen at midnight on 4 June, inside the quiet hours: the messages go at 08:00 and noon.
  const june4 = alone.days.find((d) => d.date === '2025-06-04')!;
  expect(june4).toMatchObject({ email: 1, sms: 2 }); // email only to a; SMS to a and b
  expect(alone.days.find((d) => d.date === '2025-06-21')).toMatchObject({ email: 1, sms: 1 });
  expect(alone.totals).toEqual({ email: 2, sms: 3, web: 0, outreach: 0 });
  expect(alone.removed.consent).toBe(3); // b's email, c's email and SMS
  // Stop on purchase: a's order on 20 June falls after their first entry, but no send was pending by then.
  expect(alone.removed.stopped).toBe(0);

  // Another active plan already sends a two emails each time they order: every message of this plan to a is capped.
  const other = postPurchasePlan('Thank you', [
    { channel: 'email', offsetHours: 1 },
    { channel: 'email', offsetHours: 2 },
  ]);
  const shared = planSchedule(db, plan, [other])!;
  expect(shared.otherPlansSends).toBe(4);
  expect(shared.removed.cap).toBe(4);
  expect(shared.totals).toEqual({ email: 0, sms: 1, web: 0, outreach: 0 });
});
