import { normalQuantile } from '../plan/pilot';

/**
 * The comparisons a pilot's results rest on: treatment against control, as a difference with a
 * 95 % confidence interval and a two-sided p-value.
 */

export const CONFIDENCE = 0.95;

export interface Difference {
  /** Treatment minus control. */
  difference: number;
  low: number;
  high: number;
  pValue: number;
}

export interface ProportionDifference extends Difference {
  treatment: { count: number; total: number; rate: number };
  control: { count: number; total: number; rate: number };
  /** The test statistic, with the pooled rate's variance under no difference. */
  z: number;
}

export interface MeanDifference extends Difference {
  treatment: { n: number; mean: number };
  control: { n: number; mean: number };
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
}

/** erf by Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7). */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  const y = 1 - poly * Math.exp(-x * x);
  return x < 0 ? -y : y;
}

export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

const twoSided = (z: number) => Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));

/**
 * Student's t quantile by the Cornish–Fisher expansion around the normal quantile (Abramowitz &
 * Stegun 26.7.5); within 0.001 of the tables from 5 degrees of freedom up.
 */
export function tQuantile(p: number, df: number): number {
  const z = normalQuantile(p);
  if (!Number.isFinite(df)) return z;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/** Two-sided p-value of Student's t, by inverting the quantile above (the normal one past 200 degrees of freedom). */
function tTwoSided(t: number, df: number): number {
  if (!Number.isFinite(df) || df > 200) return twoSided(t);
  // Bisect the quantile: the p-value is where the quantile reaches |t|.
  let low = 0.5;
  let high = 1 - 1e-12;
  for (let i = 0; i < 60; i++) {
    const mid = (low + high) / 2;
    if (tQuantile(mid, df) < Math.abs(t)) low = mid;
    else high = mid;
  }
  return Math.min(1, 2 * (1 - low));
}

/**
 * Difference of two proportions, treatment minus control: the Wald interval (unpooled standard
 * error) and the z-test with the pooled rate. Null when either group is empty.
 */
export function proportionDifference(
  treatedCount: number,
  treatedTotal: number,
  controlCount: number,
  controlTotal: number,
): ProportionDifference | null {
  if (treatedTotal <= 0 || controlTotal <= 0) return null;
  const p1 = treatedCount / treatedTotal;
  const p2 = controlCount / controlTotal;
  const difference = p1 - p2;
  const se = Math.sqrt((p1 * (1 - p1)) / treatedTotal + (p2 * (1 - p2)) / controlTotal);
  const margin = normalQuantile(1 - (1 - CONFIDENCE) / 2) * se;
  const pooled = (treatedCount + controlCount) / (treatedTotal + controlTotal);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / treatedTotal + 1 / controlTotal));
  const z = pooledSe === 0 ? 0 : difference / pooledSe;
  return {
    treatment: { count: treatedCount, total: treatedTotal, rate: p1 },
    control: { count: controlCount, total: controlTotal, rate: p2 },
    difference,
    low: difference - margin,
    high: difference + margin,
    z,
    pValue: pooledSe === 0 ? 1 : twoSided(z),
  };
}

function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

/** Difference of two means, treatment minus control, with Welch's interval and test; null unless each group has two values. */
export function meanDifference(treated: readonly number[], control: readonly number[]): MeanDifference | null {
  if (treated.length < 2 || control.length < 2) return null;
  const a = meanAndVariance(treated);
  const b = meanAndVariance(control);
  const va = a.variance / treated.length;
  const vb = b.variance / control.length;
  const se = Math.sqrt(va + vb);
  const difference = a.mean - b.mean;
  const df = se === 0 ? Infinity : (va + vb) ** 2 / (va ** 2 / (treated.length - 1) + vb ** 2 / (control.length - 1));
  const margin = tQuantile(1 - (1 - CONFIDENCE) / 2, df) * se;
  return {
    treatment: { n: treated.length, mean: a.mean },
    control: { n: control.length, mean: b.mean },
    difference,
    low: difference - margin,
    high: difference + margin,
    df,
    pValue: se === 0 ? (difference === 0 ? 1 : 0) : tTwoSided(difference / se, df),
  };
}
