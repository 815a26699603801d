import { Random, seedFrom } from '../util/random';
import { DEMO_START, EARLIEST_SIGNUP, timeOfDay, type SeasonalClock } from './calendar';
import { customerId } from './ids';

/**
 * Who a customer is to the shop before anything is bought: when they joined, how keen they are,
 * whether they use the app, and the part of the history in which they shop.
 */
export interface CustomerProfile {
  index: number;
  id: string;
  since: number;
  /** The share of the shop's activity (0–1) during which this customer shops. */
  activeFrom: number;
  activeTo: number;
  /** Relative buying appetite: 1 is typical, a few customers buy far more. */
  engagement: number;
  /** Some sign up for the newsletter or an account and never order. */
  buyer: boolean;
  appUser: boolean;
}

/** Depends only on (seed, industry, index), so any customer can be recreated on its own. */
export function customerProfile(seed: number, industry: string, clock: SeasonalClock, index: number): CustomerProfile {
  const rng = new Random(seedFrom(seed, industry, 'profile', index));
  const joinedBefore = rng.chance(0.38);
  const activeFrom = joinedBefore ? 0 : rng.between(0, 0.97);
  const since = joinedBefore
    ? EARLIEST_SIGNUP + Math.floor(rng.next() * (DEMO_START - EARLIEST_SIGNUP))
    : timeOfDay(rng, clock.timeAt(activeFrom), false);
  const lapses = rng.chance(0.28);
  return {
    index,
    id: customerId(index),
    since,
    activeFrom,
    activeTo: lapses ? activeFrom + (1 - activeFrom) * rng.between(0.15, 0.85) : 1,
    engagement: rng.logNormal(1, 0.6),
    buyer: rng.chance(0.93),
    appUser: rng.chance(0.4),
  };
}

/** The mean of a buyer's order count at a given rate: higher the keener they are and the longer they shop. */
export function ordersExpected(profile: CustomerProfile, rate: number): number {
  return rate * profile.engagement * (profile.activeTo - profile.activeFrom);
}
