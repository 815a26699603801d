import { createStore } from 'zustand/vanilla';
import type { AnalysisName, ParamsOf, ResultOf } from '../../core/analysis/catalogue';
import type { CustomerOrderDetail, DrilldownPage, DrilldownRequest } from '../../core/analysis/drilldown';
import type { Progress } from '../../core/util/progress';
import type { WorkspaceSummary } from '../../core/store/workspace-types';
import { progressChannel, type EngineClient } from '../engine-client';
import { DEFAULT_PARAMS } from './insights-defaults';

/**
 * What the Insights pages show: per analysis its parameters, whether it is running (with
 * progress), and its last answer; plus the drill-down into the customers behind a row. The
 * engine computes in its worker and caches in the workspace; this store only holds the answers.
 */

export interface AnalysisSlot<N extends AnalysisName> {
  params: ParamsOf<N>;
  running: boolean;
  progress: Progress | null;
  answer: { result: ResultOf<N>; computedAt: string; fromCache: boolean; warning?: string } | null;
  /** Why the last run gave no result, in words for the user. */
  message: string | null;
}

export type Slots = { [N in AnalysisName]: AnalysisSlot<N> };

export interface Drilldown {
  title: string;
  request: DrilldownRequest;
  page: DrilldownPage | null;
  loading: boolean;
  /** The customer whose orders are open, with them once loaded. */
  customer: { id: string; orders: CustomerOrderDetail[] | null } | null;
}

export interface InsightsState {
  slots: Slots;
  drill: Drilldown | null;
}

export interface InsightsActions {
  /** Runs the analysis with new parameters (answered from the cache when they were run before). */
  run<N extends AnalysisName>(name: N, params?: ParamsOf<N>): Promise<void>;
  /** Runs the analysis unless it has an answer or is running. */
  ensure(name: AnalysisName): Promise<void>;
  openDrilldown(title: string, request: DrilldownRequest): Promise<void>;
  drillPage(offset: number): Promise<void>;
  openCustomer(customerId: string): Promise<void>;
  closeCustomer(): void;
  closeDrilldown(): void;
  /** Forgets every answer: the workspace changed or closed. */
  reset(): void;
  /** Asks again for every answer, keeping the chosen parameters: a page could not show the one it had. */
  askAgain(): void;
}

export const DRILL_PAGE_SIZE = 50;

const emptySlots = (): Slots =>
  Object.fromEntries(
    (Object.keys(DEFAULT_PARAMS) as AnalysisName[]).map((name) => [
      name,
      { params: DEFAULT_PARAMS[name], running: false, progress: null, answer: null, message: null },
    ]),
  ) as Slots;

export type InsightsStore = ReturnType<typeof createInsightsStore>;

export function createInsightsStore(engine: EngineClient, onCached: (summary: WorkspaceSummary) => void) {
  return createStore<InsightsState & InsightsActions>()((set, get) => {
    const patch = <N extends AnalysisName>(name: N, change: Partial<AnalysisSlot<N>>) =>
      set((state) => ({ slots: { ...state.slots, [name]: { ...state.slots[name], ...change } } }));
    // Only the latest request for an analysis may write its answer.
    const latest = new Map<AnalysisName, number>();
    let requests = 0;

    return {
      slots: emptySlots(),
      drill: null,

      run: async (name, params) => {
        const chosen = params ?? get().slots[name].params;
        const ticket = ++requests;
        latest.set(name, ticket);
        patch(name, { params: chosen, running: true, progress: null, message: null });
        const outcome = await engine.analyses.run(
          name,
          chosen,
          progressChannel((progress) => latest.get(name) === ticket && patch(name, { progress })),
        );
        if (latest.get(name) !== ticket) return;
        if (outcome.ok) {
          patch(name, {
            running: false,
            progress: null,
            answer: {
              result: outcome.result as ResultOf<typeof name>,
              computedAt: outcome.computedAt,
              fromCache: outcome.fromCache,
              warning: outcome.warning,
            },
          });
          if (!outcome.fromCache) onCached(outcome.summary);
        } else {
          patch(name, { running: false, progress: null, answer: null, message: outcome.failure.message });
        }
      },

      ensure: async (name) => {
        const slot = get().slots[name];
        if (!slot.answer && !slot.running && !slot.message) await get().run(name);
      },

      openDrilldown: async (title, request) => {
        set({ drill: { title, request, page: null, loading: true, customer: null } });
        await get().drillPage(0);
      },

      drillPage: async (offset) => {
        const drill = get().drill;
        if (!drill) return;
        set({ drill: { ...drill, loading: true } });
        const page = await engine.analyses.drilldown(drill.request, { offset, limit: DRILL_PAGE_SIZE });
        if (get().drill?.request === drill.request) set({ drill: { ...get().drill!, page, loading: false } });
      },

      openCustomer: async (customerId) => {
        const drill = get().drill;
        if (!drill) return;
        set({ drill: { ...drill, customer: { id: customerId, orders: null } } });
        const orders = await engine.analyses.customerOrders(customerId);
        const now = get().drill;
        if (now?.customer?.id === customerId) set({ drill: { ...now, customer: { id: customerId, orders } } });
      },

      closeCustomer: () => {
        const drill = get().drill;
        if (drill) set({ drill: { ...drill, customer: null } });
      },

      closeDrilldown: () => set({ drill: null }),

      reset: () => {
        latest.clear();
        set({ slots: emptySlots(), drill: null });
      },

      askAgain: () => {
        latest.clear();
        for (const name of Object.keys(get().slots) as AnalysisName[])
          patch(name, { answer: null, running: false, progress: null, message: null });
      },
    };
  });
}
