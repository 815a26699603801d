import { createStore } from 'zustand/vanilla';
import type { ChecklistReport } from '../../core/plan/checklist-report';
import type { PlanView } from '../../core/plan/plan-view';
import type { PlanDocument, PlanRecord } from '../../core/plan/plan-document';
import type { ManualRecommendation, ProductMatch } from '../../core/plan/product-search';
import { fail, ok, type Result } from '../../core/util/result';
import type { WorkspaceSummary } from '../../core/store/workspace-types';
import type { EngineClient } from '../engine-client';
import { record, redo, startHistory, undo, type History } from './plan-history';

/**
 * The plan being edited. Every edit goes into an undo history (across all steps) and is saved to the
 * workspace shortly after, as a new revision; what the steps show is worked out again in the engine.
 */

export const PLAN_STEPS = ['strategy', 'moment', 'recommendations', 'messages', 'channels', 'pilot', 'check'] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];

export interface OpenPlan {
  planId: string;
  /** The revision the workspace holds; a save must name it, so two writers cannot overwrite each other. */
  revision: number;
  history: History<PlanDocument>;
  step: PlanStep;
  saving: boolean;
  /** The document differs from the last one saved. */
  dirty: boolean;
  /** What the steps show for the current document; recomputed in the engine after edits. */
  view: PlanView | null;
  /** The pitfall checklist for the current document, with its acknowledgements. */
  checklist: ChecklistReport | null;
  viewPending: boolean;
}

export interface PlanEditorState {
  open: OpenPlan | null;
}

export interface PlanEditorActions {
  openPlan(planId: string): Promise<void>;
  /** Saves pending edits and puts the plan away. */
  close(): Promise<void>;
  /** Changes the open plan; `field` names what changed, so typing in one field undoes as one step. */
  edit(field: string, change: (document: PlanDocument) => PlanDocument): void;
  undo(): void;
  redo(): void;
  goTo(step: PlanStep): void;
  /** The plan was renamed in the workspace: the open copy follows without an undo step. */
  renamed(plan: PlanRecord): void;
  /** Accepts a failing check with a written reason; it then no longer blocks export. */
  acknowledge(checkId: string, reason: string, by: string): Promise<boolean>;
  withdraw(checkId: string): Promise<void>;
  /** Works out the view and checklist of the open plan again (the data or its acknowledgements changed). */
  refreshView(): Promise<void>;
  /** Saves the open plan now if it has unsaved edits. */
  flush(): Promise<void>;
  /** The workspace's products matching what was typed, for picking one by hand. */
  searchProducts(query: string): Promise<ProductMatch[]>;
  /** The two sides of a recommendation added by hand, named from the workspace; a message when a product does not exist. */
  resolveManual(anchorId: string | null, recommendedId: string): Promise<Result<ManualRecommendation>>;
  reset(): void;
}

export type PlanEditorStore = ReturnType<typeof createPlanEditorStore>;

const SAVE_AFTER_MS = 600;
const VIEW_AFTER_MS = 250;

export interface PlanEditorHooks {
  /** A write reached the workspace: it needs saving. */
  onChanged: (summary: WorkspaceSummary) => void;
  /** An edit was made that is not written yet. */
  onEdited: () => void;
  /** Something went wrong that the Plans area should say. */
  onProblem: (message: string) => void;
}

export function createPlanEditorStore(engine: EngineClient, { onChanged, onEdited, onProblem }: PlanEditorHooks) {
  return createStore<PlanEditorState & PlanEditorActions>()((set, get) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let saving: Promise<void> = Promise.resolve();
    let viewTimer: ReturnType<typeof setTimeout> | null = null;

    // Only the answer for the document still open is kept.
    const refreshView = async () => {
      const open = get().open;
      if (!open) return;
      const document = open.history.present;
      const view = await engine.plans.view(open.planId, document);
      const checklist = await engine.plans.checklist(open.planId, document);
      const now = get().open;
      if (now?.planId === open.planId && now.history.present === document)
        set({ open: { ...now, view, checklist, viewPending: false } });
    };

    const scheduleView = () => {
      const open = get().open;
      if (open && !open.viewPending) set({ open: { ...open, viewPending: true } });
      if (viewTimer) clearTimeout(viewTimer);
      viewTimer = setTimeout(() => {
        viewTimer = null;
        void refreshView();
      }, VIEW_AFTER_MS);
    };

    const save = async () => {
      const open = get().open;
      if (!open || !open.dirty) return;
      const document = open.history.present;
      set({ open: { ...open, saving: true } });
      const outcome = await engine.plans.save(open.planId, document, open.revision);
      const now = get().open;
      if (!now || now.planId !== open.planId) return;
      if (!outcome.ok) {
        set({ open: { ...now, saving: false } });
        onProblem(`The plan could not be saved: ${outcome.failure.message}`);
        return;
      }
      onChanged(outcome.summary);
      set({
        open: { ...now, saving: false, revision: outcome.plan.revision, dirty: now.history.present !== document },
      });
      if (get().open?.dirty) schedule();
    };

    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        saving = saving.then(save);
      }, SAVE_AFTER_MS);
    };

    const flush = async () => {
      if (timer) {
        clearTimeout(timer);
        timer = null;
        saving = saving.then(save);
      }
      await saving;
    };

    const changeHistory = (change: (h: History<PlanDocument>) => History<PlanDocument>) => {
      const open = get().open;
      if (!open) return;
      const history = change(open.history);
      if (history === open.history) return;
      set({ open: { ...open, history, dirty: true } });
      onEdited();
      schedule();
      scheduleView();
    };

    return {
      open: null,

      openPlan: async (planId) => {
        await flush();
        const found = await engine.plans.get(planId);
        if (!found.ok) {
          onProblem(found.failure.message);
          return;
        }
        set({
          open: {
            planId,
            revision: found.value.revision,
            history: startHistory(found.value.document),
            step: 'strategy',
            saving: false,
            dirty: false,
            view: null,
            checklist: null,
            viewPending: true,
          },
        });
        await refreshView();
      },

      close: async () => {
        await flush();
        set({ open: null });
      },

      edit: (field, change) => changeHistory((history) => record(history, change(history.present), field, Date.now())),
      undo: () => changeHistory(undo),
      redo: () => changeHistory(redo),

      goTo: (step) => {
        const open = get().open;
        if (open) set({ open: { ...open, step } });
      },

      renamed: (plan) => {
        const open = get().open;
        if (open?.planId !== plan.planId) return;
        // The name lives in the document too.
        const rename = (doc: PlanDocument) => ({ ...doc, name: plan.document.name });
        set({
          open: {
            ...open,
            revision: plan.revision,
            history: {
              ...open.history,
              present: rename(open.history.present),
              past: open.history.past.map(rename),
              future: open.history.future.map(rename),
            },
          },
        });
      },

      acknowledge: async (checkId, reason, by) => {
        const open = get().open;
        if (!open) return false;
        const outcome = await engine.plans.acknowledge(open.planId, checkId, reason, by);
        if (!outcome.ok) {
          onProblem(outcome.failure.message);
          return false;
        }
        onChanged(outcome.summary);
        await refreshView();
        return true;
      },

      withdraw: async (checkId) => {
        const open = get().open;
        if (!open) return;
        const outcome = await engine.plans.withdrawAcknowledgement(open.planId, checkId);
        if (!outcome.ok) onProblem(outcome.failure.message);
        else {
          onChanged(outcome.summary);
          await refreshView();
        }
      },

      refreshView,
      flush,

      searchProducts: (query) => engine.plans.searchProducts(query),
      resolveManual: async (anchorId, recommendedId) => {
        const outcome = await engine.plans.manualRecommendation(anchorId, recommendedId);
        return outcome.ok ? ok(outcome.value) : fail(outcome.failure.message);
      },

      reset: () => {
        if (timer) clearTimeout(timer);
        if (viewTimer) clearTimeout(viewTimer);
        timer = null;
        viewTimer = null;
        set({ open: null });
      },
    };
  });
}
