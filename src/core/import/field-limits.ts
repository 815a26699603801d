import { cutText } from '../util/clip-text';
import type { ValueType } from './kinds';
import type { WarningTally } from './warnings';

/**
 * The longest value the workspace keeps, by kind of value. Longer ones are shortened at import
 * (never rejected: the row still counts) and counted in the report as `shortened_values`, so a
 * 100,000-character name cannot swell the workspace, the screens or the exports. The limits are far
 * above any real value: product codes and order numbers run to a few dozen characters, names
 * to a couple of hundred, email addresses to 254 by their standard.
 */
export const VALUE_LIMITS = {
  id: 200,
  text: 500,
  email: 320,
  /** Each column no field reads, kept as written beside the row. */
  extra: 2_000,
} as const satisfies Partial<Record<ValueType | 'extra', number>>;

/** The value cut to its limit, and whether it was cut. */
export function withinLimit(value: string, limit: number): { value: string; shortened: boolean } {
  return value.length <= limit ? { value, shortened: false } : { value: cutText(value, limit), shortened: true };
}

/** The value within its limit; a longer one is cut and counted. */
export function keptPart(value: string, limit: number, row: number, warnings: WarningTally): string {
  const kept = withinLimit(value, limit);
  if (kept.shortened) warnings.add('shortened_values', row);
  return kept.value;
}
