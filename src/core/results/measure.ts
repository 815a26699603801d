import { dayOf, dayOrNull } from '../analysis/as-of';
import { loadPurchases } from '../analysis/purchases';
import { planAsOf } from '../plan/moment-catalogue';
import { sampleSizePerGroup } from '../plan/pilot';
import { queryValue, type Database } from '../store/sqlite';
import type { PlanDocument } from '../plan/plan-document';
import { customerOutcomes, type CustomerOutcome } from './customer-outcomes';
import type { PilotSend } from './pilot-sends';
import type { PilotResults, ResultMeasure, ResultMeasureId } from './result-types';
import { meanDifference, proportionDifference } from './stats';
import { METRIC_TITLES } from '../vocabulary';
import { pilotVerdict } from './verdict';

/**
 * A pilot's results: each measure for the treated and the control group, the difference with its
 * 95 % interval, and the plan's target beside it. The groups are compared as they were sent; the
 * differences are associations over the pilot's days, which the random split makes a fair
 * comparison but not a guarantee.
 */

const mean = (values: readonly number[]) =>
  values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;

function split(outcomes: readonly CustomerOutcome[]) {
  return {
    treated: outcomes.filter((o) => o.group === 'treatment'),
    control: outcomes.filter((o) => o.group === 'control'),
  };
}

function shareMeasure(
  id: ResultMeasureId,
  label: string,
  basis: string,
  groups: ReturnType<typeof split>,
  count: (o: CustomerOutcome) => number,
  total: (o: CustomerOutcome) => number,
): Omit<ResultMeasure, 'baseline' | 'target'> {
  const sum = (list: readonly CustomerOutcome[], f: (o: CustomerOutcome) => number) =>
    list.reduce((s, o) => s + f(o), 0);
  const comparison = proportionDifference(
    sum(groups.treated, count),
    sum(groups.treated, total),
    sum(groups.control, count),
    sum(groups.control, total),
  );
  return {
    id,
    label,
    unit: 'share',
    treatment: comparison?.treatment.rate ?? null,
    control: comparison?.control.rate ?? null,
    comparison,
    basis,
  };
}

function meanMeasure(
  id: ResultMeasureId,
  label: string,
  unit: 'days' | 'money',
  basis: string,
  groups: ReturnType<typeof split>,
  values: (o: CustomerOutcome) => number[],
): Omit<ResultMeasure, 'baseline' | 'target'> {
  const treated = groups.treated.flatMap(values);
  const control = groups.control.flatMap(values);
  return {
    id,
    label,
    unit,
    treatment: mean(treated),
    control: mean(control),
    comparison: meanDifference(treated, control),
    basis,
  };
}

/** The plan's results from its recorded sends and the orders in the workspace; null when the plan has no start date. */
export function measurePilot(db: Database, plan: PlanDocument, sends: readonly PilotSend[]): PilotResults | null {
  const asOf = planAsOf(db, plan);
  if (plan.moment.startDate === null || asOf === null) return null;
  const start = dayOf(asOf);
  // The pilot's days, then as many again for the last sends to be acted on.
  const followUpDays = 2 * plan.pilot.durationDays;
  const latest = queryValue(db, 'SELECT max(ordered_at) FROM orders');
  const latestDay = typeof latest === 'string' ? dayOrNull(latest) : null;
  const daysOfData = latestDay === null ? 0 : Math.max(0, Math.floor(latestDay - start));

  const history = loadPurchases(db);
  const outcomes = customerOutcomes(db, sends, history, start, start + followUpDays);
  const groups = split(outcomes);
  const logUnsubscribes = sends.some((s) => s.unsubscribedAt !== null);
  const hasUnsubscribes =
    logUnsubscribes || Number(queryValue(db, "SELECT count(*) FROM events WHERE lower(type) = 'unsubscribe'")) > 0;
  // A send log only knows the customers it sent to: the control group's unsubscribes come from the events alone.
  const unsubscribesBasis = `Customers who unsubscribed over the follow-up, out of the group.${logUnsubscribes ? ' The send log’s unsubscribes count for treated customers only, since control customers were sent nothing.' : ''}`;

  const measures = [
    shareMeasure(
      'acceptance',
      METRIC_TITLES.acceptance,
      'Customers who bought a product recommended to them over the follow-up, out of the group.',
      groups,
      (o) => Number(o.accepted),
      () => 1,
    ),
    meanMeasure(
      'time-to-secondary',
      METRIC_TITLES['time-to-secondary'],
      'days',
      'Average days from the pilot’s first day to the first order from a category new to the customer, among those who made one.',
      groups,
      (o) => (o.daysToNewCategory === null ? [] : [o.daysToNewCategory]),
    ),
    shareMeasure(
      'category-expansion',
      METRIC_TITLES['category-expansion'],
      'Customers who bought from a category new to them over the follow-up, out of the group.',
      groups,
      (o) => Number(o.daysToNewCategory !== null),
      () => 1,
    ),
    meanMeasure(
      'cross-sell-aov',
      METRIC_TITLES['cross-sell-aov'],
      'money',
      'Average value of the follow-up’s orders that added a category new to the customer.',
      groups,
      (o) => o.crossSellOrderValues,
    ),
    shareMeasure(
      'return-rate',
      METRIC_TITLES['return-rate'],
      'Recommended products bought over the follow-up that came back, out of those bought.',
      groups,
      (o) => o.suggestedReturned,
      (o) => o.suggestedBought,
    ),
    ...(hasUnsubscribes
      ? [
          shareMeasure(
            'unsubscribes',
            'Unsubscribes',
            unsubscribesBasis,
            groups,
            (o) => Number(o.unsubscribed),
            () => 1,
          ),
        ]
      : []),
  ].map((m) => {
    const metric = plan.pilot.metrics.find((x) => x.id === m.id);
    return { ...m, baseline: metric?.baseline ?? null, target: metric?.target ?? null };
  });

  const acceptance = measures[0];
  const baseline = acceptance.baseline ?? acceptance.control;
  const effect = plan.pilot.minimumDetectableEffect;
  const requiredPerGroup =
    baseline === null || effect <= 0 || baseline + effect > 1 ? null : sampleSizePerGroup(baseline, baseline + effect);
  const partial = {
    planName: plan.name,
    startDate: plan.moment.startDate,
    dataThrough: latestDay === null ? null : new Date(Math.floor(latestDay) * 86_400_000).toISOString().slice(0, 10),
    daysOfData,
    followUpDays,
    treatmentCustomers: groups.treated.length,
    controlCustomers: groups.control.length,
    requiredPerGroup,
    measures,
  };
  return { ...partial, verdict: pilotVerdict(partial) };
}
