import { dayOf, stampOf } from '../analysis/as-of';
import { momentCustomers } from '../analysis/moments';
import type { Database } from '../store/sqlite';
import type { PlanDocument } from './plan-document';
import { momentSettings, planAsOf, TIMELINE_DAYS } from './moment-catalogue';
import { projectionFor } from './projection';

/**
 * Who enters a plan's moment on each of the 30 days from its start. The audience is looked at once
 * a day, at the start time; a customer enters on the first daily look that finds them in the moment
 * (everyone in it on the first day enters then). Past the end of the data, the entries of a stand-in
 * day come instead (see projection.ts).
 */

export interface AudienceEntry {
  customerId: string;
  /** Day number (days since 1970-01-01) the customer entered the moment. */
  at: number;
  /** The instant whose data put them there: `at` itself, or the stand-in day's look past the end of the data. */
  observedAt: number;
}

export function audienceEntries(db: Database, plan: PlanDocument, days = TIMELINE_DAYS): AudienceEntry[] {
  const moment = plan.moment.id;
  const asOf = planAsOf(db, plan);
  if (moment === null || asOf === null) return [];
  const start = dayOf(asOf);
  const params = momentSettings(plan);
  const members = new Map<number, Set<string>>();
  const inMoment = (day: number) => {
    let set = members.get(day);
    if (!set)
      members.set(
        day,
        (set = new Set(
          momentCustomers(db, moment, { ...params, asOf: stampOf(day) }, { limit: Number.MAX_SAFE_INTEGER }).items,
        )),
      );
    return set;
  };
  const enteringOn = (day: number, previous: Set<string>) => [...inMoment(day)].filter((id) => !previous.has(id));
  const { observedDay } = projectionFor(db);
  const entries: AudienceEntry[] = [];
  for (let i = 0; i < days; i++) {
    const at = start + i;
    const source = observedDay(at);
    // Past the data nobody enters: the entries of the stand-in day come instead.
    const entering =
      source === at ? enteringOn(at, i === 0 ? new Set() : inMoment(at - 1)) : enteringOn(source, inMoment(source - 1));
    const observedAt = source === at ? at : source;
    for (const customerId of entering) entries.push({ customerId, at, observedAt });
  }
  return entries;
}
