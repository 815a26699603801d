import { MIN_PILOT_DAYS } from '../plan/pilot';
import type { Criterion, PilotResults, ResultMeasure, Verdict } from './result-types';

/**
 * The verdict against the scale criteria every plan carries: acceptance above the control group's
 * and significant, returns of suggested items not higher, enough customers in each group, and at
 * least 14 days of data after the start. Until the pilot has the customers and the days, the
 * answer is to keep it running, whatever the numbers so far say.
 */

const pct = (n: number) => `${Math.round(n * 1000) / 10} %`;
const points = (n: number) => `${Math.round(n * 1000) / 10} points`;

export function pilotVerdict(results: Omit<PilotResults, 'verdict'>): Verdict {
  const acceptanceMeasure = results.measures.find((m) => m.id === 'acceptance');
  const returnsMeasure = results.measures.find((m) => m.id === 'return-rate');
  const acceptance = acceptanceMeasure?.comparison ?? null;
  const returns = returnsMeasure?.comparison ?? null;
  const rates = (m: ResultMeasure | undefined) => `${pct(m?.treatment ?? 0)} against ${pct(m?.control ?? 0)}`;
  const smaller = Math.min(results.treatmentCustomers, results.controlCustomers);
  const required = results.requiredPerGroup;

  const criteria: Criterion[] = [
    acceptance === null
      ? {
          id: 'acceptance',
          met: false,
          reason: 'There are no treated or no control customers to compare acceptance between.',
        }
      : acceptance.low > 0
        ? {
            id: 'acceptance',
            met: true,
            reason: `Treated customers bought a suggested product more often than the control group (${rates(acceptanceMeasure)}); the difference, ${points(acceptance.difference)}, is clearly above zero (95 % interval ${points(acceptance.low)} to ${points(acceptance.high)}).`,
          }
        : {
            id: 'acceptance',
            met: false,
            reason: `Treated customers bought a suggested product at ${rates(acceptanceMeasure)} in the control group; the 95 % interval of the difference (${points(acceptance.low)} to ${points(acceptance.high)}) does not stay above zero, so the pilot does not show a rise.`,
          },
    returns === null
      ? {
          id: 'returns',
          met: true,
          reason: 'No suggested products were bought in one of the groups, so there are no returns to compare.',
        }
      : returns.low > 0
        ? {
            id: 'returns',
            met: false,
            reason: `Suggested products came back more often from treated customers (${rates(returnsMeasure)}), a rise the interval does not explain away.`,
          }
        : {
            id: 'returns',
            met: true,
            reason: `Returns of suggested products are not higher for treated customers (${rates(returnsMeasure)}).`,
          },
    required === null
      ? {
          id: 'customers',
          met: false,
          reason: 'The plan gives no baseline and minimum effect to tell how many customers the pilot needs.',
        }
      : smaller >= required
        ? {
            id: 'customers',
            met: true,
            reason: `Each group has at least the ${required} customers the plan needs (${results.treatmentCustomers} treated, ${results.controlCustomers} in control).`,
          }
        : {
            id: 'customers',
            met: false,
            reason: `The plan needs ${required} customers in each group; there are ${results.treatmentCustomers} treated and ${results.controlCustomers} in control.`,
          },
    results.daysOfData >= MIN_PILOT_DAYS
      ? {
          id: 'days',
          met: true,
          reason: `The orders cover ${results.daysOfData} days since the start, at least the ${MIN_PILOT_DAYS} needed.`,
        }
      : {
          id: 'days',
          met: false,
          reason: `The orders cover ${results.daysOfData} days since the start; wait for at least ${MIN_PILOT_DAYS}, so one unusual week cannot decide the result.`,
        },
  ];

  const met = (id: Criterion['id']) => criteria.find((c) => c.id === id)!.met;
  if (!met('customers') || !met('days'))
    return {
      decision: 'keep-running',
      headline: 'Keep the pilot running: it does not have enough customers or days yet to decide.',
      criteria,
    };
  if (met('acceptance') && met('returns'))
    return {
      decision: 'scale',
      headline: 'Scale it: the treated group bought suggested products more often, without more returns.',
      criteria,
    };
  return {
    decision: 'do-not-scale',
    headline: 'Do not scale it yet: the pilot does not meet every scale criterion (see below).',
    criteria,
  };
}
