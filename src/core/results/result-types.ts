import type { MetricId } from '../plan/plan-document';
import type { MeanDifference, ProportionDifference } from './stats';

/** What a pilot's measurement answers: each measure, treated against control, and the verdict. */

export type ResultMeasureId = MetricId | 'unsubscribes';

export interface ResultMeasure {
  id: ResultMeasureId;
  label: string;
  unit: 'share' | 'days' | 'money';
  treatment: number | null;
  control: number | null;
  comparison: ProportionDifference | MeanDifference | null;
  baseline: number | null;
  target: number | null;
  /** What the numbers count, in plain words. */
  basis: string;
}

export interface PilotResults {
  planName: string;
  /** 'YYYY-MM-DD' of the pilot's first day. */
  startDate: string;
  /** 'YYYY-MM-DD' of the latest order in the workspace. */
  dataThrough: string | null;
  daysOfData: number;
  /** Days from the start each customer is followed over: the pilot's, then as many again. */
  followUpDays: number;
  treatmentCustomers: number;
  controlCustomers: number;
  /** Customers each group needs to detect the plan's minimum effect; null when it cannot be worked out. */
  requiredPerGroup: number | null;
  measures: ResultMeasure[];
  verdict: Verdict;
}

export type Decision = 'scale' | 'keep-running' | 'do-not-scale';

export interface Criterion {
  id: 'acceptance' | 'returns' | 'customers' | 'days';
  met: boolean;
  reason: string;
}

export interface Verdict {
  decision: Decision;
  headline: string;
  criteria: Criterion[];
}
