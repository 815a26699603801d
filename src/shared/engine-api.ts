import type { ProgressListener } from '../core/util/progress';
import type { AnalysisAnswer, AnalysisFailure, AnalysisName, ParamsOf } from '../core/analysis/catalogue';
import type { CustomerOrderDetail, DrilldownPage, DrilldownRequest, PageWindow } from '../core/analysis/drilldown';
import type { ImportChoices } from '../core/import/import-file';
import type { ImportFailure } from '../core/import/failure';
import type { ImportHistoryEntry } from '../core/import/history';
import type { MappingPreset } from '../core/import/presets';
import type { ImportPreview, PreviewOptions } from '../core/import/preview';
import type { ImportReport } from '../core/import/report';
import type { RejectedRow } from '../core/import/validate';
import type { DemoOptions } from '../core/demo/generate-workspace';
import type { UndoneImport } from '../core/import/undo';
import type { Branding } from '../core/export/branding';
import type { ExerciseCheck } from '../core/exercises/exercise';
import type { ExerciseView } from '../core/exercises/catalogue';
import type { ExportedFile, ExportFormat } from '../core/export/export-plan';
import type { DeletedPlan, PlanRevision, PlanSummary } from '../core/plan/plan-store';
import type { Acknowledgement } from '../core/plan/acknowledgements';
import type { ChecklistReport } from '../core/plan/checklist-report';
import type { PlanView } from '../core/plan/plan-view';
import type { PilotResults } from '../core/results/result-types';
import type { RecordedSends } from '../core/results/sends-file';
import type { PlanDocument, PlanRecord } from '../core/plan/plan-document';
import type { Readiness } from '../core/analysis/readiness-types';
import type { Result } from '../core/util/result';
import type { Industry, OpenFailure, WorkspaceSummary } from '../core/store/workspace-types';

/**
 * The data engine's API, declared once: the Web Worker exposes it over RPC, the CLI and the
 * Node specs call the same implementation directly. It holds at most one open workspace.
 */
export interface EngineApi {
  newWorkspace(name: string): Promise<WorkspaceSummary>;
  /** Opens workspace bytes; the bytes are checked first and never written back by opening. */
  openWorkspace(bytes: Uint8Array): Promise<Result<WorkspaceSummary, OpenFailure>>;
  /** A demo workspace of the default size, or of the size given (the command line's benchmarks ask for others). */
  createDemo(industry: Industry, onProgress?: ProgressListener, size?: DemoSize): Promise<WorkspaceSummary>;
  summary(): Promise<WorkspaceSummary>;
  /** For each strategy, whether the workspace holds the data it needs, and what would unlock it. */
  readiness(): Promise<Readiness>;
  renameWorkspace(name: string): Promise<WorkspaceSummary>;
  /**
   * A first look at a file to import: layout, kind, proposed mapping and sample rows, and the
   * preset saved for files with this header, if any. Writes nothing.
   */
  previewImport(
    file: Blob | Uint8Array,
    name: string,
    options?: PreviewOptions,
  ): Promise<Result<ImportPreviewWithPreset, ImportFailure>>;
  /**
   * Imports a file in one transaction; progress is in bytes of the file. On a failure or a cancel
   * the workspace is exactly as before. Other calls wait until the import has finished.
   */
  runImport(
    file: Blob | Uint8Array,
    name: string,
    choices: ImportChoices,
    onProgress?: ProgressListener,
  ): Promise<ImportRunOutcome>;
  /** Stops the running import at its next chunk; it then ends with the failure "cancelled". */
  cancelImport(): Promise<void>;
  /** The rows the last import rejected, as CSV text with their row numbers and reasons. */
  rejectedRowsCsv(): Promise<string>;
  /** The rows the last import rejected, with the file's column names, for a caller that writes them its own way. */
  rejectedRows(): Promise<RejectedRows>;
  /** Every import into the workspace, newest first, and which one can be undone. */
  importHistory(): Promise<ImportHistoryEntry[]>;
  /** Puts the workspace back as it was before the last import; fails with a message when there is none to undo. */
  undoLastImport(): Promise<UndoImportOutcome>;
  /**
   * Runs one analysis, or answers from the workspace's cache when the data it reads has not changed
   * since. A computed result is stored in the workspace (so the summary's revision moves on).
   */
  runAnalysis<N extends AnalysisName>(
    name: N,
    params: ParamsOf<N>,
    onProgress?: ProgressListener,
  ): Promise<AnalysisRunOutcome<N>>;
  /** The customers (and their orders) behind one row of an analysis, a page at a time. */
  drilldown(request: DrilldownRequest, window: PageWindow): Promise<DrilldownPage>;
  /** A customer's latest orders with their lines. */
  customerOrders(customerId: string): Promise<CustomerOrderDetail[]>;
  /** The workspace's plans, active and archived, most recently changed first. */
  listPlans(): Promise<PlanSummary[]>;
  /** A plan with its document, checked against the plan schema; a document that fails gives a message, not a crash. */
  getPlan(planId: string): Promise<Result<PlanRecord, string>>;
  createPlan(document: PlanDocument): Promise<PlanWriteOutcome>;
  /** Saves a new revision; refused when the plan is no longer at `expectedRevision`. An unchanged document saves nothing. */
  savePlan(planId: string, document: PlanDocument, expectedRevision: number): Promise<PlanWriteOutcome>;
  renamePlan(planId: string, name: string): Promise<PlanWriteOutcome>;
  /** A copy named "… (copy)" unless a name is given. */
  duplicatePlan(planId: string, name?: string): Promise<PlanWriteOutcome>;
  archivePlan(planId: string, archived: boolean): Promise<PlanWriteOutcome>;
  /** Deletes a plan; what it returns, handed to `restorePlan`, undoes the delete. */
  deletePlan(planId: string): Promise<PlanDeleteOutcome>;
  restorePlan(deleted: DeletedPlan): Promise<PlanWriteOutcome>;
  /** The plan's revisions, newest first. */
  planRevisions(planId: string): Promise<Result<PlanRevision[], string>>;
  planAtRevision(planId: string, revision: number): Promise<Result<PlanDocument, string>>;
  /** What the planning steps show for this (possibly unsaved) document of the plan: advice, audience, proposals, previews, schedule, pilot. */
  planView(planId: string, document: PlanDocument): Promise<PlanView>;
  /** The pitfall checklist for this (possibly unsaved) document of the plan, its acknowledgements, and whether they block the export. */
  planChecklist(planId: string, document: PlanDocument): Promise<ChecklistReport>;
  /** Accepts a failing check's finding for the plan with a written reason (at least a few words) and who accepts it; again for the same check replaces it. */
  acknowledgeCheck(planId: string, checkId: string, reason: string, by: string): Promise<AcknowledgementOutcome>;
  withdrawAcknowledgement(planId: string, checkId: string): Promise<AcknowledgementOutcome>;
  /**
   * A saved plan as a file: the report (HTML or Markdown, printing the plan's checklist unless one is given),
   * the plan document, the audience or evidence CSV, or the pilot's calendar. Progress counts the
   * audience file's rows. Fails with a message when the plan lacks what the format needs. An
   * audience file changes the workspace (and moves the revision on) unless the pilot's sends are already
   * recorded: it keeps the pilot's draw, for a send log read later.
   */
  exportPlan(
    planId: string,
    format: ExportFormat,
    onProgress?: ProgressListener,
  ): Promise<Result<ExportedFile, string>>;
  /** Records the pilot's sends from the audience file it was sent from or the email tool's send log, replacing any recorded before. */
  recordPilotSends(planId: string, file: Blob | Uint8Array): Promise<PilotSendsOutcome>;
  /** The pilot's measures, treatment against control, and the verdict; a message when there is nothing to measure yet. */
  pilotResults(planId: string): Promise<Result<PilotResults, string>>;
  /** The agency branding exported reports carry, set once per workspace. */
  getBranding(): Promise<Branding>;
  setBranding(branding: Branding): Promise<Result<Branding, string>>;
  /** The classroom exercises of the demo this workspace was made from; none for other workspaces. */
  listExercises(): Promise<ExerciseView[]>;
  /** Checks an answer against the workspace's data and records the attempt in the workspace. */
  checkExercise(exerciseId: string, answer: string): Promise<ExerciseWriteOutcome<ExerciseCheck>>;
  /** Forgets the attempts and puts back what the exercise works on. */
  resetExercise(exerciseId: string): Promise<ExerciseWriteOutcome>;
  /** The whole workspace as SQLite bytes, for the Host to write. */
  exportBytes(): Promise<Uint8Array>;
  closeWorkspace(): Promise<void>;
}

export type DemoSize = Omit<DemoOptions, 'onProgress'>;

export interface RejectedRows {
  /** The file's column names, as its header row gives them; none for a file without one. */
  headers: string[];
  rows: RejectedRow[];
}

/** `preset` is null when no workspace is open, the file has no header row, or the preset is for another kind than the one asked for. */
export type ImportPreviewWithPreset = ImportPreview & { preset: MappingPreset | null };

export type UndoImportOutcome =
  { ok: true; undone: UndoneImport; summary: WorkspaceSummary } | { ok: false; message: string };

export type AnalysisRunOutcome<N extends AnalysisName> =
  ({ ok: true; summary: WorkspaceSummary } & AnalysisAnswer<N>) | ({ ok: false } & AnalysisFailure);

export type PlanWriteOutcome =
  { ok: true; plan: PlanRecord; summary: WorkspaceSummary } | { ok: false; message: string };
export type AcknowledgementOutcome =
  { ok: true; acknowledged: Acknowledgement[]; summary: WorkspaceSummary } | { ok: false; message: string };
export type PilotSendsOutcome =
  ({ ok: true; summary: WorkspaceSummary } & RecordedSends) | { ok: false; message: string; problems: string[] };
export type ExerciseWriteOutcome<T = object> =
  ({ ok: true; exercise: ExerciseView; summary: WorkspaceSummary } & T) | { ok: false; message: string };
export type PlanDeleteOutcome =
  { ok: true; deleted: DeletedPlan; summary: WorkspaceSummary } | { ok: false; message: string };

export type ImportRunOutcome =
  | { ok: true; report: ImportReport; summary: WorkspaceSummary }
  /** `preview` is the import's first look at the file (its format, kind and mapping), when it got that far. */
  | { ok: false; failure: ImportFailure; report: ImportReport | null; preview: ImportPreview | null };
