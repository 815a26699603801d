import { createStore } from 'zustand/vanilla';
import type { ImportFailureCode } from '../../core/import/failure';
import type { ImportHistoryEntry } from '../../core/import/history';
import type { QueuedFileStatus } from '../../core/import/queued-file-status';
import type { ImportChoices } from '../../core/import/import-file';
import type { FieldName, ImportKind } from '../../core/import/kinds';
import { withGrouping, type ImportMapping } from '../../core/import/mapping';
import type { MappingPreset } from '../../core/import/presets';
import type { ImportPreview } from '../../core/import/preview';
import type { ImportReport } from '../../core/import/report';
import type { ImportMode } from '../../core/import/import-mode';
import type { Delimiter } from '../../core/import/sniff';
import type { DayMonthOrder } from '../../core/import/values';
import type { WorkbookSheets } from '../../core/import/workbook';
import type { Host } from '../../shared/host';
import type { EngineFailure } from '../../shared/engine-api';
import type { FileSetReport, SetFileSummary } from '../../core/import/set-report';
import type { WorkspaceSummary } from '../../core/store/workspace-types';
import { progressChannel, type EngineClient } from '../engine-client';

/**
 * Imports from the user's side: pick one or more files. Several files are reviewed as one set
 * (each file's kind or why it is left out) and imported as one; or, at the user's choice, one
 * after another: for each check what we detected and correct it, run it with progress and a
 * cancel, read the report. Also the history of
 * imports, with undo of the last one. The engine does the work; this store only holds what the
 * screens show.
 */

/** `set`: several files picked together, reviewed as one set before they are imported as one. */
export type ImportPhase = 'closed' | 'reading' | 'set' | 'setup' | 'running' | 'report';

export interface QueuedFile {
  file: File;
  status: QueuedFileStatus;
}

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
  /** The files picked or dropped together, imported one after another. */
  queue: QueuedFile[];
  /** What to preselect for a file whose kind we cannot tell, e.g. when a readiness hint opened the import. */
  suggestedKind: ImportKind | null;
  file: File | null;
  preview: ImportPreview | null;
  /** The mapping as the user left it; starts as the saved preset, or else the one proposed. */
  mapping: ImportMapping | null;
  /** The preset the mapping started from, while it is in use. */
  preset: MappingPreset | null;
  /** The user set the preset aside for this file: later previews of it keep to the proposal. */
  presetDeclined: boolean;
  delimiter: Delimiter | null;
  /** An Excel workbook's sheets and the one shown and imported; null for a CSV file. */
  workbook: WorkbookSheets | null;
  /** Whether the first row names the columns, when the user said so. */
  hasHeader: boolean | null;
  dayMonthOrder: DayMonthOrder | null;
  mode: ImportMode;
  /** Why the file cannot be read, or why the last run did not go through. */
  failure: EngineFailure<ImportFailureCode> | null;
  /** A short note shown above the setup, e.g. after a cancel. */
  note: string | null;
  progress: ImportProgress | null;
  report: ImportReport | null;
  savedRejected: string | null;
  /** The files picked together, as one set: each file's kind or why it is left out, in import order. */
  set: SetFileSummary[] | null;
  /** Files of the set whose first row the user says does, or does not, name the columns. */
  headerRow: Record<string, boolean>;
  setReport: FileSetReport | null;
  /** Newest first; null until first loaded for the open workspace. */
  history: ImportHistoryEntry[] | null;
  /** What the last undo did, or why it or reading the history failed. */
  historyNotice: string | null;
}

export interface ImportActions {
  pickAndPreview(suggestedKind?: ImportKind): Promise<void>;
  openFiles(files: readonly File[], suggestedKind?: ImportKind): Promise<void>;
  chooseKind(kind: ImportKind): Promise<void>;
  chooseDelimiter(delimiter: Delimiter): Promise<void>;
  chooseSheet(sheet: string): Promise<void>;
  /** Product codes that differ only in letter case (84997c, 84997C) and share a name: one product, or kept apart. */
  chooseMergeCaseVariants(merge: boolean): void;
  chooseHasHeader(hasHeader: boolean): Promise<void>;
  chooseColumn(field: FieldName, column: string | null): void;
  /** Order lines without an order number: group them by customer and this many days. */
  chooseGrouping(days: number): void;
  chooseDayMonthOrder(order: DayMonthOrder): void;
  chooseMode(mode: ImportMode): void;
  useSuggestedMapping(): void;
  run(): Promise<void>;
  /** Imports the reviewed set as one import. */
  runSet(): Promise<void>;
  /** Leaves the set and imports its files one at a time, each with its own review. */
  importOneByOne(): Promise<void>;
  chooseHeaderRow(fileName: string, hasHeader: boolean): Promise<void>;
  cancel(): Promise<void>;
  saveRejected(): Promise<void>;
  /** Leaves the current file (imported, failed or not wanted) and sets up the next one; closes after the last. */
  nextFile(): Promise<void>;
  skipFile(): Promise<void>;
  close(): void;
  loadHistory(): Promise<void>;
  undoLastImport(): Promise<void>;
  dismissHistoryNotice(): void;
}

export type ImportStore = ReturnType<typeof createImportStore>;

/** Everything that belongs to one file of the queue. */
const noFile = {
  file: null,
  preview: null,
  mapping: null,
  preset: null,
  presetDeclined: false,
  delimiter: null,
  workbook: null,
  hasHeader: null,
  dayMonthOrder: null,
  mode: 'append',
  failure: null,
  note: null,
  progress: null,
  report: null,
  savedRejected: null,
} satisfies Partial<ImportState>;

const sheetOf = (workbook: WorkbookSheets | null) => (workbook ? { sheet: workbook.sheet } : {});

const closed = {
  ...noFile,
  phase: 'closed',
  queue: [],
  suggestedKind: null,
  set: null,
  headerRow: {},
  setReport: null,
} satisfies Partial<ImportState>;

/** Kinds whose rows have no id to match, so an import of them cannot update earlier rows. */
const NO_UPDATE: readonly ImportKind[] = ['events', 'baskets'];

/** The modes worth offering for a file of this kind: a choice only once the workspace holds data of it. */
export function modesFor(kind: ImportKind, history: readonly ImportHistoryEntry[] | null): ImportMode[] {
  const holdsKind = (history ?? []).some((entry) => entry.kind === kind && !entry.undone);
  if (!holdsKind) return ['append'];
  return NO_UPDATE.includes(kind) ? ['append', 'replace'] : ['append', 'update', 'replace'];
}

export function createImportStore(host: Host, engine: EngineClient, onImported: (summary: WorkspaceSummary) => void) {
  return createStore<ImportState & ImportActions>()((set, get) => {
    const preview = async (file: File, asked: { kind?: ImportKind; delimiter?: Delimiter; sheet?: string }) => {
      set({ phase: 'reading', failure: null, note: null });
      const { hasHeader } = get();
      const options = hasHeader === null ? asked : { ...asked, hasHeader };
      const result = await engine.imports.preview(file, file.name, options);
      if (!result.ok) {
        set({ phase: 'setup', preview: null, mapping: null, preset: null, failure: result.failure });
        return;
      }
      const { suggestedKind } = get();
      if (!result.value.mapping && !options.kind && suggestedKind)
        return preview(file, { ...options, kind: suggestedKind });
      const preset = get().presetDeclined ? null : result.value.preset;
      const mapping = preset?.mapping ?? result.value.mapping;
      set({
        phase: 'setup',
        preview: result.value,
        mapping,
        preset,
        delimiter: options.delimiter ?? null,
        workbook: result.value.workbook,
        dayMonthOrder: mapping?.dayMonthOrder ?? null,
        mode: keptMode(mapping?.kind),
      });
    };

    /** The mode chosen stays while it is on offer for the file's kind. */
    const keptMode = (kind: ImportKind | undefined): ImportMode => {
      const { mode, history } = get();
      return kind && modesFor(kind, history).includes(mode) ? mode : 'append';
    };

    const choices = (): ImportChoices => {
      const { mapping, delimiter, dayMonthOrder, mode, workbook, hasHeader } = get();
      const chosen: ImportChoices = { mode };
      if (workbook) chosen.sheet = workbook.sheet;
      if (hasHeader !== null) chosen.hasHeader = hasHeader;
      if (mapping) chosen.mapping = mapping;
      if (delimiter) chosen.delimiter = delimiter;
      if (dayMonthOrder) chosen.dayMonthOrder = dayMonthOrder;
      return chosen;
    };

    const setStatus = (status: QueuedFileStatus) =>
      set({ queue: get().queue.map((queued) => (queued.status === 'current' ? { ...queued, status } : queued)) });

    const loadHistory = async () => {
      try {
        set({ history: await engine.imports.history() });
      } catch (error) {
        set({
          history: null,
          historyNotice: `The import history could not be read: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    };

    const picked = () => get().queue.map(({ file }) => ({ file, name: file.name }));

    const reviewSet = async () => {
      set({ phase: 'reading', failure: null });
      const summaries = await engine.imports.previewSet(picked(), { headerRow: get().headerRow });
      set({ phase: 'set', set: summaries });
    };

    /** Sets up the next waiting file of the queue, or closes the dialog when none is left. */
    const startNext = async () => {
      const queue = get().queue;
      const next = queue.findIndex((queued) => queued.status === 'waiting');
      if (next < 0) {
        set(closed);
        return;
      }
      const file = queue[next].file;
      set({
        ...noFile,
        file,
        phase: 'reading',
        queue: queue.map((queued, i) => (i === next ? { ...queued, status: 'current' } : queued)),
      });
      // The history tells which kinds the workspace already holds, so which modes to offer.
      await loadHistory();
      await preview(file, {});
    };

    return {
      ...closed,
      history: null,
      historyNotice: null,

      pickAndPreview: async (suggestedKind) => {
        const picked = await host.pickDataFiles();
        if (!picked.ok) {
          set({ ...closed, phase: 'setup', failure: { kind: 'cannot_read', message: picked.error } });
          return;
        }
        if (picked.value) await get().openFiles(picked.value, suggestedKind);
      },

      openFiles: async (files, suggestedKind) => {
        const added = files.map((file): QueuedFile => ({ file, status: 'waiting' }));
        // Files dropped while the dialog is busy with others join the queue.
        if (get().phase !== 'closed' && get().queue.length > 0) {
          set({ queue: [...get().queue, ...added] });
          if (get().phase === 'set') await reviewSet();
          return;
        }
        if (added.length === 0) return;
        set({ ...closed, suggestedKind: suggestedKind ?? null, queue: added });
        if (added.length > 1) await reviewSet();
        else await startNext();
        // A file of names for codes (aisles, a category translation) is reviewed as a set of one.
        if (get().phase === 'setup' && !get().preview?.detectedKind) {
          const [only] = await engine.imports.previewSet(picked());
          if (only?.role === 'lookup') set({ phase: 'set', set: [only], failure: null });
        }
      },

      chooseKind: async (kind) => {
        const { file, delimiter, workbook } = get();
        if (file) await preview(file, { kind, ...(delimiter ? { delimiter } : {}), ...sheetOf(workbook) });
      },

      chooseDelimiter: async (delimiter) => {
        const { file, mapping, workbook } = get();
        if (file) await preview(file, { ...(mapping ? { kind: mapping.kind } : {}), delimiter, ...sheetOf(workbook) });
      },

      // Another sheet holds another table: what it holds is worked out afresh.
      chooseSheet: async (sheet) => {
        const { file } = get();
        if (file) await preview(file, { sheet });
      },

      chooseMergeCaseVariants: (merge) => {
        const { mapping } = get();
        if (!mapping) return;
        const { mergeCaseVariants: _, ...rest } = mapping;
        set({ mapping: merge ? rest : { ...rest, mergeCaseVariants: false } });
      },

      chooseHasHeader: async (hasHeader) => {
        const { file, mapping, delimiter, workbook } = get();
        set({ hasHeader });
        if (file)
          await preview(file, {
            ...(mapping ? { kind: mapping.kind } : {}),
            ...(delimiter ? { delimiter } : {}),
            ...sheetOf(workbook),
          });
      },

      chooseColumn: (field, column) => {
        const { mapping } = get();
        if (!mapping) return;
        const columns = { ...mapping.columns };
        if (column) columns[field] = column;
        else delete columns[field];
        const chosen = { ...mapping, columns };
        // Order lines with the order details on each line and no order number are grouped by customer and day: say so by name.
        const grouping = column ? null : chosen.kind === 'order_lines_flat' ? 1 : undefined;
        set({
          mapping: field === 'order_id' && grouping !== undefined ? withGrouping(chosen, grouping) : chosen,
          failure: null,
        });
      },

      chooseGrouping: (days) => {
        const { mapping } = get();
        if (mapping) set({ mapping: withGrouping(mapping, days), failure: null });
      },

      chooseDayMonthOrder: (order) => set({ dayMonthOrder: order, failure: null }),

      chooseMode: (mode) => set({ mode, failure: null }),

      useSuggestedMapping: () => {
        const { preview } = get();
        if (!preview) return;
        const { mapping } = preview;
        set({
          mapping,
          preset: null,
          presetDeclined: true,
          dayMonthOrder: mapping?.dayMonthOrder ?? null,
          failure: null,
        });
      },

      run: async () => {
        const { file } = get();
        if (!file) return;
        const startedAt = Date.now();
        set({
          phase: 'running',
          failure: null,
          note: null,
          progress: { done: 0, total: file.size, rows: 0, startedAt, now: startedAt },
        });
        const outcome = await engine.imports.run(
          file,
          file.name,
          choices(),
          progressChannel(({ done, total, rows }) =>
            set({ progress: { done, total, rows: rows ?? 0, startedAt, now: Date.now() } }),
          ),
        );
        if (outcome.ok) {
          set({ phase: 'report', report: outcome.report, progress: null });
          setStatus('done');
          onImported(outcome.summary);
        } else if (outcome.failure.kind === 'cancelled') {
          set({
            phase: 'setup',
            progress: null,
            note: 'The import was cancelled. Nothing was changed in the workspace.',
          });
        } else {
          const { report = null } = outcome.failure;
          set({ phase: report ? 'report' : 'setup', progress: null, failure: outcome.failure, report });
          if (report) setStatus('failed');
        }
      },

      runSet: async () => {
        const files = picked();
        const startedAt = Date.now();
        const total = files.reduce((sum, { file }) => sum + file.size, 0);
        set({
          phase: 'running',
          failure: null,
          note: null,
          progress: { done: 0, total, rows: 0, startedAt, now: startedAt },
        });
        const outcome = await engine.imports.runSet(
          files,
          { headerRow: get().headerRow },
          progressChannel(({ done, total, rows }) =>
            set({ progress: { done, total, rows: rows ?? 0, startedAt, now: Date.now() } }),
          ),
        );
        if (outcome.ok) {
          set({
            phase: 'report',
            setReport: outcome.report,
            progress: null,
            queue: get().queue.map((queued) => ({ ...queued, status: 'done' })),
          });
          onImported(outcome.summary);
        } else if (outcome.failure.kind === 'cancelled') {
          set({
            phase: 'set',
            progress: null,
            note: 'The import was cancelled. Nothing was changed in the workspace.',
          });
        } else {
          set({ phase: 'set', progress: null, failure: outcome.failure });
        }
      },

      importOneByOne: async () => {
        set({ set: null, failure: null, note: null });
        await startNext();
      },

      chooseHeaderRow: async (fileName, hasHeader) => {
        set({ headerRow: { ...get().headerRow, [fileName]: hasHeader } });
        await reviewSet();
      },

      cancel: () => engine.imports.cancel(),

      saveRejected: async () => {
        const { file } = get();
        const csv = await engine.imports.rejectedRowsCsv();
        const base = (file?.name ?? 'import').replace(/\.[^.]+$/, '');
        const saved = await host.saveExport({
          suggestedName: `${base} - rejected rows.csv`,
          mimeType: 'text/csv',
          data: csv,
        });
        if (!saved.ok) set({ savedRejected: `The rejected rows could not be saved: ${saved.error}` });
        else if (saved.value) set({ savedRejected: `Saved the rejected rows as ${saved.value.savedTo}.` });
      },

      nextFile: startNext,

      skipFile: async () => {
        setStatus('skipped');
        await startNext();
      },

      close: () => set(closed),

      loadHistory,

      undoLastImport: async () => {
        const outcome = await engine.imports.undoLast();
        if (!outcome.ok) {
          set({ historyNotice: outcome.failure.message });
        } else {
          const { fileName, rowsImported } = outcome.undone;
          const rows = rowsImported === 1 ? 'its one row is' : `its ${rowsImported.toLocaleString('en')} rows are`;
          set({
            historyNotice: `The import of ${fileName} was undone: ${rows} out, and everything it changed is back as it was.`,
          });
          // The new summary also reloads the history on the workspace screen.
          onImported(outcome.summary);
        }
      },

      dismissHistoryNotice: () => set({ historyNotice: null }),
    };
  });
}
