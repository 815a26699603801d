import { ALL_DATA_TABLES, dataVersionOf } from '../core/analysis/data-version';
import { createMemo, type Memo } from '../core/plan/memo';
import type { Database, SqlJsStatic } from '../core/store/sqlite';
import type { WorkspaceSummary } from '../core/store/workspace-types';
import { summarizeWorkspace } from '../core/store/workspace-summary';
import type { Result } from '../core/util/result';
import type { EngineFailure, Failed, FailureKind, Outcome } from '../shared/engine-api';
import { AnalysisRunner } from './analysis-runner';

/** What a write did: its answer, and whether it changed the workspace (an unchanged save or a cached analysis does not). */
export type Written<S extends object, K extends string = FailureKind> =
  { ok: true; answer: S; changed: boolean } | Failed<K>;

export const wrote = <S extends object>(answer: S, changed = true): Written<S, never> => ({
  ok: true,
  answer,
  changed,
});

export const failed = <K extends string>(
  kind: K,
  message: string,
  extra: Omit<EngineFailure<K>, 'kind' | 'message'> = {},
): Failed<K> => ({ ok: false, failure: { kind, message, ...extra } });

/** A core answer with a message on failure, as the engine's outcome. */
export const outcomeOf = <T, K extends string>(result: Result<T, string>, kind: K): Outcome<{ value: T }, K> =>
  result.ok ? { ok: true, value: result.value } : failed(kind, result.error);

/**
 * What the engine's groups share: the open workspace, the one-at-a-time call queue, the data memo
 * and the revision the renderer autosaves by.
 */
export class EngineContext {
  private db: Database | null = null;
  private revision = 0;
  private queue: Promise<unknown> = Promise.resolve();
  // Analyses and plan views reuse what they loaded or computed while the data stays the same.
  private memo: { db: Database; version: string; memo: Memo } | null = null;
  readonly analyses = new AnalysisRunner((db) => this.dataMemo(db));

  constructor(readonly SQL: SqlJsStatic) {}

  /**
   * Calls that touch the database run one at a time, in the order they came. An import awaits
   * between chunks with its transaction open: any other call then, even an export (which reopens
   * the database), would lose it.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Runs work on the open workspace in its turn. */
  read<T>(work: (db: Database) => T | Promise<T>): Promise<T> {
    return this.exclusive(async () => work(this.current()));
  }

  /**
   * Runs a write on the open workspace in its turn; a write that changed the workspace moves the
   * revision on, so the renderer autosaves. Success carries the fresh summary.
   */
  write<S extends object, K extends string = FailureKind>(
    work: (db: Database) => Written<S, K> | Promise<Written<S, K>>,
  ): Promise<Outcome<S & { summary: WorkspaceSummary }, K>> {
    return this.read(async (db) => {
      const done = await work(db);
      if (!done.ok) return done;
      if (done.changed) this.revision++;
      return { ok: true as const, ...done.answer, summary: summarizeWorkspace(db, this.revision) };
    });
  }

  current(): Database {
    if (!this.db) throw new Error('No workspace is open.');
    return this.db;
  }

  /** The open workspace, or null when there is none. */
  openOrNull(): Database | null {
    return this.db;
  }

  summary(): WorkspaceSummary {
    return summarizeWorkspace(this.current(), this.revision);
  }

  /** Closes the open workspace, if any, and holds the next one from revision 0. */
  replace(next: Database): WorkspaceSummary {
    this.close();
    this.db = next;
    return this.summary();
  }

  close(): void {
    this.db?.close();
    this.db = null;
    this.revision = 0;
  }

  dataMemo(db: Database): Memo {
    const version = dataVersionOf(db, ALL_DATA_TABLES);
    if (this.memo?.db !== db || this.memo.version !== version) this.memo = { db, version, memo: createMemo() };
    return this.memo.memo;
  }
}

const PROGRESS_INTERVAL_MS = 100;

/** Progress crosses the thread boundary: a few updates a second are plenty, and the last one always goes. */
export function throttled<A extends unknown[]>(
  report: (done: number, total: number, ...rest: A) => void,
): (done: number, total: number, ...rest: A) => void {
  let lastReport = 0;
  return (done, total, ...rest) => {
    if (done < total && Date.now() - lastReport < PROGRESS_INTERVAL_MS) return;
    lastReport = Date.now();
    report(done, total, ...rest);
  };
}
