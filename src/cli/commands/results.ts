import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { RESULT_HEADERS, resultRows, RESULTS_CAVEAT } from '../../core/export/report-format';
import { recordedSends, recordedSentence, type RecordedSends } from '../../core/results/sends-file';
import type { PilotResults, ResultMeasure } from '../../core/results/result-types';
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
        io.err(unreadableFile(values.sends, error));
        return EXIT.badFile;
      }
    }
    return withNamedPlan(
      workspace,
      name,
      { command: 'results', use: sendsBytes ? 'writes' : 'reads' },
      io,
      async (file, plan) => {
        let recorded: Recorded | null = null;
        if (sendsBytes !== null) {
          const outcome = await file.engine.pilot.recordSends(plan.planId, sendsBytes);
          if (!outcome.ok) {
            io.err([`${values.sends}: ${outcome.failure.message}`, ...(outcome.failure.problems ?? [])].join('\n'));
            return EXIT.failed;
          }
          await file.saveIfChanged();
          recorded = { ...recordedSends(outcome), file: basename(values.sends!) };
        }
        const measured = await file.engine.pilot.results(plan.planId);
        if (!measured.ok) {
          io.err(measured.failure.message);
          return EXIT.failed;
        }
        const results = measured.value;
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
      },
    );
  },
};

type Recorded = RecordedSends & { file: string };

const pValue = (m: ResultMeasure) =>
  m.comparison ? (m.comparison.pValue < 0.001 ? '< 0.001' : m.comparison.pValue.toFixed(3)) : '–';

/** The app's table of measures, with each difference's p-value beside it. */
function measuresTable(results: PilotResults): string[] {
  const rows = [
    [...RESULT_HEADERS, 'p'],
    ...resultRows(results).map((row, i) => [...row, pValue(results.measures[i])]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map(
    (row) =>
      `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ')}`,
  );
}

function resultsText(results: PilotResults, recorded: Recorded | null): string {
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
    ...measuresTable(results),
    '',
    results.verdict.headline,
    ...results.verdict.criteria.map((c) => `  ${criterionLabel(c.met)}: ${c.reason}`),
    '',
    RESULTS_CAVEAT,
  ];
  return lines.join('\n');
}
