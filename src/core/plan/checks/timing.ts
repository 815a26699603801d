import { MOMENT_DEFAULTS } from '../../analysis/moments';
import type { PlanMomentId } from '../plan-document';
import { CHANNEL_WORDS, MOMENT_TITLES } from '../../vocabulary';
import { fail, pass, warn, type Check } from './types';

/**
 * The timing trap: an offer that reaches the customer before they could have got any value from
 * what they bought. After an order that means before it arrived (or on its first day); for a usage
 * milestone, before the product was used much.
 */

/** Hours from an order until the customer has it, unless the plan sets `moment.settings.deliveryHours`. */
export const DEFAULT_DELIVERY_HOURS = 72;
/** A send within this many hours after delivery gives the customer less than a day with the product: a warning. */
export const FIRST_DAY_HOURS = 24;
/** A usage offer set off below this share of the limit comes early: a warning (at 0, before any usage: a failure). */
export const MIN_USAGE_SHARE = 0.5;

/** Moments that start from an order, whose offer should wait for the delivery. */
const ORDER_MOMENTS: ReadonlySet<PlanMomentId> = new Set(['post-purchase', 'gift-order']);

const percent = (share: number) => `${Math.round(share * 100)} %`;

export const timingTrap: Check = {
  id: 'timing-trap',
  group: 'timing',
  title: 'Timing trap',
  why: 'An offer that arrives before the customer has had a chance to enjoy what they bought feels pushy, and they cannot yet tell what would go with it.',
  step: 'channels',
  run({ plan }) {
    const moment = plan.moment.id;
    if (moment === null) return warn('No moment is chosen yet, so there is no timing to check.', 'moment');
    const title = MOMENT_TITLES[moment];
    if (moment === 'usage-milestone') {
      const share = plan.moment.settings.usageShare ?? MOMENT_DEFAULTS.usageShare;
      if (share <= 0)
        return fail(
          `The “${title}” moment is set to fire at ${percent(share)} of the limit: before the customer has used the product at all.`,
          'moment',
        );
      if (share < MIN_USAGE_SHARE)
        return warn(
          `The “${title}” moment fires at ${percent(share)} of the limit, before the customer has used half of it.`,
          'moment',
        );
      return pass(
        `The “${title}” moment fires at ${percent(share)} of the limit, once the customer has used the product.`,
        'moment',
      );
    }
    const pushed = plan.channels.sends.filter((s) => s.channel !== 'web');
    if (pushed.length === 0) return pass('The plan sends no message yet, so nothing can arrive too early.');
    const first = pushed.reduce((a, b) => (b.offsetHours < a.offsetHours ? b : a));
    const when = `The first send (${CHANNEL_WORDS[first.channel].short}, ${first.offsetHours} h after the trigger)`;
    if (!ORDER_MOMENTS.has(moment))
      return pass(
        `“${title}” does not follow a delivery, so there is none to wait for; the first send (${CHANNEL_WORDS[first.channel].short}) goes ${first.offsetHours} h after the trigger.`,
      );
    const delivery = plan.moment.settings.deliveryHours ?? DEFAULT_DELIVERY_HOURS;
    const reaches = `${when} reaches customers as soon as ${first.offsetHours} h after their order`;
    if (first.offsetHours < delivery)
      return fail(`${reaches}, before it can have arrived (delivery takes up to ${delivery} h).`);
    if (first.offsetHours < delivery + FIRST_DAY_HOURS)
      return warn(
        `${reaches}: within a day of its delivery (up to ${delivery} h), before they have had much use of it.`,
      );
    return pass(`${reaches}, at least a day after it arrived (delivery takes up to ${delivery} h).`);
  },
};
