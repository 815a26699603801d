import { Random, seedFrom } from '../util/random';
import type { Industry } from '../store/workspace-types';
import { customerProfile, type CustomerProfile } from './customer-profile';
import { checkWholeNumber, DEFAULT_SEED, LINES_PER_CUSTOMER } from './demo-size';
import { simulateJourney } from './journey';
import { orderRateForLines } from './order-rate';
import { PeopleFactory, type Person } from './people';
import { seasonalClock, shopModel } from './shop-models';
import type { DemoOrder } from './journey';

/**
 * The demo shops' customers and their orders, one customer after another (each customer's orders
 * in time order), without end: exports of any size stop drawing when they have written enough.
 * The same seed gives the same customers, people and orders as the demo workspaces.
 */

export interface DemoExportOptions {
  seed?: number;
  /** Data lines to write, header not counted. */
  lines: number;
}

/** What an export wrote: data lines, and the orders and customers they belong to. */
export interface DemoExportSummary {
  lines: number;
  orders: number;
  customers: number;
}

export interface DemoCustomerOrders {
  profile: CustomerProfile;
  person: Person;
  orders: DemoOrder[];
}

/** Customers whose profiles set the order rate, so the rate is known before streaming starts. */
const SIZING_SAMPLE = 2_000;

export function checkedExportOptions(options: DemoExportOptions): { seed: number; lines: number } {
  return {
    seed: checkWholeNumber('The seed', options.seed ?? DEFAULT_SEED, 0, 2 ** 32 - 1),
    lines: checkWholeNumber('The number of lines', options.lines, 0),
  };
}

export function* demoCustomerOrders(industry: Industry, seed: number): Generator<DemoCustomerOrders> {
  const model = shopModel(industry);
  const clock = seasonalClock(model);
  const sample = Array.from({ length: SIZING_SAMPLE }, (_, i) => customerProfile(seed, industry, clock, i));
  const rate = orderRateForLines(model, clock, seed, sample, SIZING_SAMPLE * LINES_PER_CUSTOMER);
  const people = new PeopleFactory();
  for (let index = 0; ; index++) {
    const profile = customerProfile(seed, industry, clock, index);
    const { orders } = simulateJourney(model, clock, seed, profile, rate, null);
    // Drawn as the demo workspace draws it, so a customer has the same name, address and consent.
    const person = people.create(new Random(seedFrom(seed, industry, 'behaviour', index)));
    yield { profile, person, orders };
  }
}

/** Collects text into chunks of about 64 KB for the writer. */
export class ChunkedWriter {
  private chunk = '';

  constructor(private readonly write: (chunk: string) => void) {}

  add(text: string): void {
    this.chunk += text;
    if (this.chunk.length >= 64 * 1024) this.flush();
  }

  flush(): void {
    if (this.chunk) this.write(this.chunk);
    this.chunk = '';
  }
}

/** RFC 4180: a field with a comma, quote or line break goes in quotes, its quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
