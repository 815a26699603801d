import type { ChannelId } from '../plan-document';
import { TIMELINE_DAYS } from '../moment-catalogue';
import { CAPPED_CHANNELS } from '../schedule';
import { REACH_FIX } from '../reach';
import { CHANNEL_WORDS } from '../../vocabulary';
import { fail, listed, pass, plural, warn, type Check } from './types';

/**
 * Channel bombardment and consent: the same offer on several channels at once, a frequency cap
 * looser than the workspace's policy, other plans writing to the same customers in the same days,
 * and channels used without the customers' agreement. Website slots are shown, not sent, so they
 * count for none of these.
 */

/** The workspace's policy: at most this many cross-sell messages per customer in this many days, across all plans. */
export const CAP_POLICY = { messages: 2, days: 7 } as const;
/** Sends on different channels closer than this (same offset: a failure) reach the customer on the same day: a warning. */
export const SAME_DAY_HOURS = 24;
/** The cap holding back more than this share of the plan's sends (those consent and stop rules leave) warns: the plan's cadence is heavier than the cap. */
export const CAP_HELD_SHARE = 0.1;
/** A channel that fewer than this share of the audience agreed to warns; one nobody agreed to fails. */
export const MIN_CONSENT_SHARE = 0.5;

const pushedSends = (sends: readonly { channel: ChannelId; offsetHours: number }[]) =>
  sends.filter((s) => s.channel !== 'web');

export const sameOfferEverywhere: Check = {
  id: 'channels-at-once',
  group: 'channels',
  title: 'The same offer on several channels at once',
  why: 'An email and a text with the same offer in the same hour feel like being chased; spaced out, the second one is a reminder.',
  step: 'channels',
  run({ plan }) {
    const sends = pushedSends(plan.channels.sends);
    const pairs: { a: (typeof sends)[number]; b: (typeof sends)[number]; gap: number }[] = [];
    sends.forEach((a, i) =>
      sends
        .slice(i + 1)
        .forEach((b) => a.channel !== b.channel && pairs.push({ a, b, gap: Math.abs(a.offsetHours - b.offsetHours) })),
    );
    const describe = (list: typeof pairs) =>
      listed(list.map(({ a, b }) => `${a.channel} at ${a.offsetHours} h and ${b.channel} at ${b.offsetHours} h`));
    const together = pairs.filter((p) => p.gap === 0);
    if (together.length > 0)
      return fail(`Sends on different channels go out at the same time: ${describe(together)} after the trigger.`);
    const sameDay = pairs.filter((p) => p.gap < SAME_DAY_HOURS);
    if (sameDay.length > 0)
      return warn(
        `Sends on different channels go out within ${SAME_DAY_HOURS} h of each other: ${describe(sameDay)} after the trigger.`,
      );
    const channels = new Set(sends.map((s) => s.channel));
    return pass(
      channels.size > 1
        ? `The ${channels.size} channels are at least ${SAME_DAY_HOURS} h apart.`
        : `The plan sends on ${channels.size === 0 ? 'no channel yet' : 'one channel'}.`,
    );
  },
};

/** The most messages a cap lets through in the policy's window. */
const allowedInPolicyWindow = (cap: { messages: number; days: number }) =>
  cap.messages * Math.ceil(CAP_POLICY.days / cap.days);

export const frequencyCap: Check = {
  id: 'channels-cap',
  group: 'channels',
  title: 'Frequency cap',
  why: 'Customers judge a shop by everything it sends them; a cap across all plans keeps cross-selling from turning into noise.',
  step: 'channels',
  run({ plan, view }) {
    const cap = plan.channels.frequencyCap;
    const stated = `The cap of ${cap.messages} per ${plural(cap.days, 'day')}`;
    const allowed = allowedInPolicyWindow(cap);
    if (allowed > CAP_POLICY.messages) {
      return fail(
        `${stated} lets up to ${allowed} messages reach a customer in ${CAP_POLICY.days} days; the workspace allows at most ${CAP_POLICY.messages}.`,
      );
    }
    const within = `${stated} is within the workspace’s limit of ${CAP_POLICY.messages} per ${CAP_POLICY.days} days`;
    const schedule = view.schedule;
    if (schedule === null) return pass(`${within}.`);
    const held = schedule.removed.cap;
    const asked = held + [...CAPPED_CHANNELS].reduce((sum, channel) => sum + schedule.totals[channel], 0);
    const holds = `holds back ${held} of the plan’s ${plural(asked, 'send')} over the 30 days`;
    if (held > CAP_HELD_SHARE * asked)
      return warn(`${stated} ${holds}: the plan asks for more messages than customers should get.`);
    return pass(`${within}; it ${holds}.`);
  },
};

export const otherPlansOverlap: Check = {
  id: 'channels-overlap',
  group: 'channels',
  title: 'Other plans reaching the same customers',
  why: 'Two plans each keeping to the rules can still crowd the same inbox; what counts is everything a customer gets.',
  step: 'channels',
  run({ view }) {
    const schedule = view.schedule;
    if (schedule === null)
      return warn('The plan has no moment and start date yet, so its customers are not known.', 'moment');
    const others = schedule.otherPlansSends;
    if (others === 0)
      return pass(
        `No other active plan writes to this plan’s ${plural(schedule.customers, 'customer')} in the 30 days from ${schedule.startDate}.`,
      );
    const weekly = schedule.customers === 0 ? 0 : (others / schedule.customers) * (CAP_POLICY.days / TIMELINE_DAYS);
    const found = `Other active plans send ${plural(others, 'message')} to this plan’s ${plural(schedule.customers, 'customer')} in the same 30 days`;
    const rate = `about ${Math.round(weekly * 10) / 10} a customer per ${CAP_POLICY.days} days`;
    if (weekly >= CAP_POLICY.messages)
      return fail(
        `${found}, ${rate}: they use up the whole allowance, so this plan adds messages the cap then holds back.`,
      );
    return warn(`${found} (${rate}); the shared cap counts them, so this plan’s sends give way where needed.`);
  },
};

const n = (value: number) => value.toLocaleString('en');

export const consentForChannel: Check = {
  id: 'channels-consent',
  group: 'channels',
  title: 'Consent for each channel',
  why: 'Email and text messages need the customer’s agreement; sending without it breaks the law in many countries and the customer’s trust everywhere.',
  step: 'channels',
  run({ plan, context }) {
    const used = [...new Set(plan.channels.sends.map((s) => s.channel))].filter(
      (c): c is 'email' | 'sms' => c === 'email' || c === 'sms',
    );
    if (used.length === 0)
      return pass('The plan sends neither email nor text messages, which are what need opt-in consent.');
    if (context.consent === null)
      return warn('The plan has no moment and start date yet, so its customers’ consent cannot be counted.', 'moment');
    const consent = context.consent;
    const counts = used
      .map(
        (c) =>
          `${n(consent[c].optedIn)} of ${n(consent[c].audience)} agreed to ${CHANNEL_WORDS[c].plural}${consent[c].byBasis > 0 ? ` (${n(consent[c].byBasis)} of them by the consent basis recorded on the plan, not by the data)` : ''}`,
      )
      .join('; ');
    const audience = consent[used[0]].audience;
    if (audience === 0)
      return warn(
        'The plan is for nobody yet (see who it reaches in the channel plan), so there is no consent to count.',
      );
    const nobody = used.filter((c) => consent[c].optedIn === 0);
    const whom = `Of the ${plural(audience, 'customer')} the plan is for over the 30 days: ${counts}`;
    if (nobody.length > 0)
      return fail(`${whom}. Nobody can be sent ${listed(nobody.map((c) => CHANNEL_WORDS[c].plural))}. ${REACH_FIX}`);
    const few = used.filter((c) => consent[c].optedIn < MIN_CONSENT_SHARE * consent[c].audience);
    if (few.length > 0)
      return warn(
        `${whom}. Fewer than half can be reached by ${listed(few.map((c) => CHANNEL_WORDS[c].short))}; the others are left out.`,
      );
    return pass(`${whom}. Those who did not agree are left out.`);
  },
};
