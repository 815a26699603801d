import { dayOf, latestActivity } from '../analysis/as-of';
import type { Database } from '../store/sqlite';

/**
 * A plan usually starts after the data ends, and nobody enters a moment in data that does not
 * exist yet. Days past the data are therefore read from the same weekday four weeks (or a multiple
 * of four weeks) earlier, the latest such day the data covers: a seasonal-naive projection of who
 * enters the moment, with real customers (and their consent) standing in for future ones.
 */

const FOUR_WEEKS = 28;

export interface Projection {
  /** Day number of the last day the data covers; null in a workspace without dated activity. */
  dataEnd: number | null;
  /** The day whose data stands in for `day`: itself while the data covers it. */
  observedDay(day: number): number;
}

export function projectionFor(db: Database): Projection {
  const latest = latestActivity(db);
  const dataEnd = latest === null ? null : Math.floor(dayOf(latest));
  return {
    dataEnd,
    // The first day after the data still looks back on real days, so it is taken as it is.
    observedDay: (day) => {
      if (dataEnd === null || day <= dataEnd + 1) return day;
      return day - FOUR_WEEKS * Math.ceil((day - dataEnd - 1) / FOUR_WEEKS);
    },
  };
}
