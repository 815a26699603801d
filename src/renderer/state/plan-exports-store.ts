import { createStore } from 'zustand/vanilla';
import type { Branding } from '../../core/export/branding';
import type { ExportFormat } from '../../core/export/export-plan';
import type { Progress } from '../../core/util/progress';
import type { WorkspaceSummary } from '../../core/store/workspace-types';
import type { Host } from '../../shared/host';
import { progressChannel, type EngineClient } from '../engine-client';
import type { PlanEditorStore } from './plan-editor-store';

/** The open plan's exports, saved through the Host, and the agency branding printed on them. */

export interface PlanExportsState {
  /** An export on its way, with progress when it is a large file. */
  exporting: { label: string; progress: Progress | null } | null;
  /** Where the last export went, or why it failed. */
  exported: string | null;
}

/** The exports a user can ask for: the engine's formats plus the PDF the Host prints from the HTML report. */
export type PlanExportKind = ExportFormat | 'pdf';

export interface PlanExportsActions {
  /** Saves pending edits first, so the export shows the plan as it is on screen. */
  exportPlan(kind: PlanExportKind, label: string): Promise<void>;
  loadBranding(): Promise<Branding>;
  /** Why the branding could not be saved, or null once it is. */
  saveBranding(branding: Branding): Promise<string | null>;
}

export type PlanExportsStore = ReturnType<typeof createPlanExportsStore>;

export function createPlanExportsStore(
  engine: EngineClient,
  host: Host,
  editor: PlanEditorStore,
  onChanged: (summary: WorkspaceSummary) => void,
) {
  return createStore<PlanExportsState & PlanExportsActions>()((set) => ({
    exporting: null,
    exported: null,

    exportPlan: async (kind, label) => {
      const open = editor.getState().open;
      if (!open) return;
      await editor.getState().flush();
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
        // The workspace keeps the pilot's draw of an exported audience file: it needs saving.
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
  }));
}
