import { WeightedTable, type Random } from '../util/random';

/**
 * The demo's fixed 18 months. Every demo ends on the same date whatever day it is generated,
 * so a seed always gives the same data. Times are plain wall-clock times without a zone,
 * handled as UTC milliseconds.
 */
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

export const DEMO_START = Date.UTC(2025, 4, 1);
/** The first instant after the demo's history: nothing happens at or after it. */
export const DEMO_END = Date.UTC(2026, 10, 1);
const DEMO_DAYS = Math.round((DEMO_END - DEMO_START) / DAY);
/** Customers who joined before the history starts signed up at most this long before it. */
export const EARLIEST_SIGNUP = Date.UTC(2022, 0, 1);

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const dayLabels = new Map<number, string>();

/** 'YYYY-MM-DDTHH:MM:SS', the form every timestamp in a workspace takes. Hundreds of thousands are made per demo, hence the cache. */
export function timestamp(ms: number): string {
  const day = Math.floor(ms / DAY);
  let label = dayLabels.get(day);
  if (label === undefined) {
    label = new Date(day * DAY).toISOString().slice(0, 11);
    dayLabels.set(day, label);
  }
  const seconds = Math.floor((ms - day * DAY) / 1000);
  return `${label}${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
}

export function dateOnly(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dayStart(ms: number): number {
  return ms - (((ms % DAY) + DAY) % DAY);
}

/** What a shop's seasonality is judged on for one day. */
export interface CalendarDay {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const calendarDays = new Map<number, CalendarDay>();

/** The calendar day an instant falls on; shared, read-only objects, since simulations ask millions of times. */
export function calendarDay(ms: number): CalendarDay {
  const dayNumber = Math.floor(ms / DAY);
  let day = calendarDays.get(dayNumber);
  if (!day) {
    const d = new Date(dayNumber * DAY);
    day = Object.freeze({
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      weekday: d.getUTCDay(),
    });
    calendarDays.set(dayNumber, day);
  }
  return day;
}

/**
 * Maps "shopping activity" to calendar days. A customer's orders are spread evenly over their
 * share of activity; where the shop is busier (holidays, a running spring), the same share of
 * activity covers fewer days, so orders crowd into the busy weeks.
 */
export class SeasonalClock {
  private readonly cumulative: Float64Array;

  constructor(dayWeight: (day: CalendarDay) => number) {
    this.cumulative = new Float64Array(DEMO_DAYS + 1);
    for (let i = 0; i < DEMO_DAYS; i++) {
      this.cumulative[i + 1] = this.cumulative[i] + dayWeight(calendarDay(DEMO_START + i * DAY));
    }
    const total = this.cumulative[DEMO_DAYS];
    for (let i = 0; i <= DEMO_DAYS; i++) this.cumulative[i] /= total;
  }

  /** The share of all activity that has passed by `ms` (0 before the history, 1 after it). */
  activityAt(ms: number): number {
    if (ms <= DEMO_START) return 0;
    if (ms >= DEMO_END) return 1;
    const exact = (ms - DEMO_START) / DAY;
    const day = Math.floor(exact);
    const within = exact - day;
    return this.cumulative[day] + within * (this.cumulative[day + 1] - this.cumulative[day]);
  }

  /** The instant by which `activity` (0–1) has passed. */
  timeAt(activity: number): number {
    if (activity <= 0) return DEMO_START;
    if (activity >= 1) return DEMO_END - 1;
    let lo = 0;
    let hi = DEMO_DAYS;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] <= activity) lo = mid;
      else hi = mid;
    }
    const span = this.cumulative[lo + 1] - this.cumulative[lo];
    const within = span > 0 ? (activity - this.cumulative[lo]) / span : 0;
    return DEMO_START + (lo + within) * DAY;
  }
}

const ONLINE_HOURS = new WeightedTable<number>(
  [1, 1, 0.5, 0.3, 0.3, 0.5, 1.5, 3, 4, 4.5, 5, 5.5, 6.5, 6, 5, 5, 5, 5.5, 6.5, 8, 9, 8.5, 6, 3].map(
    (weight, hour) => [hour, weight] as const,
  ),
);
const STORE_HOURS = new WeightedTable<number>(
  [2, 4, 5, 6, 6, 6, 6, 7, 7, 5, 2].map((weight, i) => [9 + i, weight] as const),
);

/** A believable time on the day of `ms`: shops open 9–20, websites and apps peak in the evening. */
export function timeOfDay(rng: Random, ms: number, inStore: boolean): number {
  const hour = (inStore ? STORE_HOURS : ONLINE_HOURS).draw(rng);
  return dayStart(ms) + hour * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000;
}
