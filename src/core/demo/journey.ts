import { Random, seedFrom } from '../util/random';
import { DAY, DEMO_END, DEMO_START, MINUTE, calendarDay, timeOfDay, type SeasonalClock } from './calendar';
import { ordersExpected, type CustomerProfile } from './customer-profile';
import { LoyaltyAccount } from './loyalty';
import { discountOffer } from './occasions';
import type { BasketLine, DemoProduct, EmitEvent, OrderChannel, ShopModel } from './types';

type OrderStatus = 'completed' | 'returned' | 'cancelled';

export interface DemoOrderLine {
  product: DemoProduct;
  /** Negative on a line that returns goods. */
  quantity: number;
  unitPrice: number;
  /** Money taken off the line (negative on a return, which gives the discount back). */
  discount: number;
  /** For a return line: the index, within the same order, of the line it reverses. */
  reverses: number | null;
  returnedAt: number | null;
}

export interface DemoOrder {
  at: number;
  channel: OrderChannel;
  gift: boolean;
  status: OrderStatus;
  lines: DemoOrderLine[];
}

interface Journey {
  orders: DemoOrder[];
  loyalty: LoyaltyAccount;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * One customer's orders over the history, in time order. Order times are spread over the
 * customer's share of shop activity (so they follow the seasons); the shop model decides what
 * is in each basket and may bring an order forward when something is due. Product-usage and
 * loyalty signals go to `emit`, when given.
 */
export function simulateJourney(
  model: ShopModel,
  clock: SeasonalClock,
  seed: number,
  profile: CustomerProfile,
  rate: number,
  emit: EmitEvent | null,
): Journey {
  const rng = new Random(seedFrom(seed, model.industry, 'journey', profile.index));
  const loyalty = new LoyaltyAccount(model.loyaltyThresholds, spendBeforeHistory(rng, profile));
  const shopper = model.newShopper(rng, { appUser: profile.appUser, since: profile.since });
  const count = profile.buyer ? Math.max(1, rng.poisson(ordersExpected(profile, rate))) : 0;
  const orders: DemoOrder[] = [];
  let previous = Math.max(profile.since, DEMO_START);

  for (const [i, scheduled] of orderDays(rng, clock, profile, count).entries()) {
    let channel = model.channels.draw(rng);
    if (channel === 'app' && !profile.appUser) channel = 'web';
    const signedUpAtCheckout = i === 0 && profile.since >= DEMO_START && rng.chance(0.6);
    let at = signedUpAtCheckout
      ? profile.since + rng.int(2, 40) * MINUTE
      : timeOfDay(rng, scheduled, channel === 'store');
    const due = shopper.dueBefore?.(at);
    if (due != null && due > previous) at = timeOfDay(rng, due, channel === 'store');
    if (at <= previous) at = previous + rng.int(30, 300) * MINUTE;
    if (at >= DEMO_END) break;
    previous = at;

    shopper.track?.(at, emit);
    const gift = rng.chance(model.giftChance(calendarDay(at)));
    const basket = gift ? model.giftBasket(rng, at) : shopper.basket(at);
    const order = priceOrder(rng, model, at, channel, gift, basket);
    if (order.status !== 'cancelled') loyalty.add(netAmount(order), at, emit);
    orders.push(order);
  }
  shopper.track?.(DEMO_END, emit);
  return { orders, loyalty };
}

/** Days on which the orders fall: a new customer's first soon after joining, the rest spread over their active time. */
function orderDays(rng: Random, clock: SeasonalClock, profile: CustomerProfile, count: number): number[] {
  const days: number[] = [];
  let from = profile.activeFrom;
  let spread = count;
  if (count > 0 && profile.since >= DEMO_START) {
    days.push(Math.min(DEMO_END - 1, profile.since + Math.floor(rng.logNormal(2, 1.2)) * DAY));
    from = Math.min(profile.activeTo, clock.activityAt(days[0]));
    spread--;
  }
  for (let j = 0; j < spread; j++) {
    const position = from + ((profile.activeTo - from) * (j + rng.between(0.1, 0.9))) / spread;
    days.push(clock.timeAt(position));
  }
  return days;
}

function priceOrder(
  rng: Random,
  model: ShopModel,
  at: number,
  channel: OrderChannel,
  gift: boolean,
  basket: BasketLine[],
): DemoOrder {
  const offer = discountOffer(calendarDay(at));
  const rate = rng.chance(offer.share) ? rng.pick(offer.rates) : 0;
  const lines: DemoOrderLine[] = basket.map(({ product, quantity }) => ({
    product,
    quantity,
    unitPrice: product.price,
    discount: product.isProduct ? round2(product.price * quantity * rate) : 0,
    reverses: null,
    returnedAt: null,
  }));
  const order: DemoOrder = { at, channel, gift, status: 'completed', lines };
  if (rng.chance(0.025)) {
    order.status = 'cancelled';
    return order;
  }
  const returnedAt = at + rng.int(4, 28) * DAY + rng.int(0, 600) * MINUTE;
  if (rng.chance(model.returnRate) && returnedAt < DEMO_END) {
    const goods = lines.map((line, index) => ({ line, index })).filter(({ line }) => line.product.isProduct);
    const returned = rng.chance(0.3) ? goods : [rng.pick(goods)];
    for (const { line, index } of returned) {
      lines.push({ ...line, quantity: -line.quantity, discount: -line.discount, reverses: index, returnedAt });
    }
    order.status = 'returned';
  }
  return order;
}

function netAmount(order: DemoOrder): number {
  let total = 0;
  for (const line of order.lines) total += line.unitPrice * line.quantity - line.discount;
  return round2(total);
}

/** What a customer who joined before the history had already spent (it sets their starting tier). */
function spendBeforeHistory(rng: Random, profile: CustomerProfile): number {
  if (profile.since >= DEMO_START || !profile.buyer) return 0;
  const years = (DEMO_START - profile.since) / (365 * DAY);
  return Math.round(profile.engagement * years * rng.logNormal(70, 0.6));
}
