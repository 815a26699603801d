import { expect, test } from '@playwright/test';
import { meanDifference, normalCdf, proportionDifference, tQuantile } from '../../src/core/results/stats';

// Reference values: the formulas worked by hand and checked against the printed tables
// (normal: Φ(1.96) = 0.9750; Student's t: t(0.975; 10) = 2.228, t(0.975; 5) = 2.571).

test('the normal and t distributions match the printed tables', () => {
  expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
  expect(normalCdf(0)).toBeCloseTo(0.5, 6);
  expect(normalCdf(-1.645)).toBeCloseTo(0.05, 3);
  expect(tQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
  expect(tQuantile(0.975, 5)).toBeCloseTo(2.571, 2);
  expect(tQuantile(0.975, Infinity)).toBeCloseTo(1.96, 3);
});

test('45 of 100 against 30 of 100: a difference of 0.15, Wald interval (0.017, 0.283), pooled z 2.19, p 0.028', () => {
  // SE = √(0.45·0.55/100 + 0.30·0.70/100) = 0.06764; 1.96 · SE = 0.1326.
  // Pooled p = 0.375; SE₀ = √(0.375·0.625·(1/100 + 1/100)) = 0.06847; z = 0.15 / SE₀ = 2.191; two-sided p = 0.0285.
  const d = proportionDifference(45, 100, 30, 100)!;
  expect(d.treatment.rate).toBe(0.45);
  expect(d.control.rate).toBe(0.3);
  expect(d.difference).toBeCloseTo(0.15, 10);
  expect(d.low).toBeCloseTo(0.0174, 3);
  expect(d.high).toBeCloseTo(0.2826, 3);
  expect(d.z).toBeCloseTo(2.191, 3);
  expect(d.pValue).toBeCloseTo(0.0285, 3);
});

test('equal proportions give a difference of 0, an interval around it and p = 1', () => {
  const d = proportionDifference(20, 200, 10, 100)!;
  expect(d.difference).toBeCloseTo(0, 10);
  expect(d.low).toBeLessThan(0);
  expect(d.high).toBeGreaterThan(0);
  expect(d.pValue).toBeCloseTo(1, 6);
  expect(proportionDifference(3, 10, 0, 0)).toBeNull();
});

test('Welch: two small samples with unequal spreads', () => {
  // Means 13.4875 and 11.01, difference 2.4775; Welch–Satterthwaite df = 12.99, t = 4.677;
  // 95 % interval 2.4775 ± t(0.975; 12.99) · 0.5297 = (1.333, 3.622); two-sided p = 0.00043.
  const a = [12.1, 14.3, 11.8, 15.2, 13.7, 12.9, 14.8, 13.1];
  const b = [10.2, 11.9, 12.5, 9.8, 11.1, 10.7, 12.0, 10.4, 11.6, 9.9];
  const d = meanDifference(a, b)!;
  expect(d.difference).toBeCloseTo(2.4775, 6);
  expect(d.df).toBeCloseTo(12.986, 2);
  expect(d.low).toBeCloseTo(1.333, 2);
  expect(d.high).toBeCloseTo(3.622, 2);
  expect(d.pValue).toBeCloseTo(0.00043, 4);
  expect(meanDifference([1], [1, 2])).toBeNull();
});
