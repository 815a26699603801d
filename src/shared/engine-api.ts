import type { ProgressListener } from '../core/util/progress';
import type { AnalysisAnswer, AnalysisName, ParamsOf } from '../core/analysis/catalogue';
import type { CustomerOrderDetail, DrilldownPage, DrilldownRequest, PageWindow } from '../core/analysis/drilldown';
import type { ImportChoices } from '../core/import/import-file';
import type { ImportFailureCode } from '../core/import/failure';
import type { ImportHistoryEntry } from '../core/import/history';
import type { MappingPreset } from '../core/import/presets';
import type { ImportPreview, PreviewOptions } from '../core/import/preview';
import type { ImportReport } from '../core/import/report';
import type { FileSetChoices } from '../core/import/load-set';
import type { FileSetReport, SetFileSummary } from '../core/import/set-report';
import type { UndoneImport } from '../core/import/undo';
import type { RejectedRow } from '../core/import/validate';
import type { WorkbookSheets } from '../core/import/workbook';
import type { DemoOptions } from '../core/demo/generate-workspace';
import type { Branding } from '../core/export/branding';
import type { ExerciseCheck } from '../core/exercises/exercise';
import type { ExerciseView } from '../core/exercises/catalogue';
import type { ExportedFile, ExportFormat } from '../core/export/export-plan';
import type { DeletedPlan, PlanRevision, PlanSummary } from '../core/plan/plan-store';
import type { Acknowledgement } from '../core/plan/acknowledgements';
import type { ChecklistReport } from '../core/plan/checklist-report';
import type { PlanView } from '../core/plan/plan-view';
import type { ManualRecommendation, ProductMatch } from '../core/plan/product-search';
import type { PilotResults } from '../core/results/result-types';
import type { RecordedSends } from '../core/results/sends-file';
import type { PlanDocument, PlanRecord } from '../core/plan/plan-document';
import type { Readiness } from '../core/analysis/readiness-types';
import type { Industry, OpenFailureKind, WorkspaceSummary } from '../core/store/workspace-types';

/**
 * The data engine's API, declared once: the Web Worker exposes it over RPC, the CLI and the
 * Node specs call the same implementation directly. It holds at most one open workspace.
 */
export interface EngineApi {
  workspace: WorkspaceApi;
  imports: ImportsApi;
  analyses: AnalysesApi;
  plans: PlansApi;
  exports: ExportsApi;
  pilot: PilotApi;
  exercises: ExercisesApi;
}

export interface WorkspaceApi {
  create(name: string): Promise<WorkspaceSummary>;
  /**
   * Opens workspace bytes; the bytes are checked first and never written back by opening.
   * `warnings` names stored values not in the shape the app writes, which are left out.
   */
  open(bytes: Uint8Array): Promise<Outcome<{ value: WorkspaceSummary; warnings: string[] }, OpenFailureKind>>;
  /**
   * Opens a copy of workspace bytes without the triggers, views, tables and indexes the app did not
   * put there (`removed` names them), for the user who agreed after `open` refused them. The bytes
   * are left as they are; the copy is a new workspace to save under a new name.
   */
  openCleaned(
    bytes: Uint8Array,
  ): Promise<Outcome<{ value: WorkspaceSummary; removed: string[]; warnings: string[] }, OpenFailureKind>>;
  /** A demo workspace of the default size, or of the size given (the command line's benchmarks ask for others). */
  createDemo(industry: Industry, onProgress?: ProgressListener, size?: DemoSize): Promise<WorkspaceSummary>;
  summary(): Promise<WorkspaceSummary>;
  /** For each strategy, whether the workspace holds the data it needs, and what would unlock it. */
  readiness(): Promise<Readiness>;
  rename(name: string): Promise<WorkspaceSummary>;
  /** The whole workspace as SQLite bytes, for the Host to write. */
  toBytes(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface ImportsApi {
  /**
   * A first look at a file to import: layout, kind, proposed mapping and sample rows, and the
   * preset saved for files with this header, if any. Writes nothing.
   */
  preview(
    file: Blob | Uint8Array,
    name: string,
    options?: PreviewOptions,
  ): Promise<Outcome<{ value: ImportPreviewWithPreset }, ImportFailureCode>>;
  /**
   * Imports a file in one transaction; progress is in bytes of the file. On a failure or a cancel
   * the workspace is exactly as before. Other calls wait until the import has finished.
   */
  run(
    file: Blob | Uint8Array,
    name: string,
    choices: ImportChoices,
    onProgress?: ProgressListener,
  ): Promise<ImportRunOutcome>;
  /** A first look at files picked together: what each holds or why it is left out, in the order they would go in. Writes nothing. */
  previewSet(files: PickedFile[], choices?: FileSetChoices): Promise<SetFileSummary[]>;
  /**
   * Imports files picked together as one import (one record in the history, undone as one), in one
   * transaction; progress is in bytes of all the files. On a failure or a cancel nothing changes.
   */
  runSet(files: PickedFile[], choices: FileSetChoices, onProgress?: ProgressListener): Promise<ImportSetOutcome>;
  /** Stops the running import at its next chunk; it then ends with the failure "cancelled". */
  cancel(): Promise<void>;
  /** The rows the last import rejected, as CSV text with their row numbers and reasons. */
  rejectedRowsCsv(): Promise<string>;
  /** The rows the last import rejected, with the file's column names, for a caller that writes them its own way. */
  rejectedRows(): Promise<RejectedRows>;
  /** Every import into the workspace, newest first, and which one can be undone. */
  history(): Promise<ImportHistoryEntry[]>;
  /** Puts the workspace back as it was before the last import; fails with a message when there is none to undo. */
  undoLast(): Promise<UndoImportOutcome>;
}

export interface AnalysesApi {
  /**
   * Runs one analysis, or answers from the workspace's cache when the data it reads has not changed
   * since. A computed result is stored in the workspace (so the summary's revision moves on).
   */
  run<N extends AnalysisName>(
    name: N,
    params: ParamsOf<N>,
    onProgress?: ProgressListener,
  ): Promise<AnalysisRunOutcome<N>>;
  /** The customers (and their orders) behind one row of an analysis, a page at a time. */
  drilldown(request: DrilldownRequest, window: PageWindow): Promise<DrilldownPage>;
  /** A customer's latest orders with their lines. */
  customerOrders(customerId: string): Promise<CustomerOrderDetail[]>;
}

export interface PlansApi {
  /** The workspace's plans, active and archived, most recently changed first. */
  list(): Promise<PlanSummary[]>;
  /** A plan with its document, checked against the plan schema; a document that fails gives a message, not a crash. */
  get(planId: string): Promise<Outcome<{ value: PlanRecord }>>;
  create(document: PlanDocument): Promise<PlanWriteOutcome>;
  /**
   * A plan from a document made elsewhere (a template file), checked against this workspace first:
   * creates it, or saves it over the plan given. The notes say what was changed to fit this workspace.
   */
  applyDocument(
    document: PlanDocument,
    over?: { planId: string; expectedRevision: number },
  ): Promise<Outcome<{ plan: PlanRecord; notes: string[]; summary: WorkspaceSummary }>>;
  /** Saves a new revision; refused when the plan is no longer at `expectedRevision`. An unchanged document saves nothing. */
  save(planId: string, document: PlanDocument, expectedRevision: number): Promise<PlanWriteOutcome>;
  rename(planId: string, name: string): Promise<PlanWriteOutcome>;
  /** A copy named "… (copy)" unless a name is given. */
  duplicate(planId: string, name?: string): Promise<PlanWriteOutcome>;
  archive(planId: string, archived: boolean): Promise<PlanWriteOutcome>;
  /** Deletes a plan; what it returns, handed to `restore`, undoes the delete. */
  delete(planId: string): Promise<PlanDeleteOutcome>;
  restore(deleted: DeletedPlan): Promise<PlanWriteOutcome>;
  /** The plan's revisions, newest first. */
  revisions(planId: string): Promise<Outcome<{ value: PlanRevision[] }>>;
  atRevision(planId: string, revision: number): Promise<Outcome<{ value: PlanDocument }>>;
  /** What the planning steps show for this (possibly unsaved) document of the plan: advice, audience, proposals, previews, schedule, pilot. */
  view(planId: string, document: PlanDocument): Promise<PlanView>;
  /** The pitfall checklist for this (possibly unsaved) document of the plan, its acknowledgements, and whether they block the export. */
  checklist(planId: string, document: PlanDocument): Promise<ChecklistReport>;
  /** Accepts a failing check's finding for the plan with a written reason (at least a few words) and who accepts it; again for the same check replaces it. */
  acknowledge(planId: string, checkId: string, reason: string, by: string): Promise<AcknowledgementOutcome>;
  withdrawAcknowledgement(planId: string, checkId: string): Promise<AcknowledgementOutcome>;
  /** The workspace's products whose code or name holds every word of `query`, best first (at most `limit`, 20 unless given). */
  searchProducts(query: string, limit?: number): Promise<ProductMatch[]>;
  /** The two sides of a recommendation added by hand, named from the workspace; refused with a message when a product does not exist. */
  manualRecommendation(
    anchorId: string | null,
    recommendedId: string,
  ): Promise<Outcome<{ value: ManualRecommendation }>>;
}

export interface ExportsApi {
  /**
   * A saved plan as a file: the report (HTML or Markdown, printing the plan's checklist unless one is given),
   * the plan document, the audience or evidence CSV, or the pilot's calendar. Progress counts the
   * audience file's rows. Fails with a message when the plan lacks what the format needs. An
   * audience file changes the workspace (and moves the revision on) unless the pilot's sends are already
   * recorded: it keeps the pilot's draw, for a send log read later.
   */
  plan(
    planId: string,
    format: ExportFormat,
    onProgress?: ProgressListener,
  ): Promise<Outcome<{ file: ExportedFile; summary: WorkspaceSummary }>>;
  /** The agency branding exported reports carry, set once per workspace. */
  branding(): Promise<Branding>;
  setBranding(branding: Branding): Promise<Outcome<{ branding: Branding; summary: WorkspaceSummary }>>;
}

export interface PilotApi {
  /** Records the pilot's sends from the audience file it was sent from or the email tool's send log, replacing any recorded before. */
  recordSends(planId: string, file: Blob | Uint8Array): Promise<PilotSendsOutcome>;
  /** The pilot's measures, treatment against control, and the verdict; a message when there is nothing to measure yet. */
  results(planId: string): Promise<Outcome<{ value: PilotResults }>>;
}

export interface ExercisesApi {
  /** The classroom exercises of the demo this workspace was made from; none for other workspaces. */
  list(): Promise<ExerciseView[]>;
  /** Checks an answer against the workspace's data and records the attempt in the workspace. */
  check(exerciseId: string, answer: string): Promise<ExerciseWriteOutcome<ExerciseCheck>>;
  /** Forgets the attempts and puts back what the exercise works on. */
  reset(exerciseId: string): Promise<ExerciseWriteOutcome>;
}

/**
 * What a call that can fail answers: `ok: true` with its own fields (one answer in `value`, a
 * write's results beside the fresh workspace `summary`), or `ok: false` with the one failure shape.
 */
export type Outcome<S extends object, K extends string = FailureKind> = ({ ok: true } & S) | Failed<K>;

export type Failed<K extends string = FailureKind> = { ok: false; failure: EngineFailure<K> };

/** Why a call did not do what was asked; the workspace is left as it was. */
export interface EngineFailure<K extends string = FailureKind> {
  kind: K;
  /** One or two plain sentences for the user. */
  message: string;
  /** What was seen in the file, when that helps to fix it. */
  detail?: string;
  /** An import that stopped after reading its rows: what it read and rejected. */
  report?: ImportReport;
  /** The file of a set that stopped its import. */
  file?: string;
  /** An import's first look at the file (its format, kind and mapping), when it got that far. */
  preview?: ImportPreview;
  /** A workbook's sheets, when the question is which one to import. */
  sheets?: string[];
  /** A sends file's problems, one line each. */
  problems?: string[];
  /** A workspace refused for objects the app did not put there: whether `openCleaned` can open a copy without them. */
  canClean?: boolean;
}

/**
 * An open or import failure's own code, or else the area that refused: an analysis the data cannot
 * support, a plan or acknowledgement write, an export, a sends file, pilot results, branding, an
 * exercise, or an import undo.
 */
export type FailureKind =
  | OpenFailureKind
  | ImportFailureCode
  | 'analysis'
  | 'plan'
  | 'acknowledgement'
  | 'export'
  | 'sends'
  | 'results'
  | 'branding'
  | 'exercise'
  | 'undo';

export type DemoSize = Omit<DemoOptions, 'onProgress'>;

export interface RejectedRows {
  /** The file's column names, as its header row gives them; none for a file without one. */
  headers: string[];
  rows: RejectedRow[];
}

/** `preset` is null when no workspace is open, the file has no header row, or the preset is for another kind than the one asked for. */
/** `workbook` names the sheets of an Excel workbook and the one previewed; null for a CSV file. */
export type ImportPreviewWithPreset = ImportPreview & { preset: MappingPreset | null; workbook: WorkbookSheets | null };

/** A file picked with others: a Blob in the app, bytes in the CLI and specs. */
export interface PickedFile {
  file: Blob | Uint8Array;
  name: string;
}

export type ImportSetOutcome = Outcome<{ report: FileSetReport; summary: WorkspaceSummary }, ImportFailureCode>;
export type ImportRunOutcome = Outcome<{ report: ImportReport; summary: WorkspaceSummary }, ImportFailureCode>;
export type UndoImportOutcome = Outcome<{ undone: UndoneImport; summary: WorkspaceSummary }>;
export type AnalysisRunOutcome<N extends AnalysisName> = Outcome<AnalysisAnswer<N> & { summary: WorkspaceSummary }>;
export type PlanWriteOutcome = Outcome<{ plan: PlanRecord; summary: WorkspaceSummary }>;
export type PlanDeleteOutcome = Outcome<{ deleted: DeletedPlan; summary: WorkspaceSummary }>;
export type AcknowledgementOutcome = Outcome<{ acknowledged: Acknowledgement[]; summary: WorkspaceSummary }>;
export type PilotSendsOutcome = Outcome<RecordedSends & { summary: WorkspaceSummary }>;
export type ExerciseWriteOutcome<T = object> = Outcome<{ exercise: ExerciseView; summary: WorkspaceSummary } & T>;
