import type { SeasonalClock } from './calendar';
import { ordersExpected, type CustomerProfile } from './customer-profile';
import { simulateJourney } from './journey';
import type { ShopModel } from './types';

/** Customers whose journeys are simulated first to learn how many lines an order of this shop holds. */
const CALIBRATION_SAMPLE = 600;

/** A buyer places max(1, Poisson(μ)) orders, whose mean is μ + e^-μ. */
function ordersExpectedInTotal(profiles: readonly CustomerProfile[], rate: number): number {
  let sum = 0;
  for (const p of profiles) {
    if (!p.buyer) continue;
    const mean = ordersExpected(p, rate);
    sum += mean + Math.exp(-mean);
  }
  return sum;
}

/** The order rate at which these customers place `targetOrders` orders in expectation (by bisection). */
function orderRateFor(profiles: readonly CustomerProfile[], targetOrders: number): number {
  let lo = 0;
  let hi = 1;
  while (ordersExpectedInTotal(profiles, hi) < targetOrders && hi < 1e6) hi *= 2;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (ordersExpectedInTotal(profiles, mid) < targetOrders) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The order rate that gives these customers about `targetLines` order lines. Baskets differ by
 * shop, season and customer, so the lines per order are measured on a sample of the same customers.
 */
export function orderRateForLines(
  model: ShopModel,
  clock: SeasonalClock,
  seed: number,
  profiles: readonly CustomerProfile[],
  targetLines: number,
): number {
  const sample = profiles.slice(0, CALIBRATION_SAMPLE);
  const sampleLines = (targetLines * sample.length) / profiles.length;
  const linesPerOrderAt = (rate: number) => {
    let lines = 0;
    for (const profile of sample) {
      for (const order of simulateJourney(model, clock, seed, profile, rate, null).orders) lines += order.lines.length;
    }
    return Math.max(1, lines / Math.max(1, ordersExpectedInTotal(sample, rate)));
  };
  // Two rounds: a first guess of two lines per order, then the measure taken near the final rate.
  let linesPerOrder = 2;
  for (let round = 0; round < 2; round++)
    linesPerOrder = linesPerOrderAt(orderRateFor(sample, sampleLines / linesPerOrder));
  return orderRateFor(profiles, targetLines / linesPerOrder);
}
