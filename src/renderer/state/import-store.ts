import { createStore } from 'zustand/vanilla';
import type { ImportFailure } from '../../core/import/failure';
import type { ImportChoices } from '../../core/import/import-file';
import type { FieldName, ImportKind } from '../../core/import/kinds';
import type { ImportMapping } from '../../core/import/mapping';
import type { MappingPreset } from '../../core/import/presets';
import type { ImportPreview } from '../../core/import/preview';
import type { ImportReport } from '../../core/import/report';
import type { Delimiter } from '../../core/import/sniff';
import type { DayMonthOrder } from '../../core/import/values';
import type { Host } from '../../shared/host';
import type { WorkspaceSummary } from '../../shared/workspace';
import { progressChannel, type EngineClient } from '../engine-client';

/**
 * One import from the user's side: pick a file, check what we detected and correct it, run it
 * with progress and a cancel, read the report. The engine does the work; this store only holds
 * what the dialog shows.
 */

export type ImportPhase = 'closed' | 'reading' | 'setup' | 'running' | 'report';

export interface ImportProgress {
  /** Bytes of the file read, of its size. */
  done: number;
  total: number;
  rows: number;
  startedAt: number;
  now: number;
}

export interface ImportState {
  phase: ImportPhase;
  file: File | null;
  preview: ImportPreview | null;
  /** The mapping as the user left it; starts as the saved preset, or else the one proposed. */
  mapping: ImportMapping | null;
  /** The preset the mapping started from, while it is in use. */
  preset: MappingPreset | null;
  /** The user set the preset aside for this file: later previews of it keep to the proposal. */
  presetDeclined: boolean;
  delimiter: Delimiter | null;
  dayMonthOrder: DayMonthOrder | null;
  /** Why the file cannot be read, or why the last run did not go through. */
  failure: ImportFailure | null;
  /** A short note shown above the setup, e.g. after a cancel. */
  note: string | null;
  progress: ImportProgress | null;
  report: ImportReport | null;
  savedRejected: string | null;
}

export interface ImportActions {
  pickAndPreview(): Promise<void>;
  openFile(file: File): Promise<void>;
  chooseKind(kind: ImportKind): Promise<void>;
  chooseDelimiter(delimiter: Delimiter): Promise<void>;
  chooseColumn(field: FieldName, column: string | null): void;
  chooseDayMonthOrder(order: DayMonthOrder): void;
  useSuggestedMapping(): void;
  run(): Promise<void>;
  cancel(): Promise<void>;
  saveRejected(): Promise<void>;
  close(): void;
}

export type ImportStore = ReturnType<typeof createImportStore>;

const closed: ImportState = {
  phase: 'closed',
  file: null,
  preview: null,
  mapping: null,
  preset: null,
  presetDeclined: false,
  delimiter: null,
  dayMonthOrder: null,
  failure: null,
  note: null,
  progress: null,
  report: null,
  savedRejected: null,
};

export function createImportStore(host: Host, engine: EngineClient, onImported: (summary: WorkspaceSummary) => void) {
  return createStore<ImportState & ImportActions>()((set, get) => {
    const preview = async (file: File, options: { kind?: ImportKind; delimiter?: Delimiter }) => {
      set({ phase: 'reading', failure: null, note: null });
      const result = await engine.previewImport(file, file.name, options);
      if (!result.ok) {
        set({ phase: 'setup', preview: null, mapping: null, preset: null, failure: result.error });
        return;
      }
      const preset = get().presetDeclined ? null : result.value.preset;
      const mapping = preset?.mapping ?? result.value.mapping;
      set({
        phase: 'setup',
        preview: result.value,
        mapping,
        preset,
        delimiter: options.delimiter ?? null,
        dayMonthOrder: mapping?.dayMonthOrder ?? null,
      });
    };

    const choices = (): ImportChoices => {
      const { mapping, delimiter, dayMonthOrder } = get();
      const chosen: ImportChoices = {};
      if (mapping) chosen.mapping = mapping;
      if (delimiter) chosen.delimiter = delimiter;
      if (dayMonthOrder) chosen.dayMonthOrder = dayMonthOrder;
      return chosen;
    };

    return {
      ...closed,

      pickAndPreview: async () => {
        const picked = await host.pickDataFiles();
        if (!picked.ok) {
          set({ ...closed, phase: 'setup', failure: { code: 'cannot_read', message: picked.error } });
          return;
        }
        if (!picked.value) return;
        const [file, ...others] = picked.value;
        await get().openFile(file);
        if (others.length > 0) set({ note: `One file at a time: this imports ${file.name}; import the others after it.` });
      },

      openFile: async (file) => {
        // A file dropped while another one is being read or imported waits for the user.
        if (get().phase === 'reading' || get().phase === 'running') return;
        set({ ...closed, file });
        await preview(file, {});
      },

      chooseKind: async (kind) => {
        const { file, delimiter } = get();
        if (file) await preview(file, delimiter ? { kind, delimiter } : { kind });
      },

      chooseDelimiter: async (delimiter) => {
        const { file, mapping } = get();
        if (file) await preview(file, mapping ? { kind: mapping.kind, delimiter } : { delimiter });
      },

      chooseColumn: (field, column) => {
        const { mapping } = get();
        if (!mapping) return;
        const columns = { ...mapping.columns };
        if (column) columns[field] = column;
        else delete columns[field];
        set({ mapping: { ...mapping, columns }, failure: null });
      },

      chooseDayMonthOrder: (order) => set({ dayMonthOrder: order, failure: null }),

      useSuggestedMapping: () => {
        const { preview } = get();
        if (!preview) return;
        const { mapping } = preview;
        set({ mapping, preset: null, presetDeclined: true, dayMonthOrder: mapping?.dayMonthOrder ?? null, failure: null });
      },

      run: async () => {
        const { file } = get();
        if (!file) return;
        const startedAt = Date.now();
        set({ phase: 'running', failure: null, note: null, progress: { done: 0, total: file.size, rows: 0, startedAt, now: startedAt } });
        const outcome = await engine.runImport(
          file,
          file.name,
          choices(),
          progressChannel(({ done, total, rows }) => set({ progress: { done, total, rows: rows ?? 0, startedAt, now: Date.now() } })),
        );
        if (outcome.ok) {
          set({ phase: 'report', report: outcome.report, progress: null });
          onImported(outcome.summary);
        } else if (outcome.failure.code === 'cancelled') {
          set({ phase: 'setup', progress: null, note: 'The import was cancelled. Nothing was changed in the workspace.' });
        } else {
          set({ phase: outcome.report ? 'report' : 'setup', progress: null, failure: outcome.failure, report: outcome.report });
        }
      },

      cancel: () => engine.cancelImport(),

      saveRejected: async () => {
        const { file } = get();
        const csv = await engine.rejectedRowsCsv();
        const base = (file?.name ?? 'import').replace(/\.[^.]+$/, '');
        const saved = await host.saveExport({ suggestedName: `${base} - rejected rows.csv`, mimeType: 'text/csv', data: csv });
        if (!saved.ok) set({ savedRejected: `The rejected rows could not be saved: ${saved.error}` });
        else if (saved.value) set({ savedRejected: `Saved the rejected rows as ${saved.value.savedTo}.` });
      },

      close: () => set(closed),
    };
  });
}
