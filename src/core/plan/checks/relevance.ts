import type { PlanDocument, Recommendation } from '../plan-document';
import type { PlanView } from '../plan-view';
import { approvedRecommendations, MIN_EVIDENCE_COUNT } from '../recommendations';
import { fail, listed, pass, plural, quoted, warn, type Check, type CheckInput, type Verdict } from './types';

/**
 * The relevance mistake: suggestions that rest on general categories, on pairs bought together no
 * more than by chance, on too little evidence, on what the customer owns already or on what does
 * not sell at this time of year. Only approved items are judged: nothing else reaches a message.
 * Flags are those the reviewer saw plus those the proposals carry now (for the current start date
 * and preview customer), so a change of date after the review still shows.
 */

/** Evidence from fewer orders or customers than this fails; under `MIN_EVIDENCE_COUNT` (30) it warns. */
export const FEW_ORDERS = 10;
/** A lift above 1 but under this is a weak association: a warning. At or below 1, a failure. */
export const WEAK_LIFT = 1.2;

type Flag = Recommendation['flags'][number];

interface Approved {
  item: Recommendation;
  label: string;
  flags: ReadonlySet<Flag>;
}

function approved(plan: PlanDocument, view: PlanView): Approved[] {
  const current = new Map(view.proposals.map((p) => [p.id, p.flags]));
  return approvedRecommendations(plan).map((item) => ({
    item,
    label: item.anchor ? `${item.anchor.label} → ${item.recommended.label}` : item.recommended.label,
    flags: new Set([...item.flags, ...(current.get(item.id) ?? [])]),
  }));
}

const NONE_APPROVED = warn('No recommendation is approved yet, so there is nothing to judge.');

/** Runs `judge` on the approved items, or warns that there are none. */
const overApproved =
  (judge: (items: Approved[], input: CheckInput) => Verdict) =>
  (input: CheckInput): Verdict => {
    const items = approved(input.plan, input.view);
    return items.length === 0 ? NONE_APPROVED : judge(items, input);
  };

const ratio = (n: number) => String(Math.round(n * 100) / 100);
const allApproved = (n: number) => (n === 1 ? 'The approved recommendation' : `All ${n} approved recommendations`);

export const categoryLevel: Check = {
  id: 'relevance-category-level',
  group: 'relevance',
  title: 'Suggestions at category level only',
  why: '“Something from skincare” answers no particular need; a specific product that goes with what they bought does.',
  step: 'recommendations',
  run: overApproved((items) => {
    const general = items.filter((a) => a.flags.has('category-level'));
    if (general.length === items.length)
      return fail(
        `${allApproved(items.length)} ${items.length === 1 ? 'names' : 'name'} a whole category rather than a product.`,
      );
    if (general.length > 0)
      return warn(
        `${general.length} of the ${items.length} approved recommendations name a whole category: ${listed(general.map((a) => quoted(a.label)))}.`,
      );
    return pass(
      `${allApproved(items.length)} ${items.length === 1 ? 'names a specific product' : 'name specific products'}.`,
    );
  }),
};

export const weakLift: Check = {
  id: 'relevance-lift',
  group: 'relevance',
  title: 'Pairs bought together no more than by chance',
  why: 'A lift at or below 1 means the two products appear together no more often than any two products do: the pair says nothing about what this customer needs.',
  step: 'recommendations',
  run: overApproved((items) => {
    const measured = items
      .filter((a) => a.item.evidence?.lift != null)
      .sort((a, b) => a.item.evidence!.lift! - b.item.evidence!.lift!);
    const lifts = (list: Approved[]) =>
      listed(list.map((a) => `${quoted(a.label)} (lift ${ratio(a.item.evidence!.lift!)})`));
    if (measured.length === 0)
      return pass(
        `${allApproved(items.length)} ${items.length === 1 ? 'rests' : 'rest'} on later purchases rather than on pairs measured by lift.`,
      );
    const chance = measured.filter((a) => a.item.evidence!.lift! <= 1);
    if (chance.length > 0)
      return fail(`${plural(chance.length, 'approved pair')} with a lift at or below 1: ${lifts(chance)}.`);
    const weak = measured.filter((a) => a.item.evidence!.lift! < WEAK_LIFT);
    if (weak.length > 0)
      return warn(`${plural(weak.length, 'approved pair')} with a lift under ${WEAK_LIFT}: ${lifts(weak)}.`);
    const lowest = `${ratio(measured[0].item.evidence!.lift!)} (${quoted(measured[0].label)})`;
    return pass(
      measured.length === 1
        ? `The approved pair’s lift is ${lowest}.`
        : `The lowest lift among the ${measured.length} approved pairs is ${lowest}.`,
    );
  }),
};

export const thinEvidence: Check = {
  id: 'relevance-evidence',
  group: 'relevance',
  title: 'Evidence from too few orders',
  why: 'A pattern seen in a handful of orders can be chance; a suggestion should rest on what many customers actually did.',
  step: 'recommendations',
  run: overApproved((items) => {
    const count = (a: Approved) => a.item.evidence?.count ?? 0;
    const counted = (list: Approved[]) =>
      listed(list.map((a) => `${quoted(a.label)} (${a.item.evidence ? count(a) : 'no evidence'})`));
    const few = items.filter((a) => count(a) < FEW_ORDERS);
    if (few.length > 0)
      return fail(
        `${plural(few.length, 'approved recommendation')} ${few.length === 1 ? 'rests' : 'rest'} on fewer than ${FEW_ORDERS} orders or customers: ${counted(few)}.`,
      );
    const thin = items.filter((a) => count(a) < MIN_EVIDENCE_COUNT);
    if (thin.length > 0)
      return warn(
        `${plural(thin.length, 'approved recommendation')} ${thin.length === 1 ? 'rests' : 'rest'} on fewer than ${MIN_EVIDENCE_COUNT} orders or customers: ${counted(thin)}.`,
      );
    const least = items.reduce((a, b) => (count(b) < count(a) ? b : a));
    return pass(
      `Every approved recommendation rests on at least ${MIN_EVIDENCE_COUNT} orders or customers; the least on ${count(least)} (${quoted(least.label)}).`,
    );
  }),
};

export const outOfSeason: Check = {
  id: 'relevance-season',
  group: 'relevance',
  title: 'Seasonal items out of season',
  why: 'Last summer’s best seller suggested in November tells the customer nobody looked at the calendar.',
  step: 'recommendations',
  run: overApproved((items, { plan }) => {
    const off = items.filter((a) => a.flags.has('out-of-season'));
    if (off.length > 0)
      return fail(
        `${plural(off.length, 'approved item')} sold at under half ${off.length === 1 ? 'its' : 'their'} usual rate in the same weeks last year: ${listed(off.map((a) => quoted(a.item.recommended.label)))}.`,
      );
    if (plan.moment.startDate === null)
      return warn(
        'The plan has no start date, so the season is judged as of the end of the data rather than when the plan runs.',
        'moment',
      );
    return pass(
      `No approved item is out of season from ${plan.moment.startDate}, judged by the same weeks last year where the history reaches back that far.`,
    );
  }),
};
