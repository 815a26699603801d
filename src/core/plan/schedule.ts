import { noMemo, type Memo } from './memo';
import { dayOf, stampOf } from '../analysis/as-of';
import { ORDER_STANDS } from '../analysis/purchases';
import { queryAll, type Database } from '../store/sqlite';
import { CHANNEL_IDS, type ChannelId, type PlanDocument } from './plan-document';
import { planAsOf, TIMELINE_DAYS } from './moment-catalogue';
import type { AudienceEntry } from './audience-entries';
import { planRecipients, recipientsKey } from './plan-recipients';
import type { Recipients } from './recipients';
import { audienceConsent, type Consent, type ConsentChannel } from './consent';

/**
 * The channel plan over the 30 days from a plan's start: who enters the moment each day, which
 * sends that sets off, and which of them consent, stop rules and the frequency cap take away.
 *
 * Simplifications, stated where the numbers are shown:
 * - The audience is looked at once a day, at the start time; a customer enters on the first daily
 *   look that finds them in the moment (everyone in it on the first day enters then), and the
 *   send offsets count from that look, so a send can land up to a day later than the trigger.
 * - Stop rules use what the workspace records after the start date: an order (purchase), an
 *   'email_click' event (click), or an unsubscribe event; past the end of the data nothing stops
 *   a send, so the counts there are an upper bound.
 * - Website slots are shown, not sent: they need no consent and do not count against the cap.
 *   Outreach (a call or a visit) counts against the cap and needs no opt-in flag.
 */

export interface ScheduledSend {
  customerId: string;
  channel: ChannelId;
  at: number;
}

export interface ScheduleRules {
  /** Day number of the first day of the timeline. */
  start: number;
  days: number;
  sends: readonly { channel: ChannelId; offsetHours: number }[];
  quietHours: { start: string; end: string } | null;
  cap: { messages: number; days: number };
  /** Consent per customer; a customer missing here has given none. */
  consent: ReadonlyMap<string, Consent>;
  /** Instants a stop rule fired for each customer. */
  stops: ReadonlyMap<string, readonly number[]>;
}

export interface RemovedSends {
  consent: number;
  stopped: number;
  cap: number;
  /** Sends that would fall after the timeline's last day. */
  afterTimeline: number;
}

export interface ScheduleOutcome {
  sends: ScheduledSend[];
  removed: RemovedSends;
}

export const CAPPED_CHANNELS: ReadonlySet<ChannelId> = new Set(['email', 'sms', 'outreach']);

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instant moved to the end of the quiet hours when it falls inside them. */
export function afterQuietHours(at: number, quiet: ScheduleRules['quietHours']): number {
  if (quiet === null) return at;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  if (start === end) return at;
  const day = Math.floor(at);
  const minute = Math.round((at - day) * 1440);
  const inside = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!inside) return at;
  const endDay = start > end && minute >= start ? day + 1 : day;
  return endDay + end / 1440;
}

function needsConsent(channel: ChannelId): channel is 'email' | 'sms' {
  return channel === 'email' || channel === 'sms';
}

/** Whether one more message at `at` keeps every window of `days` days at or under `messages`. */
function fitsCap(times: readonly number[], at: number, cap: ScheduleRules['cap']): boolean {
  const near = times.filter((t) => t > at - cap.days && t < at + cap.days);
  for (const from of [...near.filter((t) => t <= at), at]) {
    const inWindow =
      near.filter((t) => t >= from && t < from + cap.days).length + (at >= from && at < from + cap.days ? 1 : 0);
    if (inWindow > cap.messages) return false;
  }
  return true;
}

/**
 * The sends the entries set off under the rules, in time order. `earlier` are messages other
 * plans already send; they count against the cap but are not returned.
 */
export function scheduleSends(
  entries: readonly AudienceEntry[],
  rules: ScheduleRules,
  earlier: readonly ScheduledSend[] = [],
): ScheduleOutcome {
  const removed: RemovedSends = { consent: 0, stopped: 0, cap: 0, afterTimeline: 0 };
  const end = rules.start + rules.days;
  const candidates: (ScheduledSend & { entered: number })[] = [];
  for (const entry of entries) {
    for (const send of rules.sends) {
      const at = afterQuietHours(entry.at + send.offsetHours / 24, rules.quietHours);
      if (at >= end) removed.afterTimeline++;
      else candidates.push({ customerId: entry.customerId, channel: send.channel, at, entered: entry.at });
    }
  }
  candidates.sort(
    (a, b) =>
      a.at - b.at ||
      (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0) ||
      CHANNEL_IDS.indexOf(a.channel) - CHANNEL_IDS.indexOf(b.channel),
  );

  const capped = new Map<string, number[]>();
  for (const send of earlier) {
    if (!CAPPED_CHANNELS.has(send.channel)) continue;
    let times = capped.get(send.customerId);
    if (!times) capped.set(send.customerId, (times = []));
    times.push(send.at);
  }
  const sends: ScheduledSend[] = [];
  for (const { entered, ...send } of candidates) {
    if (needsConsent(send.channel) && !rules.consent.get(send.customerId)?.[send.channel]) {
      removed.consent++;
      continue;
    }
    if ((rules.stops.get(send.customerId) ?? []).some((t) => t >= entered && t < send.at)) {
      removed.stopped++;
      continue;
    }
    if (CAPPED_CHANNELS.has(send.channel)) {
      let times = capped.get(send.customerId);
      if (!times) capped.set(send.customerId, (times = []));
      if (!fitsCap(times, send.at, rules.cap)) {
        removed.cap++;
        continue;
      }
      times.push(send.at);
    }
    sends.push(send);
  }
  return { sends, removed };
}

const UNSUBSCRIBE_EVENTS = ['unsubscribe', 'email_unsubscribe', 'sms_unsubscribe'];

function stopsOf(db: Database, plan: PlanDocument, ids: readonly string[], from: number): Map<string, number[]> {
  const { purchase, click, unsubscribe } = plan.channels.stopOn;
  const stops = new Map<string, number[]>();
  const add = (rows: { customer_id: string; at: string }[]) => {
    for (const { customer_id, at } of rows) {
      let times = stops.get(customer_id);
      if (!times) stops.set(customer_id, (times = []));
      times.push(dayOf(at));
    }
  };
  const customers = JSON.stringify(ids);
  if (purchase) {
    add(
      queryAll(
        db,
        `SELECT o.customer_id, o.ordered_at AS at FROM orders o WHERE o.customer_id IN (SELECT value FROM json_each(?)) AND o.ordered_at >= ? AND ${ORDER_STANDS}`,
        [customers, stampOf(from)],
      ),
    );
  }
  const types = [...(click ? ['email_click'] : []), ...(unsubscribe ? UNSUBSCRIBE_EVENTS : [])];
  if (types.length) {
    add(
      queryAll(
        db,
        `SELECT customer_id, occurred_at AS at FROM events WHERE customer_id IN (SELECT value FROM json_each(?)) AND occurred_at >= ?
         AND type IN (SELECT value FROM json_each(?))`,
        [customers, stampOf(from), JSON.stringify(types)],
      ),
    );
  }
  return stops;
}

export function rulesOf(
  db: Database,
  plan: PlanDocument,
  entries: readonly AudienceEntry[],
  start: number,
  consent?: ReadonlyMap<string, Consent>,
): ScheduleRules {
  const ids = [...new Set(entries.map((e) => e.customerId))];
  return {
    start,
    days: TIMELINE_DAYS,
    sends: plan.channels.sends,
    quietHours: plan.channels.quietHours,
    cap: plan.channels.frequencyCap,
    consent: consent ?? audienceConsent(db, plan, ids).consent,
    stops: stopsOf(db, plan, ids, start),
  };
}

export type ChannelCounts = Record<ChannelId, number>;

export interface PlanSchedule {
  startDate: string;
  days: ({ date: string } & ChannelCounts)[];
  totals: ChannelCounts;
  /** Distinct customers entering the moment over the 30 days who get a recommendation: the plan's audience. */
  customers: number;
  /** Distinct customers entering the moment over the 30 days, with or without a recommendation. */
  inMoment: number;
  /** Of `customers`, those who get the plan's fallback product rather than a recommendation they match. */
  fallback: number;
  /** Customers in the moment left out: nothing they bought matches an approved recommendation. */
  leftOut: number;
  /** Distinct customers at least one send goes out to, in all and per channel. */
  reached: number;
  reachedBy: ChannelCounts;
  /** Customers counted as agreeing to email or text messages only through the plan's recorded consent basis. */
  consentByBasis: Record<ConsentChannel, number>;
  entries: number;
  removed: RemovedSends;
  /** Messages other active plans send to this plan's customers over the same days. */
  otherPlansSends: number;
  explanation: string;
}

const zero = (): ChannelCounts => ({ email: 0, sms: 0, web: 0, outreach: 0 });

/** Schedules one plan on its own (its own cap only): what it sends when nothing else runs. */
export function sendsOf(db: Database, plan: PlanDocument, memo: Memo): ScheduledSend[] {
  const asOf = planAsOf(db, plan);
  if (asOf === null || plan.moment.id === null) return [];
  return memo(`sends:${recipientsKey(plan)}:${JSON.stringify(plan.channels)}`, () => {
    const { entries } = planRecipients(db, plan, memo);
    return scheduleSends(entries, rulesOf(db, plan, entries, dayOf(asOf))).sends;
  });
}

/**
 * Expected sends per day and channel over the 30 days from the plan's start. The frequency cap
 * counts the messages of `otherPlans` (the workspace's other active plans, each scheduled on its
 * own) to the same customers first: plans already running keep their sends.
 */
export function planSchedule(
  db: Database,
  plan: PlanDocument,
  otherPlans: readonly PlanDocument[],
  memo: Memo = noMemo,
): PlanSchedule | null {
  const asOf = planAsOf(db, plan);
  if (asOf === null || plan.moment.id === null) return null;
  const start = dayOf(asOf);
  const recipients = planRecipients(db, plan, memo);
  const { entries } = recipients;
  const audience = new Set(entries.map((e) => e.customerId));
  const consent = audienceConsent(db, plan, [...audience]);
  const rules = rulesOf(db, plan, entries, start, consent.consent);
  const earlier = otherPlans.flatMap((other) => sendsOf(db, other, memo)).filter((s) => audience.has(s.customerId));
  const { sends, removed } = scheduleSends(entries, rules, earlier);

  const days = Array.from({ length: TIMELINE_DAYS }, (_, i) => ({ date: stampOf(start + i).slice(0, 10), ...zero() }));
  const totals = zero();
  const reachedOn = Object.fromEntries(CHANNEL_IDS.map((c) => [c, new Set<string>()])) as Record<
    ChannelId,
    Set<string>
  >;
  for (const send of sends) {
    days[Math.floor(send.at - start)][send.channel]++;
    totals[send.channel]++;
    reachedOn[send.channel].add(send.customerId);
  }
  const reached = new Set(sends.map((s) => s.customerId)).size;
  const total = sends.length;
  const taken = removed.consent + removed.stopped + removed.cap;
  return {
    startDate: asOf.slice(0, 10),
    days,
    totals,
    customers: audience.size,
    inMoment: recipients.inMoment,
    fallback: recipients.fallback,
    leftOut: recipients.leftOut,
    reached,
    reachedBy: Object.fromEntries(CHANNEL_IDS.map((c) => [c, reachedOn[c].size])) as ChannelCounts,
    consentByBasis: { email: consent.byBasis.email.size, sms: consent.byBasis.sms.size },
    entries: entries.length,
    removed,
    otherPlansSends: earlier.filter(
      (s) => CAPPED_CHANNELS.has(s.channel) && s.at >= start && s.at < start + TIMELINE_DAYS,
    ).length,
    explanation: `${n(recipients.inMoment)} customers enter the moment over the 30 days from ${asOf.slice(0, 10)}; ${audienceLine(recipients)}. They set off ${n(total + taken)} sends within the period; ${n(total)} go out. Missing consent holds back ${n(removed.consent)}, stop rules ${n(removed.stopped)}, and the cap of ${plan.channels.frequencyCap.messages} messages per ${plan.channels.frequencyCap.days} days across all plans ${n(removed.cap)}. ${n(reached)} of the ${n(audience.size)} customers get at least one message.`,
  };
}

const n = (value: number) => value.toLocaleString('en');

/** Who of the moment's customers the plan is for, in words. */
function audienceLine(r: Recipients): string {
  const matched = r.assignments.size - r.fallback;
  const parts = [`${n(matched)} bought what an approved recommendation starts from`];
  if (r.fallback > 0) parts.push(`${n(r.fallback)} get the fallback product`);
  if (r.leftOut > 0) parts.push(`${n(r.leftOut)} are left out, as nothing matches what they bought`);
  return parts.join(', ');
}
