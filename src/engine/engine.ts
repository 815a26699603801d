import { ALL_DATA_TABLES, dataVersionOf } from '../core/analysis/data-version';
import { customerOrders } from '../core/analysis/drilldown';
import { assessReadiness } from '../core/analysis/readiness';
import { generateDemoWorkspace } from '../core/demo/generate-workspace';
import { getBranding, setBranding } from '../core/export/branding';
import { csvLine } from '../core/export/csv-cell';
import { exportPlan } from '../core/export/export-plan';
import { checkExercise, listExercises, resetExercise } from '../core/exercises/catalogue';
import { decodeTextFile } from '../core/import/decode';
import { importFile } from '../core/import/import-file';
import { importHistory } from '../core/import/history';
import { findPreset, rememberImportMapping } from '../core/import/presets';
import { previewImport } from '../core/import/preview';
import { blobSource, bytesSource, type ByteSource } from '../core/import/source';
import { keepUndoOf, recordUndoImages, undoLastImport } from '../core/import/undo';
import type { RejectedRow } from '../core/import/validate';
import {
  archivePlan,
  createPlan,
  deletePlan,
  duplicatePlan,
  getPlan,
  listPlans,
  otherActivePlans,
  planAtRevision,
  planRevisions,
  renamePlan,
  restorePlan,
  savePlan,
} from '../core/plan/plan-store';
import { addAcknowledgement, removeAcknowledgement, type Acknowledgement } from '../core/plan/acknowledgements';
import { CHECK_IDS } from '../core/plan/checklist';
import { planChecklist } from '../core/plan/checklist-report';
import { createMemo, type Memo } from '../core/plan/memo';
import { computePlanView } from '../core/plan/plan-view';
import { drawIsSettled } from '../core/results/exported-audience';
import { measurePilot } from '../core/results/measure';
import { loadPilotSends, recordPilotSends } from '../core/results/pilot-sends';
import { readSendsFile, recordedSends } from '../core/results/sends-file';
import { createWorkspaceDb, openWorkspaceBytes } from '../core/store/open-workspace';
import { applyConnectionSettings, type Database, type SqlJsStatic } from '../core/store/sqlite';
import { summarizeWorkspace } from '../core/store/workspace-summary';
import type {
  AcknowledgementOutcome,
  EngineApi,
  ImportRunOutcome,
  PilotSendsOutcome,
  PlanWriteOutcome,
  UndoImportOutcome,
} from '../shared/engine-api';
import type { PlanRecord } from '../core/plan/plan-document';
import type { Result } from '../core/util/result';
import { fail, ok } from '../core/util/result';
import { AnalysisRunner } from './analysis-runner';

/**
 * The engine behind the worker's RPC surface. Platform-free: sql.js is handed in, so the same
 * code runs in the Web Worker, in the CLI and in Node specs.
 */
export function createEngine(SQL: SqlJsStatic): EngineApi {
  let db: Database | null = null;
  let revision = 0;
  let importing = false;
  let cancelRequested = false;
  let rejected: { headers: string[]; rows: RejectedRow[] } = { headers: [], rows: [] };
  // Analyses and plan views reuse what they loaded or computed while the data stays the same.
  let dataMemos: { db: Database; version: string; memo: Memo } | null = null;
  const dataMemo = (db: Database): Memo => {
    const version = dataVersionOf(db, ALL_DATA_TABLES);
    if (dataMemos?.db !== db || dataMemos.version !== version) dataMemos = { db, version, memo: createMemo() };
    return dataMemos.memo;
  };
  const analyses = new AnalysisRunner(dataMemo);
  // Calls that touch the database run one at a time, in the order they came. An import awaits
  // between chunks with its transaction open: any other call then, even an export (which reopens
  // the database), would lose it.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const current = (): Database => {
    if (!db) throw new Error('No workspace is open.');
    return db;
  };
  const replace = (next: Database) => {
    db?.close();
    db = next;
    revision = 0;
    return summarizeWorkspace(next, revision);
  };
  // A plan write that changed the workspace moves the revision on, so the renderer autosaves.
  const planWrite = (written: Result<PlanRecord, string>, changed = true): PlanWriteOutcome => {
    if (!written.ok) return { ok: false, message: written.error };
    if (changed) revision++;
    return { ok: true, plan: written.value, summary: summarizeWorkspace(current(), revision) };
  };

  const ackWrite = (written: Result<Acknowledgement[], string>, changed = true): AcknowledgementOutcome => {
    if (!written.ok) return { ok: false, message: written.error };
    if (changed) revision++;
    return { ok: true, acknowledged: written.value, summary: summarizeWorkspace(current(), revision) };
  };
  return {
    newWorkspace: (name) => exclusive(async () => replace(createWorkspaceDb(SQL, name))),
    openWorkspace: (bytes) =>
      exclusive(async () => {
        const opened = openWorkspaceBytes(SQL, bytes);
        return opened.ok ? ok(replace(opened.value)) : fail(opened.error);
      }),
    createDemo: (industry, onProgress, size) =>
      exclusive(async () => replace(generateDemoWorkspace(SQL, industry, { ...size, onProgress }))),
    summary: () => exclusive(async () => summarizeWorkspace(current(), revision)),
    readiness: () => exclusive(async () => assessReadiness(current())),
    renameWorkspace: (name) =>
      exclusive(async () => {
        const trimmed = name.trim();
        if (!trimmed) throw new Error('A workspace needs a name.');
        current().run("UPDATE meta SET value = ? WHERE key = 'name'", [trimmed]);
        revision++;
        return summarizeWorkspace(current(), revision);
      }),
    // Reads the presets table, so it waits its turn like every other database call.
    previewImport: (file, name, options) =>
      exclusive(async () => {
        const previewed = await previewImport(sourceOf(file, name), options);
        if (!previewed.ok) return previewed;
        const found = db && previewed.value.format.hasHeader ? findPreset(db, previewed.value.headers) : null;
        const preset = found && (!options?.kind || options.kind === found.mapping.kind) ? found : null;
        return ok({ ...previewed.value, preset });
      }),
    runImport: (file, name, choices, onProgress) =>
      exclusive(async (): Promise<ImportRunOutcome> => {
        const target = current();
        const rows: RejectedRow[] = [];
        rejected = { headers: [], rows };
        let lastReport = 0;
        importing = true;
        cancelRequested = false;
        const stopRecording = recordUndoImages(target);
        try {
          const outcome = await importFile(target, sourceOf(file, name), choices, {
            onProgress: (done, total, rows) => {
              // Progress crosses the thread boundary: a few updates a second are plenty.
              if (done < total && Date.now() - lastReport < PROGRESS_INTERVAL_MS) return;
              lastReport = Date.now();
              onProgress?.({ label: `Importing ${name}`, done, total, rows });
            },
            isCancelled: () => cancelRequested,
            // A macrotask between chunks lets the cancel message (and progress) through.
            yieldToEventLoop: () => new Promise((resolve) => setTimeout(resolve, 0)),
            onRejectedRow: (row) => rows.push(row),
          });
          rejected.headers = outcome.preview?.headers ?? [];
          if (!outcome.ok)
            return { ok: false, failure: outcome.failure, report: outcome.report, preview: outcome.preview };
          keepUndoOf(target, outcome.report.importId);
          analyses.dataChanged(target, outcome.report.kind);
          rememberImportMapping(target, outcome);
          revision++;
          return { ok: true, report: outcome.report, summary: summarizeWorkspace(target, revision) };
        } finally {
          stopRecording();
          importing = false;
          cancelRequested = false;
        }
      }),
    async cancelImport() {
      if (importing) cancelRequested = true;
    },
    async rejectedRowsCsv() {
      const lines = [csvLine(['Row', 'Reason', 'Problem', ...rejected.headers])];
      for (const row of rejected.rows) lines.push(csvLine([row.row, row.reason, row.message, ...row.cells]));
      return lines.join('');
    },
    rejectedRows: async () => ({ headers: rejected.headers, rows: rejected.rows }),
    importHistory: () => exclusive(async () => importHistory(current())),
    undoLastImport: () =>
      exclusive(async (): Promise<UndoImportOutcome> => {
        const target = current();
        const undone = undoLastImport(target);
        if (!undone.ok) return { ok: false, message: undone.error };
        analyses.dataChanged(target, undone.value.kind);
        revision++;
        return { ok: true, undone: undone.value, summary: summarizeWorkspace(target, revision) };
      }),
    runAnalysis: (name, params, onProgress) =>
      exclusive(async () => {
        const target = current();
        const answer = analyses.run(target, name, params, onProgress);
        if (!answer.ok) return { ok: false as const, ...answer.error };
        if (!answer.value.fromCache) revision++;
        return { ok: true as const, ...answer.value, summary: summarizeWorkspace(target, revision) };
      }),
    drilldown: (request, window) => exclusive(async () => analyses.drilldown(current(), request, window)),
    customerOrders: (customerId) => exclusive(async () => customerOrders(current(), customerId)),
    listPlans: () => exclusive(async () => listPlans(current())),
    planView: (planId, document) =>
      exclusive(async () => {
        const db = current();
        return computePlanView(db, document, otherActivePlans(db, planId), dataMemo(db));
      }),
    planChecklist: (planId, document) =>
      exclusive(async () => {
        const db = current();
        return planChecklist(db, planId, document, otherActivePlans(db, planId), dataMemo(db));
      }),
    acknowledgeCheck: (planId, checkId, reason, by) =>
      exclusive(async () =>
        ackWrite(addAcknowledgement(current(), planId, { checkId, reason, by }, CHECK_IDS, new Date())),
      ),
    withdrawAcknowledgement: (planId, checkId) =>
      exclusive(async () => {
        const removed = removeAcknowledgement(current(), planId, checkId);
        return ackWrite(removed.ok ? ok(removed.value.acknowledgements) : removed, removed.ok && removed.value.changed);
      }),
    getPlan: (planId) => exclusive(async () => getPlan(current(), planId)),
    createPlan: (document) => exclusive(async () => planWrite(createPlan(current(), document, new Date()))),
    savePlan: (planId, document, expectedRevision) =>
      exclusive(async () => {
        const saved = savePlan(current(), planId, document, new Date(), expectedRevision);
        return saved.ok ? planWrite(ok(saved.value.plan), saved.value.changed) : planWrite(saved);
      }),
    renamePlan: (planId, name) => exclusive(async () => planWrite(renamePlan(current(), planId, name, new Date()))),
    duplicatePlan: (planId, name) =>
      exclusive(async () => planWrite(duplicatePlan(current(), planId, new Date(), name))),
    archivePlan: (planId, archived) =>
      exclusive(async () => planWrite(archivePlan(current(), planId, archived, new Date()))),
    deletePlan: (planId) =>
      exclusive(async () => {
        const deleted = deletePlan(current(), planId);
        if (!deleted.ok) return { ok: false as const, message: deleted.error };
        revision++;
        return { ok: true as const, deleted: deleted.value, summary: summarizeWorkspace(current(), revision) };
      }),
    restorePlan: (deleted) => exclusive(async () => planWrite(restorePlan(current(), deleted))),
    planRevisions: (planId) => exclusive(async () => planRevisions(current(), planId)),
    planAtRevision: (planId, planRevision) => exclusive(async () => planAtRevision(current(), planId, planRevision)),
    exportPlan: (planId, format, onProgress) =>
      exclusive(async () => {
        const db = current();
        const keepsDraw = format === 'audience-csv' && !drawIsSettled(db, planId);
        let lastReport = 0;
        const exported = exportPlan(db, planId, format, {
          memo: dataMemo(db),
          onProgress: (done, total) => {
            if (done < total && Date.now() - lastReport < PROGRESS_INTERVAL_MS) return;
            lastReport = Date.now();
            onProgress?.({ label: 'Writing the audience file', done, total, rows: done });
          },
        });
        // The workspace keeps the pilot's draw of an audience file it exports, until sends are read against it.
        if (exported.ok && keepsDraw) revision++;
        return exported;
      }),
    recordPilotSends: (planId, file) =>
      exclusive(async (): Promise<PilotSendsOutcome> => {
        const target = current();
        const plan = getPlan(target, planId);
        if (!plan.ok) return { ok: false, message: plan.error, problems: [] };
        let read;
        try {
          const text = decodeTextFile(file instanceof Uint8Array ? file : new Uint8Array(await file.arrayBuffer()));
          read = readSendsFile(target, planId, plan.value.document, otherActivePlans(target, planId), text, {
            memo: dataMemo(target),
          });
        } catch (error) {
          return { ok: false, message: error instanceof Error ? error.message : String(error), problems: [] };
        }
        if (read.refusal !== null) return { ok: false, message: read.refusal, problems: read.problems };
        recordPilotSends(target, planId, read.sends);
        revision++;
        return { ok: true, ...recordedSends(read), summary: summarizeWorkspace(target, revision) };
      }),
    pilotResults: (planId) =>
      exclusive(async () => {
        const target = current();
        const plan = getPlan(target, planId);
        if (!plan.ok) return plan;
        const sends = loadPilotSends(target, planId);
        if (sends.length === 0)
          return fail(
            'No sends are recorded for this plan yet: load the audience file the pilot was sent from, or the email tool’s send log.',
          );
        const results = measurePilot(target, plan.value.document, sends);
        return results ? ok(results) : fail('The plan has no start date, so there is no pilot to measure.');
      }),
    getBranding: () => exclusive(async () => getBranding(current())),
    setBranding: (branding) =>
      exclusive(async () => {
        const saved = setBranding(current(), branding);
        if (saved.ok) revision++;
        return saved;
      }),
    listExercises: () => exclusive(async () => listExercises(current())),
    checkExercise: (exerciseId, answer) =>
      exclusive(async () => {
        const checked = checkExercise(current(), exerciseId, answer);
        if (!checked.ok) return { ok: false, message: checked.error };
        revision++;
        return { ok: true, ...checked.value, summary: summarizeWorkspace(current(), revision) };
      }),
    resetExercise: (exerciseId) =>
      exclusive(async () => {
        const reset = resetExercise(current(), exerciseId);
        if (!reset.ok) return { ok: false, message: reset.error };
        revision++;
        return { ok: true, exercise: reset.value, summary: summarizeWorkspace(current(), revision) };
      }),
    exportBytes: () =>
      exclusive(async () => {
        const bytes = current().export();
        applyConnectionSettings(current());
        return bytes;
      }),
    closeWorkspace: () =>
      exclusive(async () => {
        db?.close();
        db = null;
        revision = 0;
      }),
  };
}

const PROGRESS_INTERVAL_MS = 100;

const sourceOf = (file: Blob | Uint8Array, name: string): ByteSource =>
  file instanceof Uint8Array ? bytesSource(name, file) : blobSource(name, file);
