import { expect, test } from '@playwright/test';
import { GLOSSARY, glossaryEntry, type GlossaryId } from '../../src/core/playbook/glossary';
import { CHECKS } from '../../src/core/plan/checklist';
import { MOMENT_CATALOGUE } from '../../src/core/plan/moment-catalogue';
import { STRATEGIES } from '../../src/core/plan/strategy-advice';
import { CHANNEL_IDS, METRIC_IDS, MOMENT_IDS, STRATEGY_IDS } from '../../src/core/plan/plan-document';

const everyId: GlossaryId[] = [
  ...STRATEGY_IDS.map((id) => `strategy:${id}` as const),
  ...MOMENT_IDS.map((id) => `moment:${id}` as const),
  ...CHANNEL_IDS.map((id) => `channel:${id}` as const),
  ...METRIC_IDS.map((id) => `metric:${id}` as const),
  ...CHECKS.map((c) => `pitfall:${c.id}` as const),
];

test('every strategy, moment, channel, metric and pitfall has an explanation', () => {
  for (const id of everyId) {
    const entry = glossaryEntry(id);
    expect(entry, id).toBeDefined();
    expect(entry!.title.length, id).toBeGreaterThan(2);
    expect(entry!.parts.length, id).toBeGreaterThan(0);
    for (const part of entry!.parts) expect(part.text, `${id}: ${part.label}`).toMatch(/^[A-Z“].{20,}[.:]$/s);
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
