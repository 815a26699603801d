import { MIN_PILOT_DAYS } from '../pilot';
import { fail, pass, plural, warn, type Check } from './types';

/** What makes a pilot's result worth acting on: long enough, compared with a control group, big enough. */

const pct = (share: number) => `${Math.round(share * 10_000) / 100} %`;

export const pilotDuration: Check = {
  id: 'pilot-duration',
  group: 'pilot',
  title: `Pilot of at least ${MIN_PILOT_DAYS} days`,
  why: 'Buying swings from week to week; over less than two weeks, one unusual week can decide the result.',
  step: 'pilot',
  run({ plan }) {
    const days = plan.pilot.durationDays;
    return days >= MIN_PILOT_DAYS
      ? pass(`The pilot runs for ${plural(days, 'day')}.`)
      : fail(`The pilot runs for ${plural(days, 'day')}, under ${MIN_PILOT_DAYS}.`);
  },
};

export const controlGroup: Check = {
  id: 'pilot-control',
  group: 'pilot',
  title: 'A control group',
  why: 'Without customers who get no message, there is no telling whether the suggestions did anything: some would have bought anyway.',
  step: 'pilot',
  run({ plan, view }) {
    const share = plan.pilot.controlShare;
    if (share === 0) return fail('The plan holds nobody back: every pilot customer gets the messages.');
    if (view.pilot.pilotCustomers > 0 && view.pilot.control === 0) {
      return fail(
        `${pct(share)} of the ${plural(view.pilot.pilotCustomers, 'pilot customer')} rounds to nobody in the control group.`,
      );
    }
    return pass(
      `${pct(share)} of the pilot is held back as a control group${view.pilot.pilotCustomers > 0 ? `: ${plural(view.pilot.control, 'customer')}` : ''}.`,
    );
  },
};

export const sampleSize: Check = {
  id: 'pilot-sample-size',
  group: 'pilot',
  title: 'A sample big enough for the effect',
  why: 'A pilot too small for the effect it looks for ends in “no clear difference” even when the suggestions work.',
  step: 'pilot',
  run({ view }) {
    const sizing = view.pilot;
    if (sizing.baselineRate === null || sizing.requiredPerGroup === null)
      return warn(`The pilot cannot be sized yet. ${sizing.explanation}`);
    if (!sizing.enough) return fail(sizing.explanation);
    return pass(sizing.explanation);
  },
};
