import { createStore } from 'zustand/vanilla';
import type { Branding } from '../../core/export/branding';
import type { ExportFormat } from '../../core/export/export-plan';
import type { Progress } from '../../core/util/progress';
import type { WorkspaceSummary } from '../../core/store/workspace-types';
import type { Host, PdfOutcome } from '../../shared/host';
import { progressChannel, type EngineClient } from '../engine-client';
import type { PlanEditorStore } from './plan-editor-store';

/** The open plan's exports, saved through the Host, and the agency branding printed on them. */

export interface PlanExportsState {
  /** An export on its way, with progress when it is a large file. */
  exporting: { label: string; progress: Progress | null } | null;
  /** Where the last export went, or why it failed, with the technical reason behind “Details”. */
  exported: ExportStatus | null;
}

export interface ExportStatus {
  text: string;
  details: string | null;
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

const plain = (text: string): ExportStatus => ({ text, details: null });

/** What happened to the PDF, said as it is: a browser's print dialog is not a saved file. */
function pdfStatus(outcome: PdfOutcome, label: string): ExportStatus {
  if ('savedTo' in outcome) return plain(`Saved ${label} as ${outcome.savedTo}.`);
  return plain(
    outcome.printDialog === 'opened'
      ? 'The print dialog opened with the campaign plan: choose “Save as PDF” as the printer there to keep it as a file.'
      : 'The print dialog did not open, so no PDF was made: this browser may block printing from the page. Export the campaign plan (HTML) instead, open it and print it from there.',
  );
}

const pdfFailed = (details: string): ExportStatus => ({
  text: 'The PDF of the campaign plan could not be made. Try again, or export the campaign plan (HTML) and print that file from your browser.',
  details,
});

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
          set({ exported: plain(`The export could not be made: ${exported.failure.message}`) });
          return;
        }
        // The workspace keeps the pilot's draw of an exported audience file: it needs saving.
        if (kind === 'audience-csv') onChanged(exported.summary);
        const { fileName, mimeType, data } = exported.file;
        if (kind === 'pdf') {
          const printed = await host.printToPdf(data, fileName.replace(/\.html$/, '.pdf'));
          if (!printed.ok) set({ exported: pdfFailed(printed.error) });
          else if (printed.value) set({ exported: pdfStatus(printed.value, label) });
          return;
        }
        const saved = await host.saveExport({ suggestedName: fileName, mimeType, data });
        if (!saved.ok) set({ exported: plain(`The file could not be saved: ${saved.error}`) });
        else if (saved.value) set({ exported: plain(`Saved ${label} as ${saved.value.savedTo}.`) });
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
