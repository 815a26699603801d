import type { PlanDocument } from './plan-document';

/**
 * Remembers results of expensive steps while the data stays the same, keyed by what they depend
 * on. The engine keeps one per data version, so that editing a plan's message does not recount
 * every moment's audience.
 */
export type Memo = <T>(key: string, compute: () => T) => T;

export const noMemo: Memo = (_key, compute) => compute();

/**
 * Keeps at most `maxEntries` results, forgetting the one used least recently: results every view
 * reads (the purchase history, the proposals) stay while each edit of a plan adds keys of its own.
 */
export function createMemo(maxEntries = 500): Memo {
  const entries = new Map<string, unknown>();
  return <T>(key: string, compute: () => T): T => {
    if (entries.has(key)) {
      const value = entries.get(key) as T;
      entries.delete(key);
      entries.set(key, value);
      return value;
    }
    const value = compute();
    entries.set(key, value);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return value;
  };
}

/** What a plan's audience depends on: its moment, that moment's settings and the start date. */
export const momentKey = (plan: PlanDocument) =>
  JSON.stringify([plan.moment.id, plan.moment.startDate, plan.moment.settings]);
