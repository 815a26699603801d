import { dayOf } from '../analysis/as-of';
import { loadPurchases, type PurchaseHistory } from '../analysis/purchases';
import { createMemo, momentKey, type Memo } from './memo';
import { itemsFor } from './messages';
import { planAsOf } from './moment-catalogue';
import { pilotGroups, splitControl } from './pilot';
import { audienceEntries, rulesOf, scheduleSends, sendsOf, type ScheduledSend } from './schedule';
import { queryAll, type Database } from '../store/sqlite';
import type { ChannelId, PlanDocument } from './plan-document';

/**
 * The pilot's audience as a CSV file to load into an email or SMS tool: one row per planned send
 * of the pilot's customers, in the plan's schedule (consent, stop rules, quiet hours and the cap
 * across all active plans applied), within the pilot's days.
 *
 * Control customers are in the file too, one row per send they are held back from, with
 * group "control" and no send time. Email tools import a list and send to a segment of it; with
 * the control group in the same file, tagged, the tool can leave it out of every send and later
 * compare its purchases with the treated group's (the pilot's whole point), and a row without a
 * send time cannot be scheduled by mistake. Their recommended products are kept: whether control
 * customers bought them anyway is the baseline of the acceptance rate.
 */

export interface AudienceRow {
  customerId: string;
  email: string | null;
  firstName: string | null;
  group: 'treatment' | 'control';
  /** 'A' or 'B'; everyone gets A without a test, control customers get none. */
  variant: 'A' | 'B' | null;
  channel: ChannelId;
  /** Local time 'YYYY-MM-DDTHH:MM:SS' in the shop's clock (the one its quiet hours use); null for control. */
  sendTime: string | null;
  products: string[];
}

/** The A/B split draws with a seed set apart from the control split's, so the two are independent. */
const VARIANT_SEED_OFFSET = 1_000_003;
const PROGRESS_EVERY = 2_000;

const localTime = (at: number) => new Date(Math.round(at * 1440) * 60_000).toISOString().slice(0, 19);

/** How many recommended products the channel's message shows. */
function productCount(plan: PlanDocument, channel: ChannelId): number {
  if (channel === 'email') return plan.messages.email.productCards;
  if (channel === 'web') return plan.messages.web.productCount;
  return 1;
}

/** The plan's sends, as the schedule plans them. */
function plannedSends(
  db: Database,
  plan: PlanDocument,
  otherPlans: readonly PlanDocument[],
  memo: Memo,
): { start: number; sends: ScheduledSend[] } | null {
  const asOf = planAsOf(db, plan);
  if (asOf === null || plan.moment.id === null) return null;
  const start = dayOf(asOf);
  // Under the schedule's own key, so an export after the planning screens reuses their entries.
  const entries = memo(`entries:${momentKey(plan)}`, () => audienceEntries(db, plan));
  const audience = new Set(entries.map((e) => e.customerId));
  const earlier = otherPlans.flatMap((other) => sendsOf(db, other, memo)).filter((s) => audience.has(s.customerId));
  return { start, sends: scheduleSends(entries, rulesOf(db, plan, entries, start), earlier).sends };
}

/** What each customer owned before the day: products and their categories. */
export function ownedBefore(history: PurchaseHistory, before: number): Map<string, Set<string>> {
  const owned = new Map<string, Set<string>>();
  for (const customer of history.customers) {
    const items = new Set<string>();
    for (const order of customer.orders) {
      if (order.day >= before) break;
      for (const p of order.purchases) {
        const product = history.products[p.product];
        items.add(product.id);
        if (product.category !== null) items.add(product.category);
      }
    }
    owned.set(customer.customerId, items);
  }
  return owned;
}

export interface AudienceOptions {
  memo?: Memo;
  onProgress?: (done: number, total: number) => void;
}

export function audienceRows(
  db: Database,
  plan: PlanDocument,
  otherPlans: readonly PlanDocument[],
  options: AudienceOptions = {},
): AudienceRow[] {
  const memo = options.memo ?? createMemo();
  const planned = plannedSends(db, plan, otherPlans, memo);
  if (!planned) return [];
  const { audienceShare, controlShare, seed, durationDays } = plan.pilot;
  const pilotEnd = planned.start + durationDays;
  const sends = planned.sends.filter((s) => s.at < pilotEnd);
  const groups = pilotGroups([...new Set(sends.map((s) => s.customerId))], seed, audienceShare, controlShare);
  const control = new Set(groups.control);
  const variantB = new Set(
    plan.messages.test.variable === null
      ? []
      : splitControl(groups.treatment, (seed + VARIANT_SEED_OFFSET) % 2 ** 31, 0.5).control,
  );
  const inPilot = new Set([...groups.treatment, ...groups.control]);

  const pilotSends = sends.filter((s) => inPilot.has(s.customerId));
  const ids = [...inPilot];
  const customers = new Map(
    queryAll<{ customer_id: string; email: string | null; first_name: string | null }>(
      db,
      'SELECT customer_id, email, first_name FROM customers WHERE customer_id IN (SELECT value FROM json_each(?))',
      [JSON.stringify(ids)],
    ).map((c) => [c.customer_id, c]),
  );
  const names = new Map(
    queryAll<{ product_id: string; name: string | null }>(db, 'SELECT product_id, name FROM products').map((p) => [
      p.product_id,
      p.name,
    ]),
  );
  const owned = ownedBefore(
    memo('history', () => loadPurchases(db)),
    planned.start,
  );

  const rows: AudienceRow[] = [];
  for (const send of pilotSends) {
    const customer = customers.get(send.customerId);
    const isControl = control.has(send.customerId);
    const products = [
      ...new Set(
        itemsFor(plan, owned.get(send.customerId) ?? new Set()).map(
          (item) => names.get(item.recommended.id) ?? item.recommended.label,
        ),
      ),
    ];
    rows.push({
      customerId: send.customerId,
      email: customer?.email ?? null,
      firstName: customer?.first_name ?? null,
      group: isControl ? 'control' : 'treatment',
      variant: isControl ? null : variantB.has(send.customerId) ? 'B' : 'A',
      channel: send.channel,
      sendTime: isControl ? null : localTime(send.at),
      products: products.slice(0, productCount(plan, send.channel)),
    });
    if (rows.length % PROGRESS_EVERY === 0) options.onProgress?.(rows.length, pilotSends.length);
  }
  options.onProgress?.(rows.length, pilotSends.length);
  return rows;
}
