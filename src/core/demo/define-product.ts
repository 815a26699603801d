import { Random, seedFrom } from '../util/random';
import { DAY, DEMO_END } from './calendar';
import type { DemoProduct } from './types';

/** How a catalog file describes one product; the rest is filled in consistently from its id. */
export interface ProductSpec {
  id: string;
  name: string;
  category: string;
  family?: string;
  tier?: number;
  price: number;
  /** 'YYYY-MM-DD'; without it the product has been on sale since before the demo history. */
  launched?: string;
  outOfStock?: boolean;
  /** Set where a product is meant to stand out as poorly rated. */
  rating?: number;
  isProduct?: false;
}

/**
 * Builds a catalog entry. Ratings, review counts and launch dates of established products
 * come from a generator seeded by the product id, so every demo of a shop shows the same catalog.
 */
export function defineProduct<E extends object>(spec: ProductSpec, extra: E): DemoProduct & E {
  const rng = new Random(seedFrom('product', spec.id));
  const launchedAt = spec.launched
    ? Date.parse(`${spec.launched}T00:00:00Z`)
    : Date.UTC(2021, 2, 1) + rng.int(0, 1370) * DAY;
  const yearsOnSale = Math.max(0.05, (DEMO_END - launchedAt) / (365 * DAY));
  const rating = spec.rating ?? Math.round(Math.min(4.9, Math.max(3.6, rng.normal(4.4, 0.25))) * 10) / 10;
  const reviewCount = Math.round(rng.logNormal(90, 0.6) * Math.min(yearsOnSale, 3) + rng.int(0, 6));
  return {
    id: spec.id,
    name: spec.name,
    category: spec.category,
    family: spec.family ?? null,
    tier: spec.tier ?? null,
    price: spec.price,
    rating,
    reviewCount,
    launchedAt,
    inStock: !spec.outOfStock,
    isProduct: spec.isProduct ?? true,
    ...extra,
  };
}

/** The products of a list that can be bought at `at`. */
export function onSale<P extends DemoProduct>(products: readonly P[], at: number): P[] {
  return products.filter((p) => p.launchedAt <= at);
}
