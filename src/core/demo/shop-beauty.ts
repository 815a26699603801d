import { WeightedTable, type Random } from '../util/random';
import { DAY, HOUR, type CalendarDay } from './calendar';
import { BEAUTY_PRODUCTS, ROUTINE_STEPS, type BeautyProduct, type RoutineStep } from './catalog-beauty';
import { demoWorkspace } from './demo-workspaces';
import { onSale } from './define-product';
import { isBeforeMothersDay, isBeforeValentines, isChristmasShopping, retailSeasonWeight } from './occasions';
import { BasketBuilder, recentLaunches } from './basket';
import type { BasketLine, EmitEvent, Shopper, ShopModel, ShopperTraits } from './types';

/**
 * Glow & Co. — the completion strategy. Routine builders start with a cleanser (often with its
 * toner) and add the next steps of the same range order by order, while re-buying what runs out.
 */

const MONTH_WEIGHT = [0.9, 0.95, 0.95, 0.95, 1, 0.8, 0.75, 0.78, 0.95, 1.05, 1.45, 1.55];

const byRangeStep = new Map<string, BeautyProduct[]>();
for (const product of BEAUTY_PRODUCTS) {
  if (!product.family || !ROUTINE_STEPS.includes(product.role as RoutineStep)) continue;
  const key = `${product.family}|${product.role}`;
  byRangeStep.set(key, [...(byRangeStep.get(key) ?? []), product]);
}
const extras = BEAUTY_PRODUCTS.filter((p) => p.role === 'extra');
const routineAndExtras = BEAUTY_PRODUCTS.filter((p) => p.role !== 'gift-set' && p.role !== 'wrap');
const giftSets = BEAUTY_PRODUCTS.filter((p) => p.role === 'gift-set');
const giftWrap = BEAUTY_PRODUCTS.find((p) => p.role === 'wrap')!;
const giftableExtras = extras.filter((p) => ['Lip care', 'Body', 'Mist', 'Tools'].includes(p.category));
const rangeChoice = new WeightedTable<string>([
  ['Clear Balance', 30],
  ['Calm Skin', 26],
  ['Bright Boost', 24],
  ['Age Renew', 20],
]);
/** What someone who is not building a routine comes in for. */
const singleNeeds = new WeightedTable<RoutineStep | 'extra'>([
  ['moisturiser', 30],
  ['spf', 22],
  ['extra', 38],
  ['mask', 10],
]);

function rangeProduct(rng: Random, range: string, step: RoutineStep, at: number): BeautyProduct | null {
  const options = onSale(byRangeStep.get(`${range}|${step}`) ?? [], at);
  if (options.length === 0) return null;
  // The original product of a step is the usual choice; later additions are an occasional alternative.
  return options.length > 1 && rng.chance(0.75) ? options[0] : rng.pick(options);
}

class RoutineShopper implements Shopper {
  private readonly range: string;
  private buildsRoutine: boolean;
  private nextStep = 0;
  private orders = 0;
  private readonly lastBought = new Map<BeautyProduct, number>();
  private pendingUsage: { product: BeautyProduct; at: number; boughtAt: number }[] = [];

  constructor(
    private readonly rng: Random,
    private readonly traits: ShopperTraits,
  ) {
    this.range = rangeChoice.draw(rng);
    this.buildsRoutine = rng.chance(0.45);
  }

  basket(at: number): BasketLine[] {
    const rng = this.rng;
    const basket = new BasketBuilder<BeautyProduct>();
    if (!this.buildsRoutine && this.orders > 0 && rng.chance(0.04)) this.buildsRoutine = true;

    if (this.buildsRoutine) this.addRoutineSteps(basket, at);
    else if (this.orders === 0 || rng.chance(0.45)) this.addSingleNeed(basket, at);

    let refills = 0;
    for (const [product, boughtAt] of this.lastBought) {
      if (refills >= 3 || product.supplyDays === null || basket.has(product)) continue;
      if (at - boughtAt > product.supplyDays * DAY * rng.between(0.8, 1.4) && rng.chance(0.6)) {
        basket.add(product, 1);
        refills++;
      }
    }
    if (rng.chance(0.2)) basket.add(rng.pick(onSale(extras, at)), 1);
    const launch = recentLaunches(routineAndExtras, at).find((p) => p.family === null || p.family === this.range);
    if (launch && rng.chance(0.35)) basket.add(launch, 1);
    if (basket.isEmpty()) this.addSingleNeed(basket, at);

    this.orders++;
    const lines = basket.lines(rng, 0.06);
    for (const { product } of lines) this.bought(product, at);
    return lines;
  }

  /** One routine step, often two: cleanser with toner, serum with moisturiser. */
  private addRoutineSteps(basket: BasketBuilder<BeautyProduct>, at: number): void {
    const rng = this.rng;
    if (this.nextStep > 0 && !rng.chance(0.72)) return;
    const steps = this.nextStep === 0 ? 1 + (rng.chance(0.45) ? 1 : 0) : 1 + (rng.chance(0.3) ? 1 : 0);
    for (let i = 0; i < steps && this.nextStep < ROUTINE_STEPS.length; i++) {
      const step = ROUTINE_STEPS[this.nextStep++];
      if (step === 'eye' && rng.chance(0.4)) continue;
      const range = rng.chance(0.88) ? this.range : rangeChoice.draw(rng);
      const product = rangeProduct(rng, range, step, at);
      if (product) basket.add(product, 1);
    }
  }

  private addSingleNeed(basket: BasketBuilder<BeautyProduct>, at: number): void {
    const need = singleNeeds.draw(this.rng);
    const product = need === 'extra' ? this.rng.pick(onSale(extras, at)) : rangeProduct(this.rng, this.range, need, at);
    if (product) basket.add(product, 1);
  }

  private bought(product: BeautyProduct, at: number): void {
    this.lastBought.set(product, at);
    if (!this.traits.appUser || product.supplyDays === null) return;
    // The routine tracker in the app reminds a customer when a bottle is about three-quarters used.
    this.pendingUsage = this.pendingUsage.filter((u) => u.product !== product);
    const usedDays = Math.round(product.supplyDays * this.rng.between(0.75, 0.85));
    this.pendingUsage.push({ product, at: at + usedDays * DAY + this.rng.int(0, 12) * HOUR, boughtAt: at });
  }

  track(until: number, emit: EmitEvent | null): void {
    const due = this.pendingUsage.filter((u) => u.at < until);
    if (due.length === 0) return;
    this.pendingUsage = this.pendingUsage.filter((u) => u.at >= until);
    for (const usage of due) {
      emit?.({
        at: usage.at,
        type: 'usage',
        productId: usage.product.id,
        value: Math.round((usage.at - usage.boughtAt) / DAY),
        limit: usage.product.supplyDays,
        channel: 'app',
        extra: null,
      });
    }
  }
}

function giftBasket(rng: Random, at: number): BasketLine[] {
  const basket = new BasketBuilder();
  const sets = onSale(giftSets, at).filter((p) => p.inStock || isAdventSeason(at));
  if (rng.chance(0.65) && sets.length) basket.add(rng.pick(sets), 1);
  else basket.add(rng.pick(onSale(giftableExtras, at)), rng.chance(0.2) ? 2 : 1);
  if (rng.chance(0.3)) basket.add(rng.pick(onSale(giftableExtras, at)), 1);
  if (rng.chance(0.55)) basket.add(giftWrap, 1);
  return basket.lines(rng, 0);
}

/** The advent calendar sold out in its first December and has been out of stock since. */
function isAdventSeason(at: number): boolean {
  return at < Date.UTC(2025, 11, 20);
}

export const beautyShop: ShopModel = {
  industry: 'beauty',
  workspaceName: `${demoWorkspace('beauty').name} (demo)`,
  products: BEAUTY_PRODUCTS,
  seasonWeight: retailSeasonWeight(MONTH_WEIGHT, 2.2),
  giftChance(day: CalendarDay) {
    if (isChristmasShopping(day)) return 0.3;
    if (isBeforeValentines(day) || isBeforeMothersDay(day)) return 0.14;
    if (day.month === 11 && day.day >= 15) return 0.12;
    return 0.03;
  },
  channels: new WeightedTable([
    ['web', 55],
    ['app', 30],
    ['store', 15],
  ]),
  returnRate: 0.04,
  loyaltyThresholds: [150, 400],
  newsletterProducts: [
    'GC123',
    'GC105',
    'GC114',
    'GC133',
    'GC102',
    'GC117',
    'GC201',
    'GC125',
    'GC136',
    'GC221',
    'GC112',
    'GC302',
  ],
  supportTopics: ['delivery', 'skin reaction', 'damaged item', 'product advice', 'order change'],
  newShopper: (rng, traits) => new RoutineShopper(rng, traits),
  giftBasket,
};
