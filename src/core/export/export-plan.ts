import { planChecklist } from '../plan/checklist-report';
import { createMemo, type Memo } from '../plan/memo';
import { planAsOf } from '../plan/moment-catalogue';
import type { PlanDocument } from '../plan/plan-document';
import { noReachReason } from '../plan/reach';
import { planSchedule } from '../plan/schedule';
import { getPlan, otherActivePlans } from '../plan/plan-store';
import type { Database } from '../store/sqlite';
import { workspaceName } from '../store/workspace-summary';
import { fail, ok, type Result } from '../util/result';
import { keepExportedAudience } from '../results/exported-audience';
import { audienceRows, type AudienceRow } from '../plan/pilot-audience';
import { audienceCsv } from '../export/audience-csv';
import { getBranding } from './branding';
import { evidenceCsv } from './evidence-csv';
import { pilotIcs } from './pilot-ics';
import { planJson } from './plan-json';
import { planReport, type ReportChecklist } from './plan-report';
import { reportHtml } from './report-html';
import { reportMarkdown } from './report-markdown';

/** One plan exported in one of the formats: what the app saves and the command line writes. */

export const EXPORT_FORMATS = ['html', 'md', 'json', 'audience-csv', 'evidence-csv', 'ics'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  data: string;
}

export interface ExportOptions {
  /** The checklist the report prints; by default the saved plan's, with its acknowledgements. */
  checklist?: ReportChecklist;
  memo?: Memo;
  now?: Date;
  /** Rows of the audience file written so far, out of all; the other formats are quick. */
  onProgress?: (done: number, total: number) => void;
  /** Receives the audience file's rows once the file is made. */
  onAudience?: (rows: AudienceRow[]) => void;
}

const FILES: Record<ExportFormat, { suffix: string; mimeType: string }> = {
  html: { suffix: '.html', mimeType: 'text/html;charset=utf-8' },
  md: { suffix: '.md', mimeType: 'text/markdown;charset=utf-8' },
  json: { suffix: '.plan.json', mimeType: 'application/json' },
  'audience-csv': { suffix: '-audience.csv', mimeType: 'text/csv;charset=utf-8' },
  'evidence-csv': { suffix: '-evidence.csv', mimeType: 'text/csv;charset=utf-8' },
  ics: { suffix: '-pilot.ics', mimeType: 'text/calendar;charset=utf-8' },
};

export const isExportFormat = (value: string): value is ExportFormat =>
  (EXPORT_FORMATS as readonly string[]).includes(value);

/** Letters, digits and dashes only, so it is valid in a file name and a calendar id everywhere. */
const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);

export const exportFileName = (planName: string, format: ExportFormat): string =>
  `${slug(planName) || 'plan'}${FILES[format].suffix}`;

/**
 * A plan in one format, unless a failing check nobody accepted holds every export back. An
 * audience file is also kept in the workspace (the pilot's draw as exported), which is then
 * changed and must be saved: a send log read later is compared with the control group this file
 * held back.
 */
export function exportPlan(
  db: Database,
  planId: string,
  format: ExportFormat,
  options: ExportOptions = {},
): Result<ExportedFile, string> {
  const found = getPlan(db, planId);
  if (!found.ok) return found;
  const memo = options.memo ?? createMemo();
  const checklist =
    options.checklist ?? planChecklist(db, planId, found.value.document, otherActivePlans(db, planId), memo);
  const blocking = checklist.checks.filter(
    (c) => c.status === 'fail' && !checklist.acknowledged.some((a) => a.checkId === c.id),
  );
  if (blocking.length > 0) {
    const titles = blocking.map((c) => `“${c.title}”`).join(', ');
    return fail(
      `The plan fails ${blocking.length === 1 ? 'a check' : `${blocking.length} checks`} nobody has accepted: ${titles}. Fix the plan, or accept each with a written reason, before exporting it.`,
    );
  }
  const keep = (rows: AudienceRow[]) => keepExportedAudience(db, planId, rows, options.now ?? new Date());
  return renderPlanExport(db, planId, format, { ...options, checklist, memo, onAudience: keep });
}

/** Why the audience file would list nobody: an email tool given a header alone sends nothing, and nobody should think otherwise. */
function emptyAudienceReason(db: Database, plan: PlanDocument, others: readonly PlanDocument[], memo: Memo): string {
  const refused = 'The audience file was not made: it would list nobody.';
  const reason = noReachReason(plan, planSchedule(db, plan, others, memo));
  if (reason !== null) return `${refused} ${reason}`;
  return `${refused} None of the plan’s customers gets a message within the pilot’s first ${plan.pilot.durationDays} days, or the pilot takes none of them: check the pilot’s share and duration, and the channel plan.`;
}

/** The file itself, whatever the checklist says: for the gate above, and for specs of each format's content. */
export function renderPlanExport(
  db: Database,
  planId: string,
  format: ExportFormat,
  options: ExportOptions = {},
): Result<ExportedFile, string> {
  const found = getPlan(db, planId);
  if (!found.ok) return found;
  const record = found.value;
  const plan = record.document;
  const file = (data: string): Result<ExportedFile, string> =>
    ok({ fileName: exportFileName(plan.name, format), mimeType: FILES[format].mimeType, data });
  const now = options.now ?? new Date();
  const memo = options.memo ?? createMemo();
  const others = otherActivePlans(db, planId);

  switch (format) {
    case 'json':
      return file(planJson(plan));
    case 'evidence-csv':
      return file(evidenceCsv(plan));
    case 'audience-csv': {
      if (plan.moment.id === null)
        return fail('Choose the plan’s moment first: the audience file lists the customers it reaches.');
      const rows = audienceRows(db, plan, others, { ...options, memo });
      if (rows.length === 0) return fail(emptyAudienceReason(db, plan, others, memo));
      options.onAudience?.(rows);
      return file(audienceCsv(rows));
    }
    case 'ics': {
      const start = planAsOf(db, plan)?.slice(0, 10);
      if (!start) return fail('Set the plan’s start date first: the calendar counts the pilot’s milestones from it.');
      // Unique to this plan in this workspace, and the same on every export, so a re-import updates the events.
      const uidPrefix = `${planId}-${record.createdAt.replace(/\D/g, '')}-${slug(workspaceName(db))}`;
      return file(pilotIcs(plan, start, uidPrefix, now));
    }
    case 'html':
    case 'md': {
      const checklist = options.checklist ?? planChecklist(db, planId, plan, others, memo);
      const report = planReport(db, record, others, { branding: getBranding(db), checklist, memo, now });
      return file(format === 'html' ? reportHtml(report) : reportMarkdown(report));
    }
  }
}
