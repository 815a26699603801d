import { queryValue, type Database } from '../store/sqlite';

/**
 * Workspace timestamps are wall-clock times without a zone ('YYYY-MM-DDTHH:MM:SS'). The analyses
 * handle them as UTC and measure in days since 1970-01-01, the same scale SQLite's julianday()
 * gives once the epoch is taken off.
 */
export const DAY_MS = 86_400_000;

const dayNumbers = new Map<string, number>();
const TIME = /^T(\d\d):(\d\d)(?::(\d\d))?$/;

/**
 * Days since the epoch of a 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM[:SS]' text, or null when it is not
 * one. Called for every order of a large workspace, so each calendar day is parsed once and the
 * time of day read directly.
 */
export function dayOrNull(text: string): number | null {
  const date = text.slice(0, 10);
  let day = dayNumbers.get(date);
  if (day === undefined) {
    const ms = /^\d{4}-\d\d-\d\d$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : NaN;
    if (Number.isNaN(ms)) return null;
    day = ms / DAY_MS;
    dayNumbers.set(date, day);
  }
  if (text.length === 10) return day;
  const time = TIME.exec(text.slice(10, 19));
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59 || Number(time[3] ?? 0) > 59) return null;
  return day + (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86_400;
}

/** Like `dayOrNull`, for dates a caller gave: a text that is no date is an error. */
export function dayOf(text: string): number {
  const day = dayOrNull(text);
  if (day === null) throw new RangeError(`"${text}" is not a date: write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.`);
  return day;
}

/** 'YYYY-MM-DDTHH:MM:SS' of a day number, to compare with stored timestamps. */
export function stampOf(day: number): string {
  return new Date(Math.round(day * DAY_MS)).toISOString().slice(0, 19);
}

/**
 * The default "as of" instant: one second after the latest order or event, so everything in the
 * workspace has happened by then. Null in an empty workspace.
 */
export function latestActivity(db: Database): string | null {
  // Events have no index on time alone: their latest time is found type by type through
  // events(type, occurred_at), hopping from one type to the next instead of reading every row.
  const latest = queryValue(
    db,
    `WITH RECURSIVE types(type) AS (
       SELECT min(type) FROM events
       UNION ALL SELECT (SELECT min(type) FROM events WHERE type > types.type) FROM types WHERE types.type IS NOT NULL)
     SELECT max(at) FROM (
       SELECT max(ordered_at) AS at FROM orders
       UNION ALL SELECT (SELECT max(occurred_at) FROM events WHERE events.type = types.type) FROM types WHERE types.type IS NOT NULL)`,
  ) as string | null;
  return latest === null ? null : stampOf(dayOf(latest) + 1 / 86_400);
}

/** The given as-of text, or the default; null only when the workspace has no dated activity. */
export function resolveAsOf(db: Database, asOf: string | undefined): string | null {
  return asOf === undefined ? latestActivity(db) : stampOf(dayOf(asOf));
}
