import type { Random } from '../util/random';
import { DAY } from './calendar';
import type { BasketLine, DemoProduct } from './types';

/** Collects the lines of one order: each product once, in the order they were chosen. */
export class BasketBuilder<P extends DemoProduct = DemoProduct> {
  private readonly items = new Map<P, number>();

  add(product: P, quantity: number): void {
    if (!this.items.has(product)) this.items.set(product, quantity);
  }

  has(product: P): boolean {
    return this.items.has(product);
  }

  isEmpty(): boolean {
    return this.items.size === 0;
  }

  /** The lines, where a single item is sometimes bought twice (a spare, one to share). */
  lines(rng: Random, doubleChance: number): (BasketLine & { product: P })[] {
    return [...this.items].map(([product, quantity]) => ({
      product,
      quantity: quantity === 1 && product.isProduct && rng.chance(doubleChance) ? 2 : quantity,
    }));
  }
}

/** How long a launch counts as news that moves existing customers to buy. */
const LAUNCH_WINDOW_DAYS = 45;

/** Products launched in the weeks before `at`. */
export function recentLaunches<P extends DemoProduct>(products: readonly P[], at: number): P[] {
  return products.filter((p) => p.launchedAt <= at && at - p.launchedAt < LAUNCH_WINDOW_DAYS * DAY);
}
