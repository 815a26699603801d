import { createStore } from 'zustand/vanilla';
import { parsePlanJson } from '../../core/plan/plan-documents';
import type { DeletedPlan, PlanSummary } from '../../core/plan/plan-store';
import type { ChecklistReport } from '../../core/plan/checklist-report';
import type { PlanView } from '../../core/plan/plan-view';
import type { Branding } from '../../core/export/branding';
import type { ExportFormat } from '../../core/export/export-plan';
import type { PilotResults } from '../../core/results/result-types';
import { recordedSentence } from '../../core/results/sends-file';
import type { Outcome, PlanWriteOutcome } from '../../shared/engine-api';
import type { Progress } from '../../core/util/progress';
import type { Host } from '../../shared/host';
import { blankPlan, type PlanDocument, type PlanRecord } from '../../core/plan/plan-document';
import type { WorkspaceSummary } from '../../core/store/workspace-types';
import { progressChannel, type EngineClient } from '../engine-client';
import { record, redo, startHistory, undo, type History } from './plan-history';

/**
 * The plans of the open workspace and the one being edited. Every edit goes into an undo history
 * (across all steps) and is saved to the workspace shortly after, as a new revision.
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

export interface PlansState {
  plans: PlanSummary[] | null;
  open: OpenPlan | null;
  /** The last deleted plan, until its undo is used or dismissed. */
  deleted: { name: string; data: DeletedPlan } | null;
  message: string | null;
  /** An export on its way, with progress when it is a large file. */
  exporting: { label: string; progress: Progress | null } | null;
  /** Where the last export went, or why it failed. */
  exported: string | null;
}

/** The exports a user can ask for: the engine's formats plus the PDF the Host prints from the HTML report. */
export type PlanExportKind = ExportFormat | 'pdf';

export interface PlansActions {
  load(): Promise<void>;
  create(name: string): Promise<void>;
  /** A new plan from a plan document file (an exported plan used as a template). */
  createFromFile(): Promise<void>;
  openPlan(planId: string): Promise<void>;
  closePlan(): Promise<void>;
  /** Changes the open plan; `field` names what changed, so typing in one field undoes as one step. */
  edit(field: string, change: (document: PlanDocument) => PlanDocument): void;
  undo(): void;
  redo(): void;
  goTo(step: PlanStep): void;
  rename(planId: string, name: string): Promise<void>;
  duplicate(planId: string): Promise<void>;
  archive(planId: string, archived: boolean): Promise<void>;
  remove(planId: string): Promise<void>;
  undoDelete(): Promise<void>;
  /** Accepts a failing check with a written reason; it then no longer blocks export. */
  acknowledge(checkId: string, reason: string, by: string): Promise<boolean>;
  withdraw(checkId: string): Promise<void>;
  dismissMessage(): void;
  exportPlan(kind: PlanExportKind, label: string): Promise<void>;
  loadBranding(): Promise<Branding>;
  saveBranding(branding: Branding): Promise<string | null>;
  /** Asks for the pilot's audience file or the email tool's send log and records its sends for the open plan; what happened, in words, or null when cancelled. */
  recordPilotSends(): Promise<string | null>;
  /** The open plan's pilot results; its view and checklist are worked out again too, as an import (the orders since the start) changes what they see. */
  pilotResults(): Promise<Outcome<{ value: PilotResults }>>;
  /** Saves the open plan now if it has unsaved edits. */
  flush(): Promise<void>;
  /** The data changed (an import or its undo): the open plan's view and checklist are worked out again. */
  dataChanged(): Promise<void>;
  reset(): void;
}

export type PlansStore = ReturnType<typeof createPlansStore>;

const SAVE_AFTER_MS = 600;
const VIEW_AFTER_MS = 250;

export interface PlansStoreHooks {
  /** A write reached the workspace: it needs saving. */
  onChanged: (summary: WorkspaceSummary) => void;
  /** An edit was made that is not written yet. */
  onEdited: () => void;
}

export function createPlansStore(engine: EngineClient, host: Host, { onChanged, onEdited }: PlansStoreHooks) {
  return createStore<PlansState & PlansActions>()((set, get) => {
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

    const written = async (outcome: PlanWriteOutcome): Promise<PlanRecord | null> => {
      if (!outcome.ok) {
        set({ message: outcome.failure.message });
        return null;
      }
      onChanged(outcome.summary);
      await get().load();
      return outcome.plan;
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
        set({ open: { ...now, saving: false }, message: `The plan could not be saved: ${outcome.failure.message}` });
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

    const moveHistory = (move: (h: History<PlanDocument>) => History<PlanDocument>) => {
      const open = get().open;
      if (!open) return;
      const history = move(open.history);
      if (history === open.history) return;
      set({ open: { ...open, history, dirty: true } });
      onEdited();
      schedule();
      scheduleView();
    };

    return {
      plans: null,
      open: null,
      deleted: null,
      message: null,
      exporting: null,
      exported: null,

      load: async () => set({ plans: await engine.plans.list() }),

      create: async (name) => {
        const plan = await written(await engine.plans.create(blankPlan(name.trim())));
        if (plan) await get().openPlan(plan.planId);
      },

      createFromFile: async () => {
        const picked = await host.pickPlanFile();
        if (!picked.ok) return set({ message: `The file could not be opened: ${picked.error}` });
        if (!picked.value) return;
        const parsed = parsePlanJson(await picked.value.text());
        if (!parsed.ok) return set({ message: `${picked.value.name} is not a plan we can use: ${parsed.error}` });
        const plan = await written(await engine.plans.create(parsed.value));
        if (plan) await get().openPlan(plan.planId);
      },

      openPlan: async (planId) => {
        await flush();
        const found = await engine.plans.get(planId);
        if (!found.ok) {
          set({ message: found.failure.message });
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

      closePlan: async () => {
        await flush();
        set({ open: null });
        await get().load();
      },

      edit: (field, change) => {
        const open = get().open;
        if (!open) return;
        const history = record(open.history, change(open.history.present), field, Date.now());
        if (history === open.history) return;
        set({ open: { ...open, history, dirty: true } });
        onEdited();
        schedule();
        scheduleView();
      },

      undo: () => moveHistory(undo),
      redo: () => moveHistory(redo),
      goTo: (step) => {
        const open = get().open;
        if (open) set({ open: { ...open, step } });
      },

      rename: async (planId, name) => {
        await flush();
        const plan = await written(await engine.plans.rename(planId, name.trim()));
        const open = get().open;
        // The name lives in the document too: the open copy follows without an undo step.
        if (plan && open?.planId === planId) {
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
        }
      },

      duplicate: async (planId) => {
        await written(await engine.plans.duplicate(planId));
      },

      archive: async (planId, archived) => {
        await written(await engine.plans.archive(planId, archived));
      },

      remove: async (planId) => {
        if (get().open?.planId === planId) {
          await flush();
          set({ open: null });
        }
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

      acknowledge: async (checkId, reason, by) => {
        const open = get().open;
        if (!open) return false;
        const outcome = await engine.plans.acknowledge(open.planId, checkId, reason, by);
        if (!outcome.ok) {
          set({ message: outcome.failure.message });
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
        if (!outcome.ok) set({ message: outcome.failure.message });
        else {
          onChanged(outcome.summary);
          await refreshView();
        }
      },

      dismissMessage: () => set({ message: null, deleted: null }),

      recordPilotSends: async () => {
        const open = get().open;
        if (!open) return null;
        const picked = await host.pickDataFiles();
        if (!picked.ok) return `The file could not be opened: ${picked.error}`;
        const file = picked.value?.[0];
        if (!file) return null;
        const outcome = await engine.pilot.recordSends(open.planId, file);
        if (!outcome.ok)
          return [`${file.name}: ${outcome.failure.message}`, ...(outcome.failure.problems ?? [])].join('\n');
        onChanged(outcome.summary);
        return [`${recordedSentence(outcome, file.name)} ${outcome.message}`, ...outcome.problems].join('\n');
      },

      pilotResults: async () => {
        const open = get().open;
        if (!open) return { ok: false, failure: { kind: 'results', message: 'No plan is open.' } };
        void refreshView();
        return engine.pilot.results(open.planId);
      },

      exportPlan: async (kind, label) => {
        const open = get().open;
        if (!open) return;
        await flush();
        set({ exporting: { label, progress: null }, exported: null });
        try {
          const exported = await engine.exports.plan(
            open.planId,
            kind === 'pdf' ? 'html' : kind,
            progressChannel((progress) => set({ exporting: { label, progress } })),
          );
          if (!exported.ok) {
            set({ exported: `The export could not be made: ${exported.failure.message}` });
            return;
          }
          if (kind === 'audience-csv') onChanged(exported.summary);
          const { fileName, mimeType, data } = exported.file;
          const saved =
            kind === 'pdf'
              ? await host.printToPdf(data, fileName.replace(/\.html$/, '.pdf'))
              : await host.saveExport({ suggestedName: fileName, mimeType, data });
          if (!saved.ok) set({ exported: `The file could not be saved: ${saved.error}` });
          else if (saved.value) set({ exported: `Saved ${label} as ${saved.value.savedTo}.` });
        } finally {
          set({ exporting: null });
        }
      },

      loadBranding: () => engine.exports.branding(),

      saveBranding: async (branding) => {
        const saved = await engine.exports.setBranding(branding);
        if (!saved.ok) return saved.failure.message;
        onChanged(saved.summary);
        return null;
      },
      flush,

      dataChanged: async () => {
        await get().load();
        await refreshView();
      },

      reset: () => {
        if (timer) clearTimeout(timer);
        if (viewTimer) clearTimeout(viewTimer);
        timer = null;
        viewTimer = null;
        set({ plans: null, open: null, deleted: null, message: null });
      },
    };
  });
}
