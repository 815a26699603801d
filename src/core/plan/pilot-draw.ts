import { dayOf } from '../analysis/as-of';
import type { Database } from '../store/sqlite';
import type { Memo } from './memo';
import { planAsOf } from './moment-catalogue';
import { pilotGroups, splitControl } from './pilot';
import type { PlanDocument } from './plan-document';
import { planRecipients } from './plan-recipients';
import type { Assignment } from './recipients';
import { rulesOf, scheduleSends, sendsOf, type ScheduledSend } from './schedule';

/**
 * The pilot's draw: of the customers the plan reaches within the pilot's days (its schedule, with
 * the cap across the other active plans), those the seed puts in the pilot, split into treatment
 * and control, and the treated split again for the A/B test. The pilot step counts it and the
 * audience file lists it, so both give the same numbers.
 */

export interface PilotDraw {
  /** Day number of the plan's start. */
  start: number;
  /** Customers with at least one send within the pilot's days. */
  reachable: number;
  treatment: string[];
  control: string[];
  /** Treated customers who get variant B; empty without a test. */
  variantB: ReadonlySet<string>;
  /** The pilot customers' sends within its days, in time order. */
  sends: ScheduledSend[];
  assignments: ReadonlyMap<string, Assignment>;
}

/** The A/B split draws with a seed set apart from the control split's, so the two are independent. */
const VARIANT_SEED_OFFSET = 1_000_003;

export function pilotDraw(
  db: Database,
  plan: PlanDocument,
  otherPlans: readonly PlanDocument[],
  memo: Memo,
): PilotDraw | null {
  const asOf = planAsOf(db, plan);
  if (asOf === null || plan.moment.id === null) return null;
  const start = dayOf(asOf);
  // Through the same memo as the planning screens, so an export after them reuses their recipients.
  const { entries, assignments } = planRecipients(db, plan, memo);
  const audience = new Set(entries.map((e) => e.customerId));
  const earlier = otherPlans.flatMap((other) => sendsOf(db, other, memo)).filter((s) => audience.has(s.customerId));
  const { audienceShare, controlShare, seed, durationDays } = plan.pilot;
  const sends = scheduleSends(entries, rulesOf(db, plan, entries, start), earlier).sends.filter(
    (s) => s.at < start + durationDays,
  );
  const reachable = [...new Set(sends.map((s) => s.customerId))];
  const { treatment, control } = pilotGroups(reachable, seed, audienceShare, controlShare);
  const variantB = new Set(
    plan.messages.test.variable === null
      ? []
      : splitControl(treatment, (seed + VARIANT_SEED_OFFSET) % 2 ** 31, 0.5).control,
  );
  const inPilot = new Set([...treatment, ...control]);
  return {
    start,
    reachable: reachable.length,
    treatment,
    control,
    variantB,
    sends: sends.filter((s) => inPilot.has(s.customerId)),
    assignments,
  };
}
