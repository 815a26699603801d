import type { Industry } from '../store/workspace-types';
import type { WeightedTable, Random } from '../util/random';
import type { CalendarDay } from './calendar';

export interface DemoProduct {
  id: string;
  name: string;
  category: string;
  family: string | null;
  tier: number | null;
  price: number;
  rating: number;
  reviewCount: number;
  /** UTC milliseconds of the launch day; nobody buys a product before it. */
  launchedAt: number;
  inStock: boolean;
  /** False for lines that are not merchandise, such as gift wrapping. */
  isProduct: boolean;
}

export interface BasketLine {
  product: DemoProduct;
  quantity: number;
}

export type OrderChannel = 'web' | 'app' | 'store';

export const DEMO_EVENT_TYPES = [
  'browse_view',
  'cart_add',
  'cart_abandoned',
  'support_opened',
  'support_resolved',
  'email_sent',
  'email_open',
  'email_click',
  'usage',
  'loyalty_tier_reached',
] as const;
/** `milestone` marks a personal achievement (a first 10k, a half marathon); only runners log them. */
export type DemoEventType = (typeof DEMO_EVENT_TYPES)[number] | 'milestone';

export interface DemoEvent {
  at: number;
  type: DemoEventType;
  productId: string | null;
  value: number | null;
  limit: number | null;
  channel: string | null;
  /** JSON text with details that have no column of their own. */
  extra: string | null;
}
export type EmitEvent = (event: DemoEvent) => void;

/** What every shop's customer model is told about the person behind it. */
export interface ShopperTraits {
  /** Uses the shop's app, so product-usage signals reach the shop. */
  appUser: boolean;
  /** When they first appear: sign-up or first visit. */
  since: number;
}

/** One customer's buying behaviour in one shop: what they buy next, given what they bought so far. */
export interface Shopper {
  /** The lines of an order for themselves placed at `at` (gift orders come from the shop model instead). */
  basket(at: number): BasketLine[];
  /** When, before `until`, the shopper will need to buy (worn-out shoes, say); null when nothing is due. */
  dueBefore?(until: number): number | null;
  /** Moves the shopper's product usage forward to `until`, reporting usage signals to `emit` when given. */
  track?(until: number, emit: EmitEvent | null): void;
}

export interface ShopModel {
  industry: Industry;
  /** The workspace name a demo of this shop gets. */
  workspaceName: string;
  products: readonly DemoProduct[];
  /** Relative order volume on a day: the shop's seasons, sales and holidays. */
  seasonWeight(day: CalendarDay): number;
  /** The chance an order on this day is a gift. */
  giftChance(day: CalendarDay): number;
  channels: WeightedTable<OrderChannel>;
  /** Share of completed orders that see at least one line returned. */
  returnRate: number;
  /** Spend (in the shop's currency) at which a customer reaches silver and gold. */
  loyaltyThresholds: readonly [number, number];
  /** Products the monthly newsletter features, in turn. */
  newsletterProducts: readonly string[];
  supportTopics: readonly string[];
  newShopper(rng: Random, traits: ShopperTraits): Shopper;
  giftBasket(rng: Random, at: number): BasketLine[];
}
