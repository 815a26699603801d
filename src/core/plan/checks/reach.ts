import { CHANNEL_IDS } from '../plan-document';
import { consentBasisLines, noReachReason } from '../reach';
import { CHANNEL_WORDS } from '../../vocabulary';
import { fail, pass, plural, warn, type Check } from './types';
import { approvedRecommendations } from '../recommendations';

/** A plan can look finished and still send nothing: every email and text held back for want of consent. */
export const reachAboveZero: Check = {
  id: 'reach-above-zero',
  group: 'channels',
  title: 'Nobody can be reached',
  why: 'A plan whose messages go to nobody looks finished and does nothing; its pilot would measure silence.',
  step: 'channels',
  run({ plan, view }) {
    const schedule = view.schedule;
    if (schedule === null)
      return warn('The plan has no moment and start date yet, so who it reaches is not known.', 'moment');
    if (schedule.inMoment === 0)
      return warn('Nobody enters the moment in the 30 days from the start date, so nobody can be reached.', 'moment');
    if (schedule.customers === 0 && approvedRecommendations(plan).length === 0)
      return warn(
        'No recommendation is approved yet: the plan reaches the customers who bought what an approved one starts from.',
        'recommendations',
      );
    if (plan.channels.sends.length === 0) return warn('The plan has no sends yet, so nobody gets a message.');
    const reason = noReachReason(plan, schedule);
    if (reason !== null) return fail(reason, schedule.customers === 0 ? 'recommendations' : undefined);
    const byChannel = CHANNEL_IDS.filter((c) => schedule.reachedBy[c] > 0)
      .map((c) => `${CHANNEL_WORDS[c].plural} ${schedule.reachedBy[c].toLocaleString('en-US')}`)
      .join(', ');
    const basis = consentBasisLines(plan, schedule);
    return pass(
      [
        `${schedule.reached.toLocaleString('en-US')} of the ${plural(schedule.customers, 'customer')} the plan is for over the 30 days get at least one message (${byChannel}).`,
        ...basis,
      ].join(' '),
    );
  },
};
