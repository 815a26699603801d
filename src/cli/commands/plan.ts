import { readFile } from 'node:fs/promises';
import type { MomentAudienceView } from '../../core/plan/moment-catalogue';
import { CHANNEL_WORDS, MOMENT_TITLES, STRATEGY_TITLES } from '../../core/vocabulary';
import { exportedPlanJson, parsePlanDocument } from '../../core/plan/plan-documents';
import { findPlanByName, type PlanSummary } from '../../core/plan/plan-store';
import type { PlanSchedule } from '../../core/plan/schedule';
import type { PilotSizing } from '../../core/plan/pilot';
import { writeFileAtomic } from '../../node/atomic-write';
import { CHANNEL_IDS, type PlanDocument, type PlanRecord } from '../../core/plan/plan-document';
import type { EngineApi } from '../../shared/engine-api';
import {
  EXIT,
  parseCommandLine,
  required,
  unreadableFile,
  UsageError,
  type CliOutput,
  type Command,
} from '../cli-support';
import { planNamed, withWorkspace, type WorkspaceFile } from '../workspace-file';

/**
 * `plan --workspace W.xsell ...`: creates or updates a plan from a plan document, lists the plans,
 * shows one, or exports one as a document (to apply to another workspace as a template).
 */

const PLAN_USAGE = `Usage: npm run cli -- plan --workspace W.xsell --from PLAN.json [--name NAME] [--json]
       npm run cli -- plan --workspace W.xsell --list [--json]
       npm run cli -- plan --workspace W.xsell --show NAME [--json]
       npm run cli -- plan --workspace W.xsell --export NAME --out PLAN.json

Creates, lists, shows and exports the plans in a workspace. A plan document is the JSON file
--export writes; applied to another workspace, it serves as a template: recommendations naming
products that workspace does not have are taken out, the rest wait for a new review there, and
the client, approver, sign-off, start date and consent basis are cleared. Each change is listed.

  --workspace W.xsell  the workspace (it must exist)
  --from PLAN.json     create a plan from a plan document, or update the active plan of the same name
  --name NAME          with --from: the name to give the plan instead of the document's
  --list               list the plans, active and archived, most recently changed first
  --show NAME          print a plan, with its moment's audience as of its start date
  --export NAME        write a plan's document to the file given with --out
  --out PLAN.json      with --export: the file to write (a file already there is kept as PLAN.json.bak)
  --json               print JSON instead of text (with --from, --list and --show)

Exit code 1 when the plan document is not valid or there is no plan of that name, 2 when a file
cannot be read or W is not a workspace.`;

const MODES = ['from', 'list', 'show', 'export'] as const;

export const planCommand: Command = {
  name: 'plan',
  summary: 'Create, update, list, show and export the plans in a workspace',
  usage: PLAN_USAGE,

  async run(args, io) {
    const { values } = parseCommandLine(args, {
      workspace: { type: 'string', short: 'w' },
      from: { type: 'string' },
      name: { type: 'string' },
      list: { type: 'boolean' },
      show: { type: 'string' },
      export: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    });
    const modes = MODES.filter((mode) => values[mode] !== undefined && values[mode] !== false);
    if (modes.length !== 1) throw new UsageError('Choose one of --from, --list, --show or --export.');
    const [mode] = modes;
    const workspace = required(values.workspace, 'workspace');
    if (values.name !== undefined && mode !== 'from') throw new UsageError('--name goes with --from.');
    if (values.out !== undefined && mode !== 'export') throw new UsageError('--out goes with --export.');
    if (mode === 'export' && !values.out) throw new UsageError('--export needs --out, the file to write the plan to.');
    if (mode === 'export' && values.json)
      throw new UsageError('--export writes the plan document itself; --json does not go with it.');
    const json = values.json ?? false;

    let document: PlanDocument | null = null;
    if (mode === 'from') {
      const read = await readPlanFile(required(values.from, 'from'));
      if (!read.ok) {
        io.err(read.message);
        return read.code;
      }
      document = values.name === undefined ? read.document : { ...read.document, name: values.name };
    }

    return withWorkspace(workspace, { command: 'plan', use: document ? 'writes' : 'reads' }, io, async (file) => {
      if (document) return applyPlan(file, document, json, io);
      if (mode === 'list') return printList(file.engine, workspace, json, io);
      const found = await planNamed(file.engine, values.show ?? values.export ?? '', workspace);
      if (typeof found === 'string') {
        io.err(found);
        return EXIT.failed;
      }
      if (mode === 'show') return showPlan(file.engine, found, json, io);
      const out = required(values.out, 'out');
      await writeFileAtomic(out, new TextEncoder().encode(exportedPlanJson(found.document)));
      io.out(`Wrote the plan “${found.document.name}” (revision ${found.revision}) to ${out}.`);
      return EXIT.ok;
    });
  },
};

type ReadPlan = { ok: true; document: PlanDocument } | { ok: false; code: number; message: string };

async function readPlanFile(path: string): Promise<ReadPlan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, code: EXIT.badFile, message: unreadableFile(path, error) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      code: EXIT.badFile,
      message: `${path} is not JSON, so it is not a plan document: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const parsed = parsePlanDocument(json);
  if (!parsed.ok) return { ok: false, code: EXIT.failed, message: `${path}: ${parsed.error}` };
  return { ok: true, document: parsed.value };
}

/**
 * Updates the active plan with the document's name, or creates one, once the document is checked
 * against this workspace; the workspace file is written once, whole.
 */
async function applyPlan(file: WorkspaceFile, document: PlanDocument, json: boolean, io: CliOutput): Promise<number> {
  const { engine, path: workspace } = file;
  const existing = findPlanByName(await engine.plans.list(), document.name);
  const updating = existing?.status === 'active';
  const written = await engine.plans.applyDocument(
    document,
    updating ? { planId: existing.planId, expectedRevision: existing.revision } : undefined,
  );
  if (!written.ok) {
    io.err(written.failure.message);
    return EXIT.failed;
  }
  const { plan, notes } = written;
  const changed = await file.saveIfChanged();
  const action = !changed ? 'unchanged' : updating ? 'updated' : 'created';
  if (json) {
    io.out(
      JSON.stringify(
        { action, planId: plan.planId, name: plan.document.name, revision: plan.revision, notes },
        null,
        2,
      ),
    );
  } else {
    const what = { created: 'Created', updated: 'Updated', unchanged: 'Nothing changed in' }[action];
    io.out(`${what} the plan “${plan.document.name}” (${plan.planId}, revision ${plan.revision}) in ${workspace}.`);
    if (notes.length > 0) io.out(['Changed to fit this workspace:', ...notes.map((note) => `  - ${note}`)].join('\n'));
  }
  return EXIT.ok;
}

async function printList(engine: EngineApi, workspace: string, json: boolean, io: CliOutput): Promise<number> {
  const plans = await engine.plans.list();
  if (json) {
    io.out(JSON.stringify(plans, null, 2));
    return EXIT.ok;
  }
  if (plans.length === 0) {
    io.out(`There are no plans in ${workspace} yet.`);
    return EXIT.ok;
  }
  const width = Math.max(4, ...plans.map((p) => p.name.length));
  io.out(
    [
      `${'Plan'.padEnd(width)}  ${'Status'.padEnd(8)}  ${'Revision'.padStart(8)}  ${'Changed'.padEnd(16)}  Strategy and moment`,
      ...plans.map(
        (p) =>
          `${p.name.padEnd(width)}  ${p.status.padEnd(8)}  ${String(p.revision).padStart(8)}  ${p.updatedAt.slice(0, 16).replace('T', ' ')}  ${stepsOf(p)}`,
      ),
    ].join('\n'),
  );
  return EXIT.ok;
}

const stepsOf = (p: PlanSummary) =>
  `${p.strategyId ? STRATEGY_TITLES[p.strategyId] : 'no strategy yet'}, ${p.momentId ? MOMENT_TITLES[p.momentId] : 'no moment yet'}`;

async function showPlan(engine: EngineApi, plan: PlanRecord, json: boolean, io: CliOutput): Promise<number> {
  const { audience, schedule, pilot } = await engine.plans.view(plan.planId, plan.document);
  if (json) {
    io.out(
      JSON.stringify(
        {
          ...plan,
          audience: audience && { asOf: audience.asOf, count: audience.count, daily: audience.daily },
          schedule,
          pilot: { reachable: pilot.audience, treatment: pilot.treatment, control: pilot.control, drawn: pilot.drawn },
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  io.out(planText(plan, audience, schedule, pilot));
  return EXIT.ok;
}

function planText(
  plan: PlanRecord,
  audience: MomentAudienceView | null,
  schedule: PlanSchedule | null,
  pilot: PilotSizing,
): string {
  const d = plan.document;
  const approved = d.recommendations.items.filter((r) => r.decision === 'approved');
  const sends = d.channels.sends.map((s) => `${CHANNEL_WORDS[s.channel].title} after ${s.offsetHours} h`).join(', ');
  const lines = [
    `${d.name} (${plan.planId}, ${plan.status}, revision ${plan.revision}, changed ${plan.updatedAt.slice(0, 16).replace('T', ' ')})`,
    `  client            ${d.client || '–'}`,
    `  objective         ${d.objective || '–'}`,
    `  approver          ${d.approver || '–'}`,
    `  strategy          ${d.strategy.id ? STRATEGY_TITLES[d.strategy.id] : '–'}`,
    `  moment            ${d.moment.id ? MOMENT_TITLES[d.moment.id] : '–'}${d.moment.startDate ? `, starting ${d.moment.startDate}` : ''}`,
    `  audience          ${audience ? `${audience.count} ${audience.count === 1 ? 'customer' : 'customers'} as of ${audience.asOf.slice(0, 10)}; ${audienceRange(audience)}` : 'none until the plan has a moment'}`,
    `  recommendations   ${approved.length} approved of ${d.recommendations.items.length}`,
    ...approved.map((r) => `    ${r.anchor ? `${r.anchor.label} -> ` : ''}${r.recommended.label}`),
    `  offer             ${d.offer.kind === 'percent' ? `${d.offer.percent} % off with ${d.offer.code || 'no code'}, for ${d.offer.expiresAfterDays} days` : 'none'}`,
    `  sends             ${sends || 'none'}; at most ${d.channels.frequencyCap.messages} messages in ${d.channels.frequencyCap.days} days`,
    `  schedule          ${schedule ? scheduleText(schedule) : 'none until the plan has a moment'}`,
    `  pilot             ${Math.round(d.pilot.audienceShare * 100)} % of the customers it can reach, ${Math.round(d.pilot.controlShare * 100)} % of them held back, for ${d.pilot.durationDays} days: ${pilot.treatment.toLocaleString('en-US')} treated and ${pilot.control.toLocaleString('en-US')} in control${pilot.drawn ? '' : ' (projected)'}`,
  ];
  return lines.join('\n');
}

function scheduleText(schedule: PlanSchedule): string {
  const totals = CHANNEL_IDS.filter((c) => schedule.totals[c] > 0).map((c) => `${schedule.totals[c]} ${c}`);
  return `expected sends over the 30 days from ${schedule.startDate}: ${totals.length ? totals.join(', ') : 'none'}\n                    ${schedule.explanation}`;
}

function audienceRange(audience: MomentAudienceView): string {
  const counts = audience.daily.map((d) => d.count);
  return counts.length
    ? `${Math.min(...counts)} to ${Math.max(...counts)} a day over the ${counts.length} days from then`
    : 'no daily figures';
}
