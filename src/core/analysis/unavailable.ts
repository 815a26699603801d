import type { Database } from '../store/sqlite';
import type { PurchaseHistory } from './purchases';
import { orderTimeline } from './undated-orders';

/** An analysis the workspace's data cannot support; its message says what is missing. */
export class AnalysisUnavailable extends Error {}

const IMPORT_DATES = 'Import the orders with their order date to see it.';

/**
 * Stops an analysis that needs dates when the workspace's orders have none, only their place in
 * each customer's sequence. `cannot` finishes "These orders have no dates, so …".
 */
export function requireDates(history: PurchaseHistory, cannot: string): void {
  if (history.customers.length === 0 && history.undated.customers.length > 0)
    throw new AnalysisUnavailable(`These orders have no dates, so ${cannot}. ${IMPORT_DATES}`);
}

/** Like `requireDates`, for an analysis that can do with the days between orders. */
export function requireDays(history: PurchaseHistory, cannot: string): void {
  if (history.customers.length === 0 && history.undated.customers.length > 0 && !history.undated.inDays)
    throw new AnalysisUnavailable(
      `These orders have no dates and no days since the previous order, so ${cannot}. ${IMPORT_DATES}`,
    );
}

/** Like `requireDates`, for an analysis that reads the orders table itself. */
export function requireDatedOrders(db: Database, cannot: string): void {
  const { dated, sequenced } = orderTimeline(db);
  if (dated === 0 && sequenced > 0)
    throw new AnalysisUnavailable(`These orders have no dates, so ${cannot}. ${IMPORT_DATES}`);
}
