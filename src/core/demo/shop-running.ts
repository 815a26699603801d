import { WeightedTable, type Random } from '../util/random';
import { DAY, DEMO_START, calendarDay, type CalendarDay } from './calendar';
import { RUNNING_PRODUCTS, type RunningProduct, type RunningRole } from './catalog-running';
import { onSale } from './define-product';
import { demoWorkspace } from './demo-workspaces';
import { BasketBuilder, recentLaunches } from './basket';
import { isBeforeFathersDay, isChristmasShopping, retailSeasonWeight } from './occasions';
import type { BasketLine, EmitEvent, Shopper, ShopModel, ShopperTraits } from './types';

/**
 * Northpace Running Co. — the expert-user evolution strategy. Runners log kilometres in the app;
 * a shoe wears out towards its mileage limit, and a runner whose training has grown since the
 * last pair replaces it with the next tier up. Milestones (a first 10k, a half marathon) lead to
 * better watches.
 */

const MONTH_WEIGHT = [1.25, 1, 1.3, 1.4, 1.3, 1, 0.88, 0.9, 1.1, 1.05, 1.1, 1.1];
/** Runners run less in the dark months and most in spring. */
const MONTH_TRAINING = [0.9, 0.88, 1.05, 1.12, 1.12, 1.05, 1, 1, 1.02, 1, 0.92, 0.85];

const MILESTONES = [
  { key: 'first_10k', weeklyKm: 15, distance: 10, watchTier: 1 },
  { key: 'half_marathon', weeklyKm: 30, distance: 21.1, watchTier: 2 },
  { key: 'marathon', weeklyKm: 50, distance: 42.2, watchTier: 3 },
] as const;

const byRole = (role: RunningRole) => RUNNING_PRODUCTS.filter((p) => p.role === role);
const shoes = byRole('shoe');
const watches = byRole('watch');
const hydration = byRole('hydration');
const nutrition = byRole('nutrition');
const gear = byRole('gear');
const apparel = byRole('apparel');
const product = (id: string) => RUNNING_PRODUCTS.find((p) => p.id === id)!;
const winterApparel = ['NP404', 'NP405', 'NP406', 'NP407', 'NP409'].map(product);
const summerApparel = ['NP402', 'NP403', 'NP408', 'NP410'].map(product);
const socks = product('NP401');
const giftWrap = RUNNING_PRODUCTS.find((p) => p.role === 'wrap')!;
const giftable = ['NP201', 'NP401', 'NP603', 'NP601', 'NP402', 'NP501', 'NP407'].map(product);

const levels = new WeightedTable<1 | 2 | 3>([
  [1, 64],
  [2, 30],
  [3, 6],
]);

/** The shoe tier a runner's weekly distance calls for. */
function tierFor(weeklyKm: number): number {
  return weeklyKm < 20 ? 1 : weeklyKm < 38 ? 2 : 3;
}

interface ShoeInUse {
  product: RunningProduct;
  km: number;
  replaceAtKm: number;
  /** Weekly distance when the pair was bought; a clear rise since then earns the next tier. */
  weeklyKmAtPurchase: number;
}

class Runner implements Shopper {
  private readonly baseKm: number;
  private readonly monthlyGrowth: number;
  private readonly family: string;
  private readonly buysShoesHere: boolean;
  private readonly trainingStart: number;
  private shoe: ShoeInUse | null = null;
  private watchTier = 0;
  private hydrationTier = 0;
  private readonly milestones = new Set<string>();
  private trackedTo: number;
  private nextSync: number;
  private orders = 0;

  constructor(
    private readonly rng: Random,
    private readonly traits: ShopperTraits,
  ) {
    const level = levels.draw(rng);
    this.baseKm = level === 1 ? rng.between(9, 18) : level === 2 ? rng.between(22, 36) : rng.between(40, 60);
    const progresses = rng.chance(level === 1 ? 0.65 : level === 2 ? 0.5 : 0.25);
    this.monthlyGrowth = progresses ? rng.between(0.025, 0.055) : rng.between(-0.01, 0.01);
    this.family = rng.chance(0.2) ? 'Trail shoes' : 'Road shoes';
    this.buysShoesHere = rng.chance(0.85);
    this.trainingStart = Math.max(traits.since, DEMO_START);
    this.trackedTo = this.trainingStart;
    this.nextSync = this.trackedTo + rng.int(3, 30) * DAY;

    const startKm = this.weeklyKm(this.trackedTo);
    for (const m of MILESTONES) if (startKm >= m.weeklyKm) this.milestones.add(m.key);
    if (traits.since < DEMO_START) {
      // Long-standing customers already run in a pair bought before the history starts.
      if (rng.chance(0.55)) this.fitShoe(this.shoeFor(tierFor(startKm), null, this.trackedTo), rng.between(0, 0.7));
      if (rng.chance(0.25)) this.watchTier = 1;
    }
  }

  private weeklyKm(at: number): number {
    const months = (at - this.trainingStart) / (30 * DAY);
    const trend = Math.min(75, this.baseKm * Math.pow(1 + this.monthlyGrowth, months));
    return trend * MONTH_TRAINING[calendarDay(at).month - 1];
  }

  track(until: number, emit: EmitEvent | null): void {
    while (this.trackedTo < until) {
      const step = Math.min(7 * DAY, until - this.trackedTo);
      const weekly = this.weeklyKm(this.trackedTo + step / 2);
      this.trackedTo += step;
      if (this.shoe) this.shoe.km += (weekly * step) / (7 * DAY);
      for (const m of MILESTONES) {
        if (this.milestones.has(m.key) || weekly < m.weeklyKm) continue;
        this.milestones.add(m.key);
        if (this.traits.appUser) {
          const extra = JSON.stringify({ milestone: m.key });
          emit?.({
            at: this.trackedTo,
            type: 'milestone',
            productId: null,
            value: m.distance,
            limit: null,
            channel: 'app',
            extra,
          });
        }
      }
      const limit = this.shoe?.product.mileageLimit ?? 0;
      // The app syncs every few weeks, and at once when a pair passes three-quarters of its life.
      const passedWarning =
        this.shoe !== null && this.shoe.km >= 0.75 * limit && this.shoe.km - (weekly * step) / (7 * DAY) < 0.75 * limit;
      if (this.traits.appUser && this.shoe && (this.trackedTo >= this.nextSync || passedWarning)) {
        emit?.({
          at: this.trackedTo,
          type: 'usage',
          productId: this.shoe.product.id,
          value: Math.round(this.shoe.km * 10) / 10,
          limit: this.shoe.product.mileageLimit,
          channel: 'app',
          extra: null,
        });
        this.nextSync = this.trackedTo + this.rng.int(14, 35) * DAY;
      }
    }
  }

  dueBefore(until: number): number | null {
    if (!this.shoe || !this.buysShoesHere) return null;
    const remaining = Math.max(0, this.shoe.replaceAtKm - this.shoe.km);
    const due = this.trackedTo + (remaining / this.weeklyKm(this.trackedTo)) * 7 * DAY + this.rng.int(0, 10) * DAY;
    return due < until ? due : null;
  }

  basket(at: number): BasketLine[] {
    const rng = this.rng;
    const basket = new BasketBuilder<RunningProduct>();
    const weekly = this.weeklyKm(at);
    const worn = this.shoe !== null && this.shoe.km >= 0.75 * this.shoe.product.mileageLimit!;
    const wantsShoes = this.buysShoesHere && (worn || (!this.shoe && (this.orders > 0 || rng.chance(0.7))));

    if (wantsShoes) {
      basket.add(this.replaceShoe(at, weekly), 1);
      if (rng.chance(0.3)) basket.add(socks, 1);
    } else {
      this.addTrainingNeeds(basket, at, weekly);
    }
    for (const launch of recentLaunches(RUNNING_PRODUCTS, at)) {
      // New racing shoes tempt only those already training at that level.
      const fits = launch.role === 'shoe' ? !wantsShoes && tierFor(weekly) >= (launch.tier ?? 1) : weekly >= 25;
      if (fits && rng.chance(0.35)) basket.add(launch, 1);
    }
    if (basket.isEmpty()) basket.add(rng.pick(this.seasonalApparel(at)), 1);
    this.orders++;
    return basket.lines(rng, 0.05);
  }

  private replaceShoe(at: number, weekly: number): RunningProduct {
    const current = this.shoe;
    let tier = Math.max(current?.product.tier ?? 1, tierFor(weekly));
    if (current && tier === current.product.tier && weekly >= 1.4 * current.weeklyKmAtPurchase) tier++;
    const next = this.shoeFor(Math.min(3, tier), current?.product ?? null, at);
    this.fitShoe(next, 0);
    return next;
  }

  private shoeFor(tier: number, previous: RunningProduct | null, at: number): RunningProduct {
    const options = onSale(shoes, at).filter((s) => s.family === this.family && s.tier === tier);
    if (previous && options.includes(previous) && this.rng.chance(0.6)) return previous;
    return this.rng.pick(options);
  }

  private fitShoe(shoe: RunningProduct, wornShare: number): void {
    const limit = shoe.mileageLimit!;
    this.shoe = {
      product: shoe,
      km: wornShare * limit,
      replaceAtKm: limit * this.rng.between(0.8, 1),
      weeklyKmAtPurchase: this.weeklyKm(this.trackedTo),
    };
  }

  private addTrainingNeeds(basket: BasketBuilder<RunningProduct>, at: number, weekly: number): void {
    const rng = this.rng;
    const wantedWatch = Math.max(0, ...MILESTONES.filter((m) => this.milestones.has(m.key)).map((m) => m.watchTier));
    if (wantedWatch > this.watchTier && rng.chance(0.45)) {
      const options = onSale(watches, at).filter((w) => w.tier === wantedWatch);
      basket.add(rng.pick(options), 1);
      this.watchTier = wantedWatch;
    }
    const wantedHydration = weekly >= 50 ? 3 : weekly >= 30 ? 2 : 1;
    if (wantedHydration > this.hydrationTier && rng.chance(0.25)) {
      const options = onSale(hydration, at).filter((h) => h.tier === wantedHydration);
      if (options.length) basket.add(rng.pick(options), 1);
      this.hydrationTier = wantedHydration;
    }
    if (weekly >= 25 && rng.chance(0.35)) basket.add(nutrition[0], rng.chance(0.3) ? 2 : 1);
    if (weekly >= 25 && rng.chance(0.2)) basket.add(nutrition[1], 1);
    if (rng.chance(0.5)) basket.add(rng.pick(this.seasonalApparel(at)), 1);
    if (rng.chance(0.12)) basket.add(rng.pick(onSale(gear, at)), 1);
  }

  private seasonalApparel(at: number): RunningProduct[] {
    const month = calendarDay(at).month;
    return month >= 10 || month <= 2 ? winterApparel : summerApparel;
  }
}

function giftBasket(rng: Random, at: number): BasketLine[] {
  const basket = new BasketBuilder();
  basket.add(rng.pick(onSale(giftable, at)), 1);
  if (rng.chance(0.35)) basket.add(rng.pick(onSale(apparel, at)), 1);
  if (rng.chance(0.5)) basket.add(giftWrap, 1);
  return basket.lines(rng, 0);
}

export const runningShop: ShopModel = {
  industry: 'running',
  workspaceName: `${demoWorkspace('running').name} (demo)`,
  products: RUNNING_PRODUCTS,
  seasonWeight: retailSeasonWeight(MONTH_WEIGHT, 1.8),
  giftChance(day: CalendarDay) {
    if (isChristmasShopping(day)) return 0.25;
    if (isBeforeFathersDay(day)) return 0.1;
    return 0.03;
  },
  channels: new WeightedTable([
    ['web', 45],
    ['app', 20],
    ['store', 35],
  ]),
  returnRate: 0.07,
  loyaltyThresholds: [300, 800],
  newsletterProducts: [
    'NP111',
    'NP201',
    'NP404',
    'NP501',
    'NP311',
    'NP121',
    'NP403',
    'NP405',
    'NP211',
    'NP603',
    'NP131',
    'NP221',
  ],
  supportTopics: ['sizing', 'delivery', 'watch setup', 'faulty item', 'order change'],
  newShopper: (rng, traits) => new Runner(rng, traits),
  giftBasket,
};
