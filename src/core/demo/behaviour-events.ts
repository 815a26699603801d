import { WeightedTable, type Random } from '../util/random';
import { DAY, HOUR, MINUTE, timeOfDay, type SeasonalClock } from './calendar';
import type { Campaign } from './campaigns';
import type { CustomerProfile } from './customer-profile';
import type { DemoOrder } from './journey';
import type { Person } from './people';
import type { DemoProduct, EmitEvent, ShopModel } from './types';

/**
 * Behaviour around the orders: browsing and carts before online orders, browsing that ends
 * without a purchase (some of it abandoned carts), support tickets after some orders, and the
 * shop's e-mails to customers who opted in.
 *
 * Values: `cart_abandoned` carries the cart's value, `support_resolved` the customer's
 * satisfaction score (1–5).
 */
interface BehaviourContext {
  model: ShopModel;
  clock: SeasonalClock;
  profile: CustomerProfile;
  person: Person;
  orders: readonly DemoOrder[];
  campaigns: readonly Campaign[];
  /** Products a visitor can come across. */
  browsable: readonly DemoProduct[];
  rng: Random;
  emit: EmitEvent;
}

const SUPPORT_CHANNELS = new WeightedTable<string>([
  ['email', 50],
  ['chat', 35],
  ['phone', 15],
]);
const SATISFACTION = new WeightedTable<number>([
  [5, 45],
  [4, 30],
  [3, 12],
  [2, 8],
  [1, 5],
]);

export function emitBehaviourEvents(ctx: BehaviourContext): void {
  for (const order of ctx.orders) {
    if (order.channel !== 'store') browsingBeforeOrder(ctx, order);
    if (order.status !== 'cancelled') supportAfterOrder(ctx, order);
  }
  browsingWithoutOrder(ctx);
  if (ctx.person.emailOptIn) emails(ctx);
}

function event(
  ctx: BehaviourContext,
  at: number,
  type: Parameters<EmitEvent>[0]['type'],
  productId: string | null,
  channel: string | null,
  value: number | null = null,
  extra: string | null = null,
): void {
  ctx.emit({ at, type, productId, value, limit: null, channel, extra });
}

function browsingBeforeOrder(ctx: BehaviourContext, order: DemoOrder): void {
  const { rng } = ctx;
  const goods = order.lines.filter((l) => l.quantity > 0 && l.product.isProduct);
  if (goods.length === 0) return;
  for (const line of goods) {
    if (rng.chance(0.4))
      event(ctx, order.at - rng.int(10, 72 * 60) * MINUTE, 'browse_view', line.product.id, order.channel);
    // Items bought with "buy now" or re-ordered from the order history skip the cart.
    if (rng.chance(0.5))
      event(ctx, order.at - rng.int(2, 25) * MINUTE, 'cart_add', line.product.id, order.channel, line.quantity);
  }
  const focus = goods[0].product;
  if (rng.chance(0.2)) {
    // Came back to the same product on several days before buying it.
    const visits = rng.int(3, 5);
    for (let i = 0; i < visits; i++) {
      event(ctx, order.at - rng.int(1, 10) * DAY - rng.int(0, 600) * MINUTE, 'browse_view', focus.id, order.channel);
    }
  }
  if (rng.chance(0.1)) {
    // Left it in the cart a day or three earlier, then came back for it.
    const added = order.at - rng.int(1, 3) * DAY - rng.int(0, 300) * MINUTE;
    event(ctx, added, 'cart_add', focus.id, order.channel, 1);
    event(ctx, added + rng.int(30, 120) * MINUTE, 'cart_abandoned', focus.id, order.channel, focus.price);
  }
}

function browsingWithoutOrder(ctx: BehaviourContext): void {
  const { rng, profile, browsable } = ctx;
  const activeTo = Math.min(1, profile.activeTo + 0.1);
  const sessions = rng.poisson(1.8 * (activeTo - profile.activeFrom) * Math.sqrt(profile.engagement));
  for (let s = 0; s < sessions; s++) {
    const channel = profile.appUser && rng.chance(0.5) ? 'app' : 'web';
    const start = timeOfDay(rng, ctx.clock.timeAt(rng.between(profile.activeFrom, activeTo)), false);
    if (start < profile.since) continue;
    const focus = rng.pick(browsable);
    if (focus.launchedAt > start) continue;
    const views = rng.int(1, 3);
    for (let v = 0; v < views; v++) {
      const product = v === 0 ? focus : rng.pick(browsable);
      if (product.launchedAt <= start)
        event(ctx, start + v * rng.int(1, 6) * MINUTE, 'browse_view', product.id, channel);
    }
    if (rng.chance(0.15)) {
      for (let day = 1; day <= rng.int(2, 4); day++) {
        event(ctx, start + day * rng.int(1, 3) * DAY, 'browse_view', focus.id, channel);
      }
    }
    if (rng.chance(0.3)) {
      const added = start + views * 6 * MINUTE;
      const quantity = rng.chance(0.15) ? 2 : 1;
      event(ctx, added, 'cart_add', focus.id, channel, quantity);
      event(ctx, added + rng.int(30, 150) * MINUTE, 'cart_abandoned', focus.id, channel, focus.price * quantity);
    }
  }
}

function supportAfterOrder(ctx: BehaviourContext, order: DemoOrder): void {
  const { rng, model } = ctx;
  const returned = order.lines.find((l) => l.returnedAt !== null);
  if (!(returned ? rng.chance(0.6) : rng.chance(0.04))) return;
  const goods = order.lines.filter((l) => l.quantity > 0 && l.product.isProduct);
  const product = returned?.product ?? rng.pick(goods).product;
  const opened = returned
    ? order.at + Math.max(HOUR, (returned.returnedAt! - order.at) * rng.between(0.2, 0.8))
    : order.at + rng.int(1, 14) * DAY + rng.int(0, 600) * MINUTE;
  const hoursToResolve = Math.min(6 * 24, Math.max(0.3, rng.logNormal(7, 1)));
  const channel = SUPPORT_CHANNELS.draw(rng);
  const topic = JSON.stringify({ topic: returned ? 'return' : rng.pick(model.supportTopics) });
  event(ctx, opened, 'support_opened', product.id, channel, null, topic);
  event(ctx, opened + hoursToResolve * HOUR, 'support_resolved', product.id, channel, SATISFACTION.draw(rng), topic);
}

function emails(ctx: BehaviourContext): void {
  const { rng, profile } = ctx;
  for (const campaign of ctx.campaigns) {
    if (campaign.at < profile.since || !rng.chance(0.45)) continue;
    const extra = JSON.stringify({ campaign: campaign.name });
    const sent = campaign.at + rng.int(0, 40) * MINUTE;
    event(ctx, sent, 'email_sent', campaign.productId, 'email', null, extra);
    if (!rng.chance(0.34)) continue;
    const opened = sent + Math.min(7 * DAY, rng.logNormal(3, 1.2) * HOUR);
    event(ctx, opened, 'email_open', campaign.productId, 'email', null, extra);
    if (rng.chance(0.28))
      event(ctx, opened + rng.int(5, 300) * 1000, 'email_click', campaign.productId, 'email', null, extra);
  }
}
