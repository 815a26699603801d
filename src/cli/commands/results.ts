import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { decodeTextFile } from '../../core/import/decode';
import { otherActivePlans } from '../../core/plan/plan-store';
import { loadPilotSends, recordPilotSends } from '../../core/results/pilot-sends';
import { readSendsFile, recordedSends, recordedSentence, type RecordedSends } from '../../core/results/sends-file';
import { measurePilot } from '../../core/results/measure';
import type { PilotResults, ResultMeasure } from '../../core/results/result-types';
import { writeFileAtomic } from '../../node/atomic-write';
import { EXIT, parseCommandLine, required, unreadableFile, type Command } from '../cli-support';
import { withNamedPlan } from '../workspace-file';
import { criterionLabel } from '../../core/vocabulary';

/** `results --workspace W.xsell --plan NAME`: a pilot's results, treatment against control, and the verdict. */

const RESULTS_USAGE = `Usage: npm run cli -- results --workspace W.xsell --plan NAME [--sends FILE.csv] [--json]

Measures a plan's pilot from its recorded sends and the orders in the workspace: each measure for
the treated and the control group, the difference with its 95 % interval, the plan's targets and
the verdict against its scale criteria. Import the orders since the start first (a normal import).

  --workspace W.xsell    the workspace (it must exist)
  --plan NAME            the plan, by name
  --sends FILE.csv       first record the pilot's sends (replacing any recorded before) from the
                         audience file the app exported, or from the email tool's send log (the
                         control group is then the plan's own hold-out); the workspace is saved
  --json                 print JSON: { plan, sends, results }

Exit code 0 when there are results, 1 when there is no plan of that name, no sends recorded for it
or the plan has no start date, 2 when a file cannot be read or W is not a workspace.`;

export const resultsCommand: Command = {
  name: 'results',
  summary: 'Measure a plan’s pilot, treatment against control, and give the verdict',
  usage: RESULTS_USAGE,

  async run(args, io) {
    const { values } = parseCommandLine(args, {
      workspace: { type: 'string', short: 'w' },
      plan: { type: 'string' },
      sends: { type: 'string' },
      json: { type: 'boolean' },
    });
    const workspace = required(values.workspace, 'workspace');
    const name = required(values.plan, 'plan');

    let sendsBytes: Uint8Array | null = null;
    if (values.sends !== undefined) {
      try {
        sendsBytes = await readFile(values.sends);
      } catch (error) {
        io.err(`Could not read ${values.sends}: ${unreadableFile(error)}`);
        return EXIT.badFile;
      }
    }
    return withNamedPlan(workspace, name, io, async (db, plan) => {
      let recorded: Recorded | null = null;
      if (sendsBytes !== null) {
        let read;
        try {
          read = readSendsFile(
            db,
            plan.planId,
            plan.document,
            otherActivePlans(db, plan.planId),
            decodeTextFile(sendsBytes),
          );
        } catch (error) {
          io.err(`${values.sends}: ${error instanceof Error ? error.message : String(error)}`);
          return EXIT.failed;
        }
        if (read.refusal !== null) {
          io.err([`${values.sends}: ${read.refusal}`, ...read.problems].join('\n'));
          return EXIT.failed;
        }
        recordPilotSends(db, plan.planId, read.sends);
        await writeFileAtomic(workspace, db.export());
        recorded = { ...recordedSends(read), file: basename(values.sends!) };
      }
      const sends = loadPilotSends(db, plan.planId);
      if (sends.length === 0) {
        io.err(
          `No sends are recorded for “${plan.document.name}” yet: give the audience file the pilot was sent from, or the email tool's send log, with --sends.`,
        );
        return EXIT.failed;
      }
      const results = measurePilot(db, plan.document, sends);
      if (!results) {
        io.err(`“${plan.document.name}” has no start date, so there is no pilot to measure.`);
        return EXIT.failed;
      }
      if (values.json)
        io.out(
          JSON.stringify(
            {
              plan: { planId: plan.planId, name: plan.document.name, revision: plan.revision },
              sends: recorded,
              results,
            },
            null,
            2,
          ),
        );
      else io.out(resultsText(results, recorded));
      return EXIT.ok;
    });
  },
};

type Recorded = RecordedSends & { file: string };

function value(m: ResultMeasure, n: number | null): string {
  if (n === null) return '–';
  if (m.unit === 'share') return `${Math.round(n * 1000) / 10} %`;
  return m.unit === 'days' ? `${Math.round(n * 10) / 10} days` : (Math.round(n * 100) / 100).toFixed(2);
}

function difference(m: ResultMeasure): string {
  const c = m.comparison;
  if (!c) return 'too few customers to compare';
  const scale = m.unit === 'share' ? 100 : 1;
  const unit = m.unit === 'share' ? ' points' : m.unit === 'days' ? ' days' : '';
  const r = (n: number) => String(Math.round(n * scale * 10) / 10);
  return `${c.difference > 0 ? '+' : ''}${r(c.difference)}${unit} (95 % interval ${r(c.low)} to ${r(c.high)}, p ${c.pValue < 0.001 ? '< 0.001' : `= ${c.pValue.toFixed(3)}`})`;
}

function resultsText(results: PilotResults, recorded: Recorded | null): string {
  const width = Math.max(...results.measures.map((m) => m.label.length));
  const lines = [
    ...(recorded
      ? [
          `${recordedSentence(recorded, recorded.file)} ${recorded.message}`,
          ...recorded.problems.map((p) => `  ${p}`),
          '',
        ]
      : []),
    `Results of “${results.planName}”, started ${results.startDate}; orders through ${results.dataThrough ?? '–'} (${results.daysOfData} days), both groups followed over the ${results.followUpDays} days from the start`,
    `  ${results.treatmentCustomers} treated, ${results.controlCustomers} in control; the plan needs ${results.requiredPerGroup ?? '–'} in each group`,
    '',
    `  ${'Measure'.padEnd(width)}  ${'Treated'.padStart(10)}  ${'Control'.padStart(10)}  ${'Target'.padStart(10)}  Difference`,
    ...results.measures.map(
      (m) =>
        `  ${m.label.padEnd(width)}  ${value(m, m.treatment).padStart(10)}  ${value(m, m.control).padStart(10)}  ${value(m, m.target).padStart(10)}  ${difference(m)}`,
    ),
    '',
    results.verdict.headline,
    ...results.verdict.criteria.map((c) => `  ${criterionLabel(c.met)}: ${c.reason}`),
    '',
    'These are associations over the pilot’s days between being sent the message and what customers bought.',
  ];
  return lines.join('\n');
}
