import { expect, test } from '@playwright/test';
import { ruleMeasures } from '../../src/core/analysis/combinations/measures';
import {
  BASKET_UNIT,
  ORDER_UNIT,
  countsFromMeasures,
  explainEvidence,
  explainRuleMeasure,
  explainSecondOrderMeasure,
  explainSequenceMeasure,
  itemWords,
  shownPercent,
  type RuleCounts,
} from '../../src/core/playbook/measure-explanations';

// 10,000 orders; 1,000 hold a mug, 560 hold tea, 230 hold both.
const mugTea: RuleCounts = { withA: 1_000, withB: 560, both: 230, all: 10_000 };
const words = { a: 'Mug', b: 'Tea', unit: ORDER_UNIT };

test('each measure of a rule is told in its own counts, worked out by hand', () => {
  const say = (m: Parameters<typeof explainRuleMeasure>[0]) => explainRuleMeasure(m, mugTea, words);
  expect(say('count')).toBe('230 orders had both Mug and Tea.');
  // support 230 / 10,000 = 2.3 %
  expect(say('support')).toBe('230 of all 10,000 orders had both Mug and Tea (support 2.3 %).');
  // confidence 230 / 1,000 = 23 %
  expect(say('confidence')).toBe('Of 1,000 orders with Mug, 230 also had Tea (confidence 23 %).');
  // lift 23 % / (560 / 10,000 = 5.6 %) = 4.107
  expect(say('lift')).toBe(
    'Orders with Mug had Tea 4.11 times as often as orders in general did: 23 % of them against 5.6 % of all 10,000 orders (lift 4.11).',
  );
  // unrelated: 1,000 × 560 / 10,000 = 56 with both; 230 - 56 = 174 more, 1.74 % of the orders
  expect(say('leverage')).toBe(
    'If Mug and Tea had nothing to do with each other, about 56 orders would have had both; 230 did, about 174 more, 1.7 % of all 10,000 orders (leverage 0.0174).',
  );
  // unrelated: 1,000 × 9,440 / 10,000 = 944 without tea; 770 were; 944 / 770 = 1.226
  expect(say('conviction')).toBe(
    'If Mug and Tea had nothing to do with each other, about 944 of the 1,000 orders with Mug would have gone without Tea; 770 did, so Tea went missing 1.23 times less often than chance would give (conviction 1.23).',
  );
});

test('the sentences agree with the measures the engine computes', () => {
  const m = ruleMeasures(mugTea.withA, mugTea.withB, mugTea.both, mugTea.all);
  expect(explainRuleMeasure('lift', mugTea, words)).toContain(`(lift ${m.lift.toFixed(2)})`);
  expect(explainRuleMeasure('leverage', mugTea, words)).toContain(`(leverage ${m.leverage.toFixed(4)})`);
  expect(explainRuleMeasure('conviction', mugTea, words)).toContain(`(conviction ${m.conviction!.toFixed(2)})`);
  // A plan's evidence keeps only the measures: the counts come back exactly.
  expect(countsFromMeasures(m)).toEqual(mugTea);
  expect(countsFromMeasures(ruleMeasures(7, 9, 3, 41))).toEqual({ withA: 7, withB: 9, both: 3, all: 41 });
  expect(countsFromMeasures({ count: 0, support: 0, confidence: 0, lift: 0 })).toBeNull();
});

test('every basket with the first item holding the second makes conviction infinite', () => {
  // beer in 3 of 5 baskets, diapers in 4, always together with beer
  const counts = { withA: 3, withB: 4, both: 3, all: 5 };
  const beer = { a: 'beer', b: 'diapers', unit: BASKET_UNIT };
  expect(explainRuleMeasure('conviction', counts, beer)).toBe(
    'Every one of the 3 baskets with beer also had diapers; none went without it, so conviction is infinite (∞).',
  );
  expect(explainRuleMeasure('confidence', counts, beer)).toBe(
    'Of 3 baskets with beer, 3 also had diapers (confidence 100 %).',
  );
});

test('a weaker-than-chance pair says so', () => {
  // bread and milk in 4 of 5 baskets each, together in 3: lift 0.9375, conviction 0.8
  const counts = { withA: 4, withB: 4, both: 3, all: 5 };
  const breadMilk = { a: 'bread', b: 'milk', unit: BASKET_UNIT };
  expect(explainRuleMeasure('lift', counts, breadMilk)).toBe(
    'Baskets with bread had milk only 0.94 times as often as baskets in general did: 75 % of them against 80 % of all 5 baskets (lift 0.94).',
  );
  expect(explainRuleMeasure('leverage', counts, breadMilk)).toBe(
    'If bread and milk had nothing to do with each other, about 3.2 baskets would have had both; 3 did, about as many (leverage -0.0400).',
  );
  expect(explainRuleMeasure('conviction', counts, breadMilk)).toBe(
    'If bread and milk had nothing to do with each other, about 0.8 of the 4 baskets with bread would have gone without milk; 1 did, so milk went missing more often than chance would give (conviction 0.80).',
  );
});

test('zero counts give a plain reason instead of a broken number', () => {
  expect(explainRuleMeasure('support', { withA: 0, withB: 0, both: 0, all: 0 }, words)).toBe(
    'There are no orders to count yet.',
  );
  const none = { withA: 0, withB: 560, both: 0, all: 10_000 };
  expect(explainRuleMeasure('count', none, words)).toBe('No order had both Mug and Tea.');
  expect(explainRuleMeasure('support', none, words)).toBe(
    'None of the 10,000 orders had both Mug and Tea (support 0.0 %).',
  );
  expect(explainRuleMeasure('confidence', none, words)).toBe(
    'No order had Mug, so there is nothing to measure confidence on.',
  );
  expect(explainRuleMeasure('lift', none, words)).toBe('No order had Mug, so lift cannot be measured.');
  expect(explainRuleMeasure('leverage', none, words)).toBe('No order had Mug, so leverage cannot be measured.');
  expect(explainRuleMeasure('conviction', none, words)).toBe('No order had Mug, so conviction cannot be measured.');
});

test('category-level items are named as a product from the category', () => {
  const kitchen = { a: itemWords('Kitchen', 'category'), b: itemWords('Garden', 'category'), unit: ORDER_UNIT };
  expect(explainRuleMeasure('confidence', mugTea, kitchen)).toBe(
    'Of 1,000 orders with a product from Kitchen, 230 also had a product from Garden (confidence 23 %).',
  );
  expect(itemWords('Mug', 'product')).toBe('Mug');
});

test('a "bought next" row and a second-order row are told in customers and days', () => {
  const row = { fromCustomers: 1_250, customers: 300, days: { q1: 12, median: 35.5, q3: 60 } };
  const next = { a: 'Mug', b: 'Tea' };
  expect(explainSequenceMeasure('customers', row, next)).toBe(
    '300 customers bought Mug and later, in another order, Tea.',
  );
  expect(explainSequenceMeasure('share', row, next)).toBe(
    'Of the 1,250 customers who bought Mug and came back for another order, 300 later bought Tea (24 %).',
  );
  expect(explainSequenceMeasure('median', row, next)).toBe(
    'Half of the 300 customers bought Tea within 35.5 days of buying Mug, half took longer (median 35.5 days).',
  );
  expect(explainSequenceMeasure('q1', row, next)).toBe(
    'The quickest quarter of the 300 customers bought Tea within 12 days of buying Mug (quartile 1).',
  );
  expect(explainSequenceMeasure('q3', row, next)).toBe(
    'Three quarters of the 300 customers bought Tea within 60 days of buying Mug; the slowest quarter took longer (quartile 3).',
  );
  const empty = { fromCustomers: 0, customers: 0, days: { q1: null, median: null, q3: null } };
  expect(explainSequenceMeasure('share', empty, next)).toBe(
    'No customer bought Mug and came back, so there is no share to measure.',
  );
  expect(explainSequenceMeasure('median', empty, next)).toBe(
    'No customer bought Tea after Mug, so there is no wait to measure.',
  );

  const second = { customers: 2_000, repeatCustomers: 740, medianDays: 41 };
  expect(explainSecondOrderMeasure('repeat', second, 'Kitchen')).toBe(
    'Of 2,000 customers whose first order included Kitchen, 740 ordered again (37 %).',
  );
  expect(explainSecondOrderMeasure('customers', second, null)).toBe('2,000 customers placed a first order.');
  expect(explainSecondOrderMeasure('median', second, null)).toBe(
    'Half of the 740 who ordered again did so within 41 days of their first order, half took longer (median 41 days).',
  );
});

test('a share rounds to the figure it shows', () => {
  expect(shownPercent(0.1863)).toBe(0.19);
  expect(shownPercent(0.0863)).toBe(0.086);
});

test("a proposal's evidence is told in its own numbers", () => {
  const m = ruleMeasures(mugTea.withA, mugTea.withB, mugTea.both, mugTea.all);
  const pair = explainEvidence({ ...m, share: 0.4, medianDays: 12 }, 'Mug', 'Tea');
  expect(pair.map((e) => e.title)).toEqual(['Support', 'Confidence', 'Lift']);
  expect(pair[1].sentence).toBe('Of 1,000 orders with Mug, 230 also had Tea (confidence 23 %).');
  // A "bought next" proposal: 300 of 1,250 returning Mug buyers later bought Tea.
  const next = explainEvidence(
    { count: 300, support: null, confidence: null, lift: null, share: 300 / 1_250, medianDays: 35 },
    'Mug',
    'Tea',
  );
  expect(next.map((e) => e.sentence)).toEqual([
    'Of the 1,250 customers who bought Mug and came back for another order, 300 later bought Tea (24 %).',
    'Half of the 300 customers bought Tea within 35 days of buying Mug, half took longer (median 35 days).',
  ]);
});
