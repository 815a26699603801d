import { csvLine } from '../core/export/csv-cell';
import type { ImportFailure } from '../core/import/failure';
import { importFile } from '../core/import/import-file';
import { importHistory } from '../core/import/history';
import { findPreset, rememberImportMapping } from '../core/import/presets';
import { previewImport, type ImportPreview } from '../core/import/preview';
import type { ImportReport } from '../core/import/report';
import { blobSource, bytesSource, type ByteSource } from '../core/import/source';
import { keepUndoOf, recordUndoImages, undoLastImport } from '../core/import/undo';
import type { RejectedRow } from '../core/import/validate';
import { openImportFile } from '../core/import/workbook';
import type { ImportsApi } from '../shared/engine-api';
import { failed, throttled, wrote, type EngineContext } from './context';
import { xlsxWorkbookReader } from './xlsx-workbook';

export function importsApi(context: EngineContext): ImportsApi {
  let importing = false;
  let cancelRequested = false;
  let rejected: { headers: string[]; rows: RejectedRow[] } = { headers: [], rows: [] };

  return {
    // Reads the presets table, so it waits its turn like every other database call.
    preview: (file, name, options) =>
      context.exclusive(async () => {
        const opened = await openImportFile(sourceOf(file, name), xlsxWorkbookReader, {
          sheet: options?.sheet,
          pickFirst: true,
        });
        if (!opened.ok) return importFailed(opened.error);
        const { source, workbook } = opened.value;
        const previewed = await previewImport(source, options);
        if (!previewed.ok) return importFailed(previewed.error);
        const db = context.openOrNull();
        const found = db && previewed.value.format.hasHeader ? findPreset(db, previewed.value.headers) : null;
        const preset = found && (!options?.kind || options.kind === found.mapping.kind) ? found : null;
        return { ok: true, value: { ...previewed.value, preset, workbook } };
      }),
    run: (file, name, choices, onProgress) =>
      context.write(async (target) => {
        const rows: RejectedRow[] = [];
        rejected = { headers: [], rows };
        importing = true;
        cancelRequested = false;
        const stopRecording = recordUndoImages(target);
        try {
          const opened = await openImportFile(sourceOf(file, name), xlsxWorkbookReader, { sheet: choices.sheet });
          if (!opened.ok) return importFailed(opened.error);
          const outcome = await importFile(target, opened.value.source, choices, {
            onProgress: throttled((done, total, rows) =>
              onProgress?.({ label: `Importing ${name}`, done, total, rows }),
            ),
            isCancelled: () => cancelRequested,
            // A macrotask between chunks lets the cancel message (and progress) through.
            yieldToEventLoop: () => new Promise((resolve) => setTimeout(resolve, 0)),
            onRejectedRow: (row) => rows.push(row),
          });
          rejected.headers = outcome.preview?.headers ?? [];
          if (!outcome.ok) return importFailed(outcome.failure, outcome.report, outcome.preview);
          keepUndoOf(target, outcome.report.importId);
          context.analyses.dataChanged(target, outcome.report.kind);
          rememberImportMapping(target, outcome);
          return wrote({ report: outcome.report });
        } finally {
          stopRecording();
          importing = false;
          cancelRequested = false;
        }
      }),
    async cancel() {
      if (importing) cancelRequested = true;
    },
    async rejectedRowsCsv() {
      const lines = [csvLine(['Row', 'Reason', 'Problem', ...rejected.headers])];
      for (const row of rejected.rows) lines.push(csvLine([row.row, row.reason, row.message, ...row.cells]));
      return lines.join('');
    },
    rejectedRows: async () => ({ headers: rejected.headers, rows: rejected.rows }),
    history: () => context.read(importHistory),
    undoLast: () =>
      context.write((target) => {
        const undone = undoLastImport(target);
        if (!undone.ok) return failed('undo', undone.error);
        context.analyses.dataChanged(target, undone.value.kind);
        return wrote({ undone: undone.value });
      }),
  };
}

const importFailed = (
  { code, message, detail, sheets }: ImportFailure,
  report?: ImportReport | null,
  preview?: ImportPreview | null,
) =>
  failed(code, message, {
    ...(detail === undefined ? {} : { detail }),
    ...(sheets ? { sheets } : {}),
    ...(report ? { report } : {}),
    ...(preview ? { preview } : {}),
  });

const sourceOf = (file: Blob | Uint8Array, name: string): ByteSource =>
  file instanceof Uint8Array ? bytesSource(name, file) : blobSource(name, file);
