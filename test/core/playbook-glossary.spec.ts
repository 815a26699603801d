import { expect, test } from '@playwright/test';
import { GLOSSARY, glossaryEntry, type GlossaryId } from '../../src/core/playbook/glossary';
import { CHECKS } from '../../src/core/plan/checklist';
import { EXPLAINED_MEASURES } from '../../src/core/playbook/measure-explanations';
import { MOMENT_CATALOGUE } from '../../src/core/plan/moment-catalogue';
import { STRATEGIES } from '../../src/core/plan/strategy-advice';
import { CHANNEL_IDS, METRIC_IDS, MOMENT_IDS, STRATEGY_IDS } from '../../src/core/plan/plan-document';

const everyId: GlossaryId[] = [
  ...STRATEGY_IDS.map((id) => `strategy:${id}` as const),
  ...MOMENT_IDS.map((id) => `moment:${id}` as const),
  ...CHANNEL_IDS.map((id) => `channel:${id}` as const),
  ...METRIC_IDS.map((id) => `metric:${id}` as const),
  ...CHECKS.map((c) => `pitfall:${c.id}` as const),
  ...EXPLAINED_MEASURES.map((m) => `measure:${m}` as const),
];

test('every strategy, moment, channel, metric, pitfall and measure has an explanation', () => {
  for (const id of everyId) {
    const entry = glossaryEntry(id);
    expect(entry, id).toBeDefined();
    expect(entry!.title.length, id).toBeGreaterThan(2);
    expect(entry!.parts.length, id).toBeGreaterThan(0);
    for (const part of entry!.parts) expect(part.text, `${id}: ${part.label}`).toMatch(/^[A-Z“0-9].{20,}[.:]$/s);
  }
  expect([...GLOSSARY.keys()].sort()).toEqual([...everyId].sort());
});

test('the strategies each moment suits are all explained', () => {
  for (const moment of Object.values(MOMENT_CATALOGUE)) {
    for (const strategy of moment.strategies)
      expect(glossaryEntry(`strategy:${strategy}`), `${moment.id} → ${strategy}`).toBeDefined();
  }
});

test('catalogue texts are reused as they are, not rewritten', () => {
  for (const s of STRATEGIES) expect(glossaryEntry(`strategy:${s.id}`)!.parts.map((p) => p.text)).toContain(s.what);
  for (const m of Object.values(MOMENT_CATALOGUE))
    expect(glossaryEntry(`moment:${m.id}`)!.parts.map((p) => p.text)).toContain(m.explanation);
  for (const c of CHECKS) expect(glossaryEntry(`pitfall:${c.id}`)!.parts.map((p) => p.text)).toEqual([c.why]);
});

test('support, confidence, lift, leverage and conviction are each worked through in numbers', () => {
  // 10,000 orders: 1,000 with a teapot, 560 with loose tea, 230 with both.
  const example = (m: (typeof EXPLAINED_MEASURES)[number]) =>
    glossaryEntry(`measure:${m}`)!.parts.find((p) => p.label === 'Worked example')!.text;
  expect(example('support')).toBe('230 of all 10,000 orders had both a teapot and loose tea (support 2.3 %).');
  expect(example('confidence')).toBe('Of 1,000 orders with a teapot, 230 also had loose tea (confidence 23 %).');
  expect(example('lift')).toBe(
    'Orders with a teapot had loose tea 4.11 times as often as orders in general did: 23 % of them against 5.6 % of all 10,000 orders (lift 4.11).',
  );
  expect(example('leverage')).toBe(
    'If a teapot and loose tea had nothing to do with each other, about 56 orders would have had both; 230 did, about 174 more, 1.7 % of all 10,000 orders (leverage 0.0174).',
  );
  expect(example('conviction')).toBe(
    'If a teapot and loose tea had nothing to do with each other, about 944 of the 1,000 orders with a teapot would have gone without loose tea; 770 did, so loose tea went missing 1.23 times less often than chance would give (conviction 1.23).',
  );
});
