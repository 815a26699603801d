import type { AssociationRule, CombinationsResult } from '../analysis/combinations/types';

/**
 * The measures of the Insights tables and the proposals, explained twice: what each means in
 * general (a column's tooltip, the help panel), and what it says about one row in that row's own
 * counts ("Of 1,000 orders with A, 230 also had B (confidence 23 %)"). Numbers are written as the
 * tables show them, so a sentence and its cell always agree.
 */

/** The counts behind a rule A → B: baskets holding A, holding B, holding both, and all baskets. */
export interface RuleCounts {
  withA: number;
  withB: number;
  both: number;
  all: number;
}

/** How a rule's sides and its baskets are named: "orders" when a basket is one order. */
export interface RuleWords {
  a: string;
  b: string;
  unit: { one: string; many: string };
}

export type RuleMeasure = 'count' | 'support' | 'confidence' | 'lift' | 'leverage' | 'conviction';

export const ORDER_UNIT = { one: 'order', many: 'orders' } as const;
export const BASKET_UNIT = { one: 'basket', many: 'baskets' } as const;

/** What each measure of a rule means, in general. */
export const RULE_MEASURE_MEANINGS: Record<RuleMeasure, { title: string; meaning: string }> = {
  count: {
    title: 'Baskets',
    meaning: 'How many baskets held both sides of the rule: the raw evidence every other measure rests on.',
  },
  support: {
    title: 'Support',
    meaning: 'The share of all baskets that held both sides. Low support means the pair is rare, however strong.',
  },
  confidence: {
    title: 'Confidence',
    meaning: 'Of the baskets with the first item, the share that also held the second: how often the rule came true.',
  },
  lift: {
    title: 'Lift',
    meaning:
      'How many times more often baskets with the first item held the second than baskets in general did. Above 1 the two go together; 1 means no link; below 1 they avoid each other.',
  },
  leverage: {
    title: 'Leverage',
    meaning:
      'How many more baskets held both than if the two had nothing to do with each other, as a share of all baskets. Above 0 the pair is bought together more than chance would give.',
  },
  conviction: {
    title: 'Conviction',
    meaning:
      'How much less often the second item is missing from baskets with the first than chance would give. 1 means no link; infinite means it was never missing.',
  },
};

/** The measures the help panel explains; a rule's basket count needs no entry of its own. */
export const EXPLAINED_MEASURES = ['support', 'confidence', 'lift', 'leverage', 'conviction'] as const;

/** The fixed example the help panel works through when the workspace has no pairs to show. */
export const WORKED_EXAMPLE: { counts: RuleCounts; words: RuleWords } = {
  counts: { withA: 1_000, withB: 560, both: 230, all: 10_000 },
  words: { a: 'a teapot', b: 'loose tea', unit: ORDER_UNIT },
};

/** A whole number with thousands separators: 10,000. */
export const whole = (n: number) => Math.round(n).toLocaleString('en-US');

/** A share as the tables show it: whole percents, one decimal below 10 %. */
export const percentText = (fraction: number) => `${(fraction * 100).toFixed(percentDigits(fraction))} %`;

/** The share a percentText shows, as a fraction: 0.1863 shows "19 %" and rounds to 0.19. */
export const shownPercent = (fraction: number) => Number((fraction * 100).toFixed(percentDigits(fraction))) / 100;

const percentDigits = (fraction: number) => (fraction < 0.1 ? 1 : 0);
const counted = (n: number, unit: RuleWords['unit']) => `${whole(n)} ${n === 1 ? unit.one : unit.many}`;
const fixed = (n: number, digits: number) => n.toFixed(digits);
/** An expected count: one decimal while small, so "about 0.8" is not shown as "about 1". */
const about = (n: number) => `about ${n < 10 ? n.toLocaleString('en-US', { maximumFractionDigits: 1 }) : whole(n)}`;

/** The sentence that explains one measure of a rule in its own counts. */
export function explainRuleMeasure(measure: RuleMeasure, counts: RuleCounts, words: RuleWords): string {
  const { withA, both, all } = counts;
  const { a, b, unit } = words;
  if (all === 0) return `There are no ${unit.many} to count yet.`;
  switch (measure) {
    case 'count':
      return both === 0 ? `No ${unit.one} had both ${a} and ${b}.` : `${counted(both, unit)} had both ${a} and ${b}.`;
    case 'support':
      return `${both === 0 ? 'None of the' : `${whole(both)} of all`} ${counted(all, unit)} had both ${a} and ${b} (support ${percentText(both / all)}).`;
    case 'confidence':
      if (withA === 0) return `No ${unit.one} had ${a}, so there is nothing to measure confidence on.`;
      return `Of ${counted(withA, unit)} with ${a}, ${whole(both)} also had ${b} (confidence ${percentText(both / withA)}).`;
    case 'lift':
      return explainLift(counts, words);
    case 'leverage':
      return explainLeverage(counts, words);
    case 'conviction':
      return explainConviction(counts, words);
  }
}

function explainLift({ withA, withB, both, all }: RuleCounts, { a, b, unit }: RuleWords): string {
  if (withA === 0 || withB === 0) return `No ${unit.one} had ${withA === 0 ? a : b}, so lift cannot be measured.`;
  const lift = (both * all) / (withA * withB);
  const times = fixed(lift, 2);
  const how =
    times === '1.00' ? 'just as often as' : lift > 1 ? `${times} times as often as` : `only ${times} times as often as`;
  return `${capitalised(unit.many)} with ${a} had ${b} ${how} ${unit.many} in general did: ${percentText(both / withA)} of them against ${percentText(withB / all)} of all ${counted(all, unit)} (lift ${times}).`;
}

function explainLeverage({ withA, withB, both, all }: RuleCounts, { a, b, unit }: RuleWords): string {
  if (withA === 0 || withB === 0) return `No ${unit.one} had ${withA === 0 ? a : b}, so leverage cannot be measured.`;
  const expected = (withA * withB) / all;
  const difference = both - expected;
  const leverage = difference / all;
  const gap =
    Math.round(difference) === 0
      ? 'about as many'
      : `${about(Math.abs(difference))} ${difference > 0 ? 'more' : 'fewer'}, ${percentText(Math.abs(leverage))} of all ${counted(all, unit)}`;
  return `If ${a} and ${b} had nothing to do with each other, ${about(expected)} ${unit.many} would have had both; ${whole(both)} did, ${gap} (leverage ${fixed(leverage, 4)}).`;
}

function explainConviction({ withA, withB, both, all }: RuleCounts, { a, b, unit }: RuleWords): string {
  if (withA === 0) return `No ${unit.one} had ${a}, so conviction cannot be measured.`;
  if (both === withA)
    return `Every one of the ${counted(withA, unit)} with ${a} also had ${b}; none went without it, so conviction is infinite (∞).`;
  const missing = withA - both;
  const expected = (withA * (all - withB)) / all;
  const conviction = expected / missing;
  const verdict =
    fixed(conviction, 2) === '1.00'
      ? `as often as chance would give`
      : conviction > 1
        ? `${fixed(conviction, 2)} times less often than chance would give`
        : `more often than chance would give`;
  return `If ${a} and ${b} had nothing to do with each other, ${about(expected)} of the ${counted(withA, unit)} with ${a} would have gone without ${b}; ${whole(missing)} did, so ${b} went missing ${verdict} (conviction ${fixed(conviction, 2)}).`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** How a mined rule's sides and baskets are named: product names, categories as "a product from …". */
export function wordsOfRule(
  rule: Pick<AssociationRule, 'antecedent' | 'consequent'>,
  result: Pick<CombinationsResult, 'parameters' | 'names'>,
): RuleWords {
  const { level, basket } = result.parameters;
  const side = (items: string[]) => itemWords(items.map((id) => result.names[id] ?? id).join(' + '), level);
  return {
    a: side(rule.antecedent),
    b: side(rule.consequent),
    unit: basket.kind === 'order' ? ORDER_UNIT : BASKET_UNIT,
  };
}

/** How an item is named in a sentence: a product by its name, a category as "a product from Kitchen". */
export const itemWords = (label: string, level: 'product' | 'category') =>
  level === 'category' ? `a product from ${label}` : label;

/** A rule's counts from its measures, for evidence stored without them (plan documents): exact for whole-number counts. */
export function countsFromMeasures(m: {
  count: number;
  support: number;
  confidence: number;
  lift: number;
}): RuleCounts | null {
  if (m.count === 0 || m.support === 0 || m.confidence === 0 || m.lift === 0) return null;
  const all = Math.round(m.count / m.support);
  const withA = Math.round(m.count / m.confidence);
  return { withA, withB: Math.round((m.count * all) / (withA * m.lift)), both: m.count, all };
}

/** The counts behind "bought A, later bought B": customers who bought A and came back, and of them who bought B. */
export interface SequenceCounts {
  fromCustomers: number;
  customers: number;
  days: { q1: number | null; median: number | null; q3: number | null };
}

export type SequenceMeasure = 'customers' | 'share' | 'median' | 'q1' | 'q3';

export const SEQUENCE_MEASURE_MEANINGS: Record<SequenceMeasure, { title: string; meaning: string }> = {
  customers: {
    title: 'Customers',
    meaning: 'How many customers bought the first item and, in a later order, the second.',
  },
  share: {
    title: 'Share of first buyers',
    meaning: 'Of the customers who bought the first item and ordered again, the share who later bought the second.',
  },
  median: {
    title: 'Median days',
    meaning: 'The typical wait from buying the first item to buying the second: half bought sooner, half later.',
  },
  q1: {
    title: 'Quartile 1',
    meaning: 'The wait within which the quickest quarter of these customers bought the second item.',
  },
  q3: {
    title: 'Quartile 3',
    meaning: 'The wait within which three quarters of these customers bought the second item.',
  },
};

const dayCount = (n: number) =>
  `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${n === 1 ? 'day' : 'days'}`;

/** The sentence that explains one measure of a "bought A, later bought B" row in its own counts. */
export function explainSequenceMeasure(
  measure: SequenceMeasure,
  counts: SequenceCounts,
  words: { a: string; b: string },
): string {
  const { fromCustomers, customers, days } = counts;
  const { a, b } = words;
  const buyers = `${whole(customers)} ${customers === 1 ? 'customer' : 'customers'}`;
  switch (measure) {
    case 'customers':
      return `${customers === 0 ? 'No customers' : buyers} bought ${a} and later, in another order, ${b}.`;
    case 'share':
      if (fromCustomers === 0) return `No customer bought ${a} and came back, so there is no share to measure.`;
      return `Of the ${whole(fromCustomers)} ${fromCustomers === 1 ? 'customer' : 'customers'} who bought ${a} and came back for another order, ${whole(customers)} later bought ${b} (${percentText(customers / fromCustomers)}).`;
    case 'median':
      if (days.median === null) return `No customer bought ${b} after ${a}, so there is no wait to measure.`;
      return `Half of the ${buyers} bought ${b} within ${dayCount(days.median)} of buying ${a}, half took longer (median ${dayCount(days.median)}).`;
    case 'q1':
      if (days.q1 === null) return `No customer bought ${b} after ${a}, so there is no wait to measure.`;
      return `The quickest quarter of the ${buyers} bought ${b} within ${dayCount(days.q1)} of buying ${a} (quartile 1).`;
    case 'q3':
      if (days.q3 === null) return `No customer bought ${b} after ${a}, so there is no wait to measure.`;
      return `Three quarters of the ${buyers} bought ${b} within ${dayCount(days.q3)} of buying ${a}; the slowest quarter took longer (quartile 3).`;
  }
}

/** How long customers take to come back: customers with a first order (in a group), and of them who ordered again. */
export interface SecondOrderCounts {
  customers: number;
  repeatCustomers: number;
  medianDays: number | null;
}

export type SecondOrderMeasure = 'customers' | 'repeat' | 'median';

export const SECOND_ORDER_MEANINGS: Record<SecondOrderMeasure, { title: string; meaning: string }> = {
  customers: { title: 'Customers', meaning: 'How many customers placed a first order (that included this category).' },
  repeat: { title: 'Ordered again', meaning: 'Of those customers, the share who placed a second order.' },
  median: {
    title: 'Median days to the 2nd order',
    meaning: 'The typical wait from the first order to the second: half came back sooner, half later.',
  },
};

/** The sentence that explains one measure of a second-order row; `group` is null for all customers. */
export function explainSecondOrderMeasure(
  measure: SecondOrderMeasure,
  counts: SecondOrderCounts,
  group: string | null,
): string {
  const { customers, repeatCustomers, medianDays } = counts;
  const people = customers === 0 ? 'No customers' : `${whole(customers)} ${customers === 1 ? 'customer' : 'customers'}`;
  const who = `${people}${group === null ? '' : ` whose first order included ${group}`}`;
  switch (measure) {
    case 'customers':
      return `${who} placed a first order.`;
    case 'repeat':
      if (customers === 0) return 'No customer placed a first order here, so there is no share to measure.';
      return `Of ${who}, ${whole(repeatCustomers)} ordered again (${percentText(repeatCustomers / customers)}).`;
    case 'median':
      if (medianDays === null) return 'No customer ordered a second time, so there is no wait to measure.';
      return `Half of the ${whole(repeatCustomers)} who ordered again did so within ${dayCount(medianDays)} of their first order, half took longer (median ${dayCount(medianDays)}).`;
  }
}

/** The measures a proposal's evidence keeps (support and the rest are null for a "bought next" proposal). */
export interface EvidenceMeasures {
  count: number;
  support: number | null;
  confidence: number | null;
  lift: number | null;
  share: number | null;
  medianDays: number | null;
}

export interface ExplainedMeasure {
  title: string;
  meaning: string;
  sentence: string;
}

/** Each measure of a proposal's evidence, in general and in the proposal's own numbers. */
export function explainEvidence(evidence: EvidenceMeasures, a: string, b: string): ExplainedMeasure[] {
  const { count, support, confidence, lift, share, medianDays } = evidence;
  if (support !== null && confidence !== null && lift !== null) {
    const counts = countsFromMeasures({ count, support, confidence, lift });
    if (!counts) return [];
    return (['support', 'confidence', 'lift'] as const).map((m) => ({
      ...RULE_MEASURE_MEANINGS[m],
      sentence: explainRuleMeasure(m, counts, { a, b, unit: ORDER_UNIT }),
    }));
  }
  if (share === null || share === 0) return [];
  const row = {
    fromCustomers: Math.round(count / share),
    customers: count,
    days: { q1: null, median: medianDays, q3: null },
  };
  return (['share', 'median'] as const).map((m) => ({
    ...SEQUENCE_MEASURE_MEANINGS[m],
    sentence: explainSequenceMeasure(m, row, { a, b }),
  }));
}
