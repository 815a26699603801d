import { createMemo, type Memo } from './memo';
import { pilotDraw } from './pilot-draw';
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
  /** What the customer bought that their recommendation starts from (several for a family set); empty for the fallback product. */
  anchorProducts: string[];
  products: string[];
}

const PROGRESS_EVERY = 2_000;

const localTime = (at: number) => new Date(Math.round(at * 1440) * 60_000).toISOString().slice(0, 19);

/** How many recommended products the channel's message shows. */
function productCount(plan: PlanDocument, channel: ChannelId): number {
  if (channel === 'email') return plan.messages.email.productCards;
  if (channel === 'web') return plan.messages.web.productCount;
  return 1;
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
  const draw = pilotDraw(db, plan, otherPlans, options.memo ?? createMemo());
  if (!draw) return [];
  const control = new Set(draw.control);
  const pilotSends = draw.sends;
  const ids = [...draw.treatment, ...draw.control];
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
  const rows: AudienceRow[] = [];
  for (const send of pilotSends) {
    const customer = customers.get(send.customerId);
    const isControl = control.has(send.customerId);
    const assignment = draw.assignments.get(send.customerId);
    const products = [
      ...new Set((assignment?.items ?? []).map((item) => names.get(item.recommended.id) ?? item.recommended.label)),
    ];
    rows.push({
      customerId: send.customerId,
      email: customer?.email ?? null,
      firstName: customer?.first_name ?? null,
      group: isControl ? 'control' : 'treatment',
      variant: isControl ? null : draw.variantB.has(send.customerId) ? 'B' : 'A',
      channel: send.channel,
      sendTime: isControl ? null : localTime(send.at),
      anchorProducts: (assignment?.anchor?.productIds ?? []).map((id) => names.get(id) ?? id),
      products: products.slice(0, productCount(plan, send.channel)),
    });
    if (rows.length % PROGRESS_EVERY === 0) options.onProgress?.(rows.length, pilotSends.length);
  }
  options.onProgress?.(rows.length, pilotSends.length);
  return rows;
}
