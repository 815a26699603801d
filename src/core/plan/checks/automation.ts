import { fail, listed, pass, plural, quoted, warn, type Check } from './types';

/**
 * Automation overreach: suggestions sent because the data proposed them, with nobody looking. The
 * plan records the human side as: `recommendations.reviewedBy` and `reviewedAt` (who reviewed the
 * picks, and when), `approver` (who signs the plan off), and the context check as done when the
 * plan has a start date (so season and audience are judged for when it runs) and no approved item
 * still carries a flag the reviewer has not resolved by rejecting or replacing it. Ownership is
 * left out: it differs from customer to customer, and messages leave owned items out anyway.
 */

export const reviewedByPerson: Check = {
  id: 'automation-review',
  group: 'automation',
  title: 'Picks reviewed by a person',
  why: 'The data proposes; a person who knows the products and the customers decides. Suggestions nobody looked at can be odd, tone-deaf or wrong for the brand.',
  step: 'recommendations',
  run({ plan, view }) {
    const { reviewedBy, reviewedAt } = plan.recommendations;
    const { approved, proposed, total } = view.review;
    if (approved === 0)
      return fail(
        total === 0
          ? 'There are no recommendations yet, so none has been reviewed.'
          : total === 1
            ? 'The plan’s one recommendation is not approved yet.'
            : `None of the plan’s ${total} recommendations is approved yet.`,
      );
    if (!reviewedBy.trim())
      return fail(
        `${plural(approved, 'recommendation')} ${approved === 1 ? 'is' : 'are'} approved, but the plan does not say who reviewed them.`,
      );
    if (reviewedAt === null)
      return warn(
        `${reviewedBy.trim()} is named as the reviewer, but the plan does not record when the review happened.`,
      );
    if (proposed > 0)
      return warn(
        `${reviewedBy.trim()} reviewed the picks on ${reviewedAt.slice(0, 10)}, but ${plural(proposed, 'recommendation')} still ${proposed === 1 ? 'waits' : 'wait'} for a decision (they stay out of the messages).`,
      );
    return pass(
      `${reviewedBy.trim()} reviewed ${total === 1 ? 'the recommendation' : `all ${total} recommendations`} on ${reviewedAt.slice(0, 10)} and approved ${approved === total ? (total === 1 ? 'it' : 'them all') : approved}.`,
    );
  },
};

export const namedApprover: Check = {
  id: 'automation-approver',
  group: 'automation',
  title: 'A named approver',
  why: 'Someone has to answer for what goes out to customers; a plan nobody signed off is a plan nobody stands behind.',
  step: 'strategy',
  run({ plan }) {
    const approver = plan.approver.trim();
    return approver ? pass(`${approver} approves the plan.`) : fail('The plan names no approver.');
  },
};

export const contextChecked: Check = {
  id: 'automation-context',
  group: 'automation',
  title: 'Context and season checked',
  why: 'A pair that sold well in December, or a product just recalled, can be exactly wrong today: someone has to look at the picks with the calendar and the news in mind.',
  step: 'recommendations',
  run({ plan, view }) {
    if (plan.moment.startDate === null)
      return fail(
        'The plan has no start date, so nobody can have checked the picks against the season they go out in.',
        'moment',
      );
    if (view.review.approved === 0) return fail('No recommendation is approved yet, so no context was checked.');
    const current = new Map(view.proposals.map((p) => [p.id, p.flags]));
    const flagged = plan.recommendations.items
      .filter((i) => i.decision === 'approved')
      .map((i) => ({
        label: i.recommended.label,
        flags: [...new Set([...i.flags, ...(current.get(i.id) ?? [])])].filter((f) => f !== 'owned'),
      }))
      .filter((i) => i.flags.length > 0);
    if (flagged.length > 0) {
      return warn(
        `${plural(flagged.length, 'approved item')} still ${flagged.length === 1 ? 'carries' : 'carry'} a warning: ${listed(flagged.map((i) => `${quoted(i.label)} (${i.flags.join(', ')})`))}. Reject or replace ${flagged.length === 1 ? 'it' : 'them'}, or keep ${flagged.length === 1 ? 'it' : 'them'} knowingly.`,
      );
    }
    return pass(`No approved item carries a warning for the plan’s start on ${plan.moment.startDate}.`);
  },
};
