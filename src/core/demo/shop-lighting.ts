import { WeightedTable, type Random } from '../util/random';
import { DAY, calendarDay, type CalendarDay } from './calendar';
import { LIGHTING_PRODUCTS, type LightingProduct, type LightingRole } from './catalog-lighting';
import { onSale } from './define-product';
import { demoWorkspace } from './demo-workspaces';
import { BasketBuilder, recentLaunches } from './basket';
import { isBeforeFathersDay, isChristmasShopping, retailSeasonWeight } from './occasions';
import type { BasketLine, EmitEvent, Shopper, ShopModel, ShopperTraits } from './types';

/**
 * Lumora Smart Lighting — the ecosystem strategy. Most customers start with a starter kit of one
 * family and add the members they lack (bulbs, strips, switches, sensors) order by order; bridge
 * owners later spread into the Outdoor and Play families. The app reports how many devices a bridge
 * runs, so a home nearing the bridge's limit is visible before it moves up to the Pro bridge.
 */

const MONTH_WEIGHT = [1.05, 0.95, 0.85, 0.8, 0.75, 0.68, 0.66, 0.72, 0.9, 1.15, 1.6, 1.75];
const BRIDGE_LIMIT = 50;
const PRO_BRIDGE_LIMIT = 150;

const product = (id: string) => LIGHTING_PRODUCTS.find((p) => p.id === id)!;
const members = (family: string) =>
  LIGHTING_PRODUCTS.filter((p) => p.family === family && p.role !== 'starter' && p.role !== 'hub');
const HOME = 'Lumora Home';
const OUTDOOR = 'Lumora Outdoor';
const PLAY = 'Lumora Play';
const GLOWLINE = 'Glowline';
const familyMembers = new Map([HOME, OUTDOOR, PLAY, GLOWLINE].map((family) => [family, members(family)]));
const bridge = product('LM103');
const proBridge = product('LM104');
const bridgeOwners = new Set(['LM101', 'LM102', 'LM103', 'LM104']);
const accessories = LIGHTING_PRODUCTS.filter((p) => p.role === 'accessory');
const giftWrap = LIGHTING_PRODUCTS.find((p) => p.role === 'wrap')!;
const giftable = ['LM102', 'LM401', 'LM141', 'LM121', 'LM404', 'LM133'].map(product);

const entryFamilies = new WeightedTable<string>([
  [HOME, 55],
  [GLOWLINE, 33],
  [PLAY, 12],
]);
const colourStarter = product('LM101');
const whiteStarter = product('LM102');
const STARTERS: Record<string, LightingProduct> = {
  [OUTDOOR]: product('LM201'),
  [PLAY]: product('LM301'),
  [GLOWLINE]: product('LM401'),
};

function starterKit(rng: Random, family: string): LightingProduct {
  if (family === HOME) return rng.chance(0.6) ? colourStarter : whiteStarter;
  return STARTERS[family];
}
const ROLE_APPEAL: Record<LightingRole, number> = {
  bulb: 3,
  strip: 2,
  switch: 2,
  sensor: 1.5,
  plug: 1.5,
  lamp: 1,
  starter: 0,
  hub: 0,
  accessory: 0,
  wrap: 0,
};

class HomeOwner implements Shopper {
  private readonly entryFamily: string;
  private readonly startsWithKit: boolean;
  /** How many connected lights they want in the end. */
  private readonly ambition: number;
  private readonly hasTv: boolean;
  private readonly hasGarden: boolean;
  private readonly owned = new Set<LightingProduct>();
  private readonly families = new Set<string>();
  private devices = 0;
  private orders = 0;
  private nextSync: number;

  constructor(
    private readonly rng: Random,
    private readonly traits: ShopperTraits,
  ) {
    this.entryFamily = entryFamilies.draw(rng);
    this.startsWithKit = rng.chance(0.6);
    this.ambition = Math.min(80, Math.max(2, rng.logNormal(9, 0.75)));
    this.hasTv = rng.chance(0.35);
    this.hasGarden = rng.chance(0.4);
    this.nextSync = traits.since + rng.int(5, 30) * DAY;
  }

  private get hasBridge(): boolean {
    for (const p of this.owned) if (bridgeOwners.has(p.id)) return true;
    return false;
  }

  basket(at: number): BasketLine[] {
    const basket = new BasketBuilder<LightingProduct>();
    if (this.orders === 0) this.firstPurchase(basket, at);
    else this.addToHome(basket, at);
    if (basket.isEmpty()) this.addBulbs(basket, at, this.entryFamily === GLOWLINE ? GLOWLINE : HOME);
    this.orders++;
    const lines = basket.lines(this.rng, 0.04);
    for (const { product, quantity } of lines) {
      this.owned.add(product);
      if (product.family) this.families.add(product.family);
      if (product.family !== GLOWLINE) this.devices += product.devices * quantity;
    }
    return lines;
  }

  private firstPurchase(basket: BasketBuilder<LightingProduct>, at: number): void {
    const rng = this.rng;
    if (this.startsWithKit) {
      basket.add(starterKit(rng, this.entryFamily), 1);
      if (rng.chance(0.3)) this.addMissingMember(basket, at, this.entryFamily);
    } else if (this.entryFamily === HOME && rng.chance(0.5)) {
      basket.add(bridge, 1);
      this.addBulbs(basket, at, HOME);
    } else {
      this.addMissingMember(basket, at, this.entryFamily);
    }
  }

  private addToHome(basket: BasketBuilder<LightingProduct>, at: number): void {
    const rng = this.rng;
    const month = calendarDay(at).month;
    const families = [...this.families];
    const focus = families.includes(this.entryFamily) && rng.chance(0.55) ? this.entryFamily : rng.pick(families);
    if (rng.chance(0.85)) this.addMissingMember(basket, at, focus);
    if (rng.chance(0.3)) this.addMissingMember(basket, at, focus);
    if (this.devices < this.ambition && rng.chance(0.4)) this.addBulbs(basket, at, focus);

    const bridged = this.hasBridge;
    if (bridged && this.hasGarden && !this.families.has(OUTDOOR) && month >= 3 && month <= 9 && rng.chance(0.3)) {
      basket.add(rng.chance(0.7) ? STARTERS[OUTDOOR] : rng.pick(familyMembers.get(OUTDOOR)!), 1);
    }
    if (bridged && this.hasTv && !this.families.has(PLAY) && rng.chance(0.15)) basket.add(STARTERS[PLAY], 1);
    if (!bridged && this.families.has(GLOWLINE) && rng.chance(0.08)) basket.add(starterKit(rng, HOME), 1);
    if (
      bridged &&
      !this.owned.has(proBridge) &&
      this.devices >= 0.75 * BRIDGE_LIMIT &&
      proBridge.launchedAt <= at &&
      rng.chance(0.6)
    ) {
      basket.add(proBridge, 1);
    }
    for (const launch of recentLaunches(LIGHTING_PRODUCTS, at)) {
      if (launch.role !== 'hub' && launch.family && this.families.has(launch.family) && rng.chance(0.25))
        basket.add(launch, 1);
    }
    if (rng.chance(0.08)) basket.add(rng.pick(accessories), 1);
  }

  /** One member of the family the customer does not own yet, if any is left. */
  private addMissingMember(basket: BasketBuilder<LightingProduct>, at: number, family: string): void {
    const missing = onSale(familyMembers.get(family) ?? [], at).filter((p) => !this.owned.has(p) && !basket.has(p));
    if (missing.length === 0) return;
    const pick = this.rng.weighted(
      missing,
      missing.map((p) => ROLE_APPEAL[p.role]),
    );
    basket.add(pick, pick.role === 'bulb' ? this.rng.int(1, 3) : 1);
  }

  /** More bulbs for more rooms, usually a step up the ladder from the last ones. */
  private addBulbs(basket: BasketBuilder<LightingProduct>, at: number, family: string): void {
    const bulbs = onSale(familyMembers.get(family) ?? [], at).filter((p) => p.role === 'bulb');
    if (bulbs.length === 0) return;
    const ownedTier = Math.max(0, ...[...this.owned].filter((p) => p.role === 'bulb').map((p) => p.tier ?? 0));
    const preferred = bulbs.filter((b) => (b.tier ?? 0) >= Math.min(3, ownedTier + (this.rng.chance(0.4) ? 1 : 0)));
    basket.add(this.rng.pick(preferred.length ? preferred : bulbs), this.rng.int(2, 4));
  }

  track(until: number, emit: EmitEvent | null): void {
    while (this.nextSync < until) {
      if (this.traits.appUser && this.hasBridge) {
        const pro = this.owned.has(proBridge);
        emit?.({
          at: this.nextSync,
          type: 'usage',
          productId: pro ? proBridge.id : bridge.id,
          value: this.devices,
          limit: pro ? PRO_BRIDGE_LIMIT : BRIDGE_LIMIT,
          channel: 'app',
          extra: null,
        });
      }
      this.nextSync += this.rng.int(25, 35) * DAY;
    }
  }
}

function giftBasket(rng: Random, at: number): BasketLine[] {
  const basket = new BasketBuilder();
  basket.add(rng.pick(onSale(giftable, at)), 1);
  if (rng.chance(0.5)) basket.add(giftWrap, 1);
  return basket.lines(rng, 0.1);
}

export const lightingShop: ShopModel = {
  industry: 'lighting',
  workspaceName: `${demoWorkspace('lighting').name} (demo)`,
  products: LIGHTING_PRODUCTS,
  seasonWeight: retailSeasonWeight(MONTH_WEIGHT, 2.4),
  giftChance(day: CalendarDay) {
    if (isChristmasShopping(day)) return 0.32;
    if (day.month === 11 && day.day >= 15) return 0.12;
    if (isBeforeFathersDay(day)) return 0.06;
    return 0.04;
  },
  channels: new WeightedTable([
    ['web', 65],
    ['app', 25],
    ['store', 10],
  ]),
  returnRate: 0.05,
  loyaltyThresholds: [250, 700],
  newsletterProducts: [
    'LM113',
    'LM121',
    'LM132',
    'LM201',
    'LM101',
    'LM131',
    'LM303',
    'LM141',
    'LM404',
    'LM115',
    'LM203',
    'LM302',
  ],
  supportTopics: ['setup help', 'connection issue', 'delivery', 'faulty item', 'order change'],
  newShopper: (rng, traits) => new HomeOwner(rng, traits),
  giftBasket,
};
