import { expect, test } from '@playwright/test';
import {
  checkDuration,
  minimumDetectableEffect,
  normalQuantile,
  pilotGroups,
  pilotSizing,
  sampleSizePerGroup,
  splitControl,
} from '../../src/core/plan/pilot';
import { blankPlan } from '../../src/core/plan/plan-document';

test('the sample size matches the textbook value for 10 % against 15 %', () => {
  expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
  expect(normalQuantile(0.8)).toBeCloseTo(0.841621, 5);
  expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  // Pooled formula: (1.96·√(2·0.125·0.875) + 0.8416·√(0.09 + 0.1275))² / 0.05² = 685.6, rounded up.
  expect(sampleSizePerGroup(0.1, 0.15)).toBe(686);
  expect(sampleSizePerGroup(0.15, 0.1)).toBe(686);
  // Smaller effects need far more customers; equal rates can never be told apart.
  expect(sampleSizePerGroup(0.1, 0.12)).toBeGreaterThan(3_000);
  expect(sampleSizePerGroup(0.2, 0.2)).toBe(Infinity);
});

test('the minimum detectable effect is the effect the group size is just enough for', () => {
  const effect = minimumDetectableEffect(0.1, 686)!;
  expect(effect).toBeGreaterThan(0.049);
  expect(effect).toBeLessThanOrEqual(0.0501);
  expect(sampleSizePerGroup(0.1, 0.1 + effect)).toBeLessThanOrEqual(686);
  expect(minimumDetectableEffect(0.1, 2_000)!).toBeLessThan(effect);
  expect(minimumDetectableEffect(0.1, 0)).toBeNull();
});

test('the control split is stable for a seed, whatever the order of the ids', () => {
  const ids = Array.from({ length: 2_000 }, (_, i) => `C${10_000 + i}`);
  const first = splitControl(ids, 7, 0.2);
  const again = splitControl([...ids].reverse(), 7, 0.2);
  expect(again).toEqual(first);
  expect(first.control.length + first.treatment.length).toBe(2_000);
  expect(first.control.length).toBeGreaterThan(340);
  expect(first.control.length).toBeLessThan(460);
  // A customer keeps their side when the audience grows.
  const grown = splitControl([...ids, 'C99999', 'C88888'], 7, 0.2);
  expect(first.control.every((id) => grown.control.includes(id))).toBe(true);
  // Another seed gives another split.
  expect(splitControl(ids, 8, 0.2).control).not.toEqual(first.control);
  expect(splitControl(ids, 7, 0).control).toEqual([]);

  // The pilot takes its share of the audience, then splits it the same way for the seed.
  const pilot = pilotGroups(ids, 7, 0.25, 0.2);
  expect(pilotGroups([...ids].reverse(), 7, 0.25, 0.2)).toEqual(pilot);
  const size = pilot.treatment.length + pilot.control.length;
  expect(size).toBeGreaterThan(420);
  expect(size).toBeLessThan(580);
  expect(pilot.control.length).toBeLessThan(pilot.treatment.length / 2);
  expect(pilotGroups(ids, 7, 1, 0.2)).toEqual(first);
});

test('a pilot shorter than 14 days is flagged, and group sizes are judged against the required size', () => {
  expect(checkDuration(13).ok).toBe(false);
  expect(checkDuration(14).ok).toBe(true);
  const plan = blankPlan('Pilot');
  plan.pilot = { ...plan.pilot, audienceShare: 1, controlShare: 0.5, minimumDetectableEffect: 0.05, durationDays: 10 };
  const small = pilotSizing(plan, 1_000, 0.1);
  expect(small).toMatchObject({
    treatment: 500,
    control: 500,
    requiredPerGroup: 686,
    enough: false,
    duration: { ok: false },
  });
  expect(small.detectableEffect!).toBeGreaterThan(0.05);
  expect(pilotSizing(plan, 1_400, 0.1)).toMatchObject({ treatment: 700, control: 700, enough: true });
  expect(pilotSizing(plan, 1_400, null)).toMatchObject({ requiredPerGroup: null, enough: false });
});
