import type { BaselinesResult } from '../analysis/baselines';
import type { MetricId, PlanDocument } from './plan-document';
import { fnv1a } from '../util/random';
import { METRIC_TITLES } from '../vocabulary';

/**
 * Pilot sizing. Comparing two acceptance rates p1 (control) and p2 (treatment) with a two-sided
 * test at significance α and power 1 − β, the normal approximation with the pooled variance under
 * the null gives, per group,
 *   n = ( z(1 − α/2) · √(2 p̄ (1 − p̄)) + z(1 − β) · √(p1 (1 − p1) + p2 (1 − p2)) )² / (p2 − p1)²
 * with p̄ = (p1 + p2) / 2, rounded up. For p1 = 0.10, p2 = 0.15, α = 0.05 and 80 % power that is 686.
 */

export const PILOT_ALPHA = 0.05;
export const PILOT_POWER = 0.8;
export const MIN_PILOT_DAYS = 14;

/** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('A quantile needs a probability between 0 and 1.');
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low || p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(p < low ? p : 1 - p));
    const x =
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    return p < low ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** Customers needed in each group to tell p1 from p2; Infinity when they are equal. */
export function sampleSizePerGroup(p1: number, p2: number, alpha = PILOT_ALPHA, power = PILOT_POWER): number {
  if (p1 === p2) return Infinity;
  const mean = (p1 + p2) / 2;
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((root * root) / ((p2 - p1) * (p2 - p1)));
}

/** The smallest rise over `baseline` that groups of `perGroup` customers detect (to 1e-4); null when none up to a rate of 1 is. */
export function minimumDetectableEffect(
  baseline: number,
  perGroup: number,
  alpha = PILOT_ALPHA,
  power = PILOT_POWER,
): number | null {
  if (perGroup < 1 || sampleSizePerGroup(baseline, 1, alpha, power) > perGroup) return null;
  let low = 0;
  let high = 1 - baseline;
  while (high - low > 1e-5) {
    const mid = (low + high) / 2;
    if (sampleSizePerGroup(baseline, baseline + mid, alpha, power) <= perGroup) high = mid;
    else low = mid;
  }
  return Math.ceil(high * 10_000) / 10_000;
}

/** FNV-1a over the text: a 32-bit hash, the same in every run and on every platform. */
function hash(text: string): number {
  let h = fnv1a(text);
  // A final mix spreads ids that differ only in their last characters.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/**
 * Splits customers into treatment and control. Each id falls on its own side by a hash of the seed
 * and the id, so the split is the same for a seed whatever the order of the ids, and a customer
 * keeps their side when others join the audience.
 */
export function splitControl(
  customerIds: readonly string[],
  seed: number,
  controlShare: number,
): { treatment: string[]; control: string[] } {
  const treatment: string[] = [];
  const control: string[] = [];
  for (const id of [...new Set(customerIds)].sort())
    (hash(`${seed}:${id}`) / 2 ** 32 < controlShare ? control : treatment).push(id);
  return { treatment, control };
}

/**
 * The pilot's customers: each audience customer is in it when a hash of the seed and their id
 * falls under the pilot's share of the audience (salted apart from the control split, so the two
 * draws are independent); those in it are then split into treatment and control.
 */
export function pilotGroups(
  customerIds: readonly string[],
  seed: number,
  audienceShare: number,
  controlShare: number,
): { treatment: string[]; control: string[] } {
  const inPilot = customerIds.filter((id) => hash(`pilot:${seed}:${id}`) / 2 ** 32 < audienceShare);
  return splitControl(inPilot, seed, controlShare);
}

export interface DurationCheck {
  ok: boolean;
  message: string;
}

export function checkDuration(days: number): DurationCheck {
  return days >= MIN_PILOT_DAYS
    ? { ok: true, message: `${days} days is long enough to see more than one week of normal buying.` }
    : {
        ok: false,
        message: `Run the pilot for at least ${MIN_PILOT_DAYS} days: over a shorter time, one unusual week can decide the result.`,
      };
}

export interface MetricBaseline {
  id: MetricId;
  label: string;
  unit: 'share' | 'days' | 'money';
  baseline: number | null;
  suggestedTarget: number | null;
  explanation: string;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The five metrics with their baselines from history and a target to start the discussion from. */
export function metricBaselines(baselines: BaselinesResult, minimumEffect: number): MetricBaseline[] {
  const acceptance = baselines.acceptance.overall.anchorCustomers > 0 ? baselines.acceptance.overall.rate : null;
  const days = baselines.secondaryPurchase.days.median;
  const expansion = baselines.categoryExpansion.customers > 0 ? baselines.categoryExpansion.rate : null;
  const aov = baselines.crossSellAov.followOnAov;
  const returns = baselines.returnRate.followOnItems > 0 ? baselines.returnRate.followOnRate : null;
  return [
    {
      id: 'acceptance',
      label: METRIC_TITLES.acceptance,
      unit: 'share',
      baseline: acceptance,
      suggestedTarget: acceptance === null ? null : round4(Math.min(1, acceptance + minimumEffect)),
      explanation:
        'Customers who bought a suggested product within the window, out of those it was suggested to. The target adds the smallest rise the pilot is sized to detect.',
    },
    {
      id: 'time-to-secondary',
      label: METRIC_TITLES['time-to-secondary'],
      unit: 'days',
      baseline: days,
      suggestedTarget: days === null ? null : round2(days * 0.8),
      explanation: 'Median days from a first order to an order from a new category. The target is a fifth sooner.',
    },
    {
      id: 'category-expansion',
      label: METRIC_TITLES['category-expansion'],
      unit: 'share',
      baseline: expansion,
      suggestedTarget: expansion === null ? null : round4(Math.min(1, expansion * 1.1)),
      explanation:
        'Customers buying from two or more categories within the window of their first order. The target is a tenth more.',
    },
    {
      id: 'cross-sell-aov',
      label: METRIC_TITLES['cross-sell-aov'],
      unit: 'money',
      baseline: aov,
      suggestedTarget: aov === null ? null : round2(aov * 1.05),
      explanation: 'Average value of later orders that add a new category. The target is 5 % higher.',
    },
    {
      id: 'return-rate',
      label: METRIC_TITLES['return-rate'],
      unit: 'share',
      baseline: returns,
      suggestedTarget: returns,
      explanation:
        'Share of products from a new category that came back. The target is to stay at or below today’s rate: a rise means the suggestions miss.',
    },
  ];
}

export interface PilotSizing {
  /** Customers the plan reaches over the pilot's days. */
  audience: number;
  /** Whether the counts are the pilot's own draw (the audience file's) rather than a projection past the 30 days the schedule covers. */
  drawn: boolean;
  pilotCustomers: number;
  treatment: number;
  control: number;
  baselineRate: number | null;
  minimumDetectableEffect: number;
  /** Customers each group needs to detect the plan's minimum effect. */
  requiredPerGroup: number | null;
  /** The smallest effect the planned groups can detect. */
  detectableEffect: number | null;
  enough: boolean;
  duration: DurationCheck;
  explanation: string;
}

/**
 * Whether the plan's pilot groups are big enough, from the customers it reaches over the pilot's
 * days: the groups as drawn when given, else the shares of `audience` as they round.
 */
export function pilotSizing(
  plan: PlanDocument,
  audience: number,
  baselineRate: number | null,
  drawn?: { treatment: number; control: number },
): PilotSizing {
  const { audienceShare, controlShare, minimumDetectableEffect: effect, durationDays } = plan.pilot;
  const pilotCustomers = drawn ? drawn.treatment + drawn.control : Math.round(audience * audienceShare);
  const control = drawn ? drawn.control : Math.round(pilotCustomers * controlShare);
  const treatment = pilotCustomers - control;
  const smaller = Math.min(treatment, control);
  const required =
    baselineRate === null || effect <= 0 || baselineRate + effect > 1
      ? null
      : sampleSizePerGroup(baselineRate, baselineRate + effect);
  const detectable = baselineRate === null ? null : minimumDetectableEffect(baselineRate, smaller);
  const enough = required !== null && smaller >= required;
  const pct = (n: number) => `${round2(n * 100)} %`;
  const explanation =
    baselineRate === null
      ? 'There is no acceptance rate in the history to size the pilot from yet; import orders over a longer period.'
      : required === null
        ? 'Set a minimum effect above zero (and below what the baseline leaves room for) to size the pilot.'
        : `From an acceptance rate of ${pct(baselineRate)}, detecting a rise of ${pct(effect)} takes ${required} customers in each group (80 % power, 5 % significance). The plan gives ${treatment} treated and ${control} in control${enough ? ', which is enough' : `, which is not enough${detectable === null ? '' : `: it could detect a rise of ${pct(detectable)}`}`}.`;
  return {
    audience,
    drawn: drawn !== undefined,
    pilotCustomers,
    treatment,
    control,
    baselineRate,
    minimumDetectableEffect: effect,
    requiredPerGroup: required,
    detectableEffect: detectable,
    enough,
    duration: checkDuration(durationDays),
    explanation,
  };
}
