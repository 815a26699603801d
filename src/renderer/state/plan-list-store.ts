import { createStore } from 'zustand/vanilla';
import { parsePlanJson } from '../../core/plan/plan-documents';
import type { DeletedPlan, PlanSummary } from '../../core/plan/plan-store';
import { blankPlan, type PlanRecord } from '../../core/plan/plan-document';
import type { PlanWriteOutcome } from '../../shared/engine-api';
import type { Host } from '../../shared/host';
import type { WorkspaceSummary } from '../../core/store/workspace-types';
import type { EngineClient } from '../engine-client';
import type { PlanEditorStore } from './plan-editor-store';

/**
 * The plans of the open workspace and what is done to them as a whole, with the Plans area's notice:
 * a problem to report, or the last deleted plan with its undo. A new plan opens in the editor, and
 * a plan open in the editor is saved before it is renamed or deleted.
 */

export interface PlanListState {
  plans: PlanSummary[] | null;
  /** The last deleted plan, until its undo is used or dismissed. */
  deleted: { name: string; data: DeletedPlan } | null;
  message: string | null;
  /** What was changed in the last plan made from a file to fit this workspace, until dismissed. */
  imported: { name: string; notes: string[] } | null;
}

export interface PlanListActions {
  load(): Promise<void>;
  create(name: string): Promise<void>;
  /** A new plan from a plan document file (an exported plan used as a template), fitted to this workspace. */
  createFromFile(): Promise<void>;
  /** Puts the open plan away and shows the list again. */
  closePlan(): Promise<void>;
  rename(planId: string, name: string): Promise<void>;
  duplicate(planId: string): Promise<void>;
  archive(planId: string, archived: boolean): Promise<void>;
  remove(planId: string): Promise<void>;
  undoDelete(): Promise<void>;
  showMessage(message: string): void;
  dismissMessage(): void;
  dismissImported(): void;
  reset(): void;
}

export type PlanListStore = ReturnType<typeof createPlanListStore>;

export function createPlanListStore(
  engine: EngineClient,
  host: Host,
  editor: PlanEditorStore,
  onChanged: (summary: WorkspaceSummary) => void,
) {
  return createStore<PlanListState & PlanListActions>()((set, get) => {
    const written = async (outcome: PlanWriteOutcome): Promise<PlanRecord | null> => {
      if (!outcome.ok) {
        set({ message: outcome.failure.message });
        return null;
      }
      onChanged(outcome.summary);
      await get().load();
      return outcome.plan;
    };

    return {
      plans: null,
      deleted: null,
      message: null,
      imported: null,

      load: async () => set({ plans: await engine.plans.list() }),

      create: async (name) => {
        const plan = await written(await engine.plans.create(blankPlan(name.trim())));
        if (plan) await editor.getState().openPlan(plan.planId);
      },

      createFromFile: async () => {
        const picked = await host.pickPlanFile();
        if (!picked.ok) return set({ message: `The file could not be opened: ${picked.error}` });
        if (!picked.value) return;
        const parsed = parsePlanJson(await picked.value.text());
        if (!parsed.ok) return set({ message: `${picked.value.name} is not a plan we can use: ${parsed.error}` });
        const outcome = await engine.plans.applyDocument(parsed.value);
        const plan = await written(outcome);
        if (!plan || !outcome.ok) return;
        set({ imported: { name: plan.document.name, notes: outcome.notes } });
        await editor.getState().openPlan(plan.planId);
      },

      closePlan: async () => {
        await editor.getState().close();
        await get().load();
      },

      rename: async (planId, name) => {
        await editor.getState().flush();
        const plan = await written(await engine.plans.rename(planId, name.trim()));
        if (plan) editor.getState().renamed(plan);
      },

      duplicate: async (planId) => {
        await written(await engine.plans.duplicate(planId));
      },

      archive: async (planId, archived) => {
        await written(await engine.plans.archive(planId, archived));
      },

      remove: async (planId) => {
        if (editor.getState().open?.planId === planId) await editor.getState().close();
        const name = get().plans?.find((p) => p.planId === planId)?.name ?? 'The plan';
        const outcome = await engine.plans.delete(planId);
        if (!outcome.ok) {
          set({ message: outcome.failure.message });
          return;
        }
        onChanged(outcome.summary);
        set({ deleted: { name, data: outcome.deleted } });
        await get().load();
      },

      undoDelete: async () => {
        const deleted = get().deleted;
        if (!deleted) return;
        set({ deleted: null });
        await written(await engine.plans.restore(deleted.data));
      },

      showMessage: (message) => set({ message }),
      dismissMessage: () => set({ message: null, deleted: null }),
      dismissImported: () => set({ imported: null }),
      reset: () => set({ plans: null, deleted: null, message: null, imported: null }),
    };
  });
}
