import { cacheKey, dropStaleEntries, readCached, writeCached } from '../core/analysis/analysis-cache';
import {
  ANALYSES,
  tablesOfCacheKey,
  type AnalysisAnswer,
  type AnalysisFailure,
  type AnalysisName,
  type ParamsOf,
  type ResultOf,
} from '../core/analysis/catalogue';
import { loadBaskets } from '../core/analysis/combinations/baskets';
import { bumpDataVersions, TABLES_WRITTEN_BY_KIND } from '../core/analysis/data-version';
import { drilldown, type DrilldownPage, type DrilldownRequest, type PageWindow } from '../core/analysis/drilldown';
import { loadPurchases, type PurchaseHistory } from '../core/analysis/purchases';
import type { Memo } from '../core/plan/memo';
import type { Database } from '../core/store/sqlite';
import { AnalysisUnavailable } from '../core/analysis/unavailable';
import type { ProgressListener } from '../core/util/progress';
import { fail, ok, type Result } from '../core/util/result';
import { ANALYSIS_RESULT_SCHEMAS } from '../core/analysis/result-schemas';
import type { z } from 'zod';

const UNREADABLE_CACHE =
  'The result stored in this workspace was not in the shape this app writes, so it was set aside and worked out again.';

/**
 * Runs analyses for the engine: answers from the workspace's cache while the data it read is
 * unchanged, otherwise computes (sharing one loaded purchase history between analyses) and
 * caches the result in the workspace.
 */

export class AnalysisRunner {
  /** `memoFor(db)` remembers results for as long as the workspace's data stays the same. */
  constructor(private readonly memoFor: (db: Database) => Memo) {}

  run<N extends AnalysisName>(
    db: Database,
    name: N,
    params: ParamsOf<N>,
    onProgress?: ProgressListener,
  ): Result<AnalysisAnswer<N>, AnalysisFailure> {
    const definition = ANALYSES[name];
    const key = cacheKey(name, params);
    const schema = ANALYSIS_RESULT_SCHEMAS[name] as z.ZodType<ResultOf<N>>;
    const cached = readCached(db, key, definition.reads, schema);
    if (cached.kind === 'hit') return ok({ ...cached.entry, fromCache: true });
    try {
      const result = definition.run(db, params, {
        history: () => this.history(db),
        baskets: (options) => this.memoFor(db)(`baskets:${JSON.stringify(options)}`, () => loadBaskets(db, options)),
        hooks: { onProgress: (done, total) => onProgress?.({ label: 'Analysing', done, total }) },
      });
      const written = writeCached(db, key, definition.reads, result, schema, new Date());
      return ok({
        ...written,
        fromCache: false,
        ...(cached.kind === 'unreadable' ? { warning: UNREADABLE_CACHE } : {}),
      });
    } catch (error) {
      if (error instanceof AnalysisUnavailable) return fail({ message: error.message });
      throw error;
    }
  }

  drilldown(db: Database, request: DrilldownRequest, window: PageWindow): DrilldownPage {
    return drilldown(db, request, window, () => this.history(db));
  }

  /** After an import of `kind` or its undo: results that read the tables it wrote are out of date. */
  dataChanged(db: Database, kind: string): void {
    bumpDataVersions(db, TABLES_WRITTEN_BY_KIND[kind] ?? []);
    dropStaleEntries(db, tablesOfCacheKey);
  }

  private history(db: Database): PurchaseHistory {
    return this.memoFor(db)('history', () => loadPurchases(db));
  }
}
