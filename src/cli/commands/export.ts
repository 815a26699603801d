import { EXPORT_FORMATS, isExportFormat } from '../../core/export/export-plan';
import { writeFileAtomic } from '../../node/atomic-write';
import { WorkspaceInUseError } from '../../node/workspace-lock';
import { EXIT, parseCommandLine, required, UsageError, type Command } from '../cli-support';
import { withNamedPlan } from '../workspace-file';

/** `export --workspace W.xsell --plan NAME --format F --out FILE`: writes one plan as a file. */

const EXPORT_USAGE = `Usage: npm run cli -- export --workspace W.xsell --plan NAME --format FORMAT --out FILE

Writes a plan as a file. The file is written whole or not at all; a file already there is kept as FILE.bak.

  --workspace W.xsell  the workspace (it must exist)
  --plan NAME          the plan to export, by name
  --format FORMAT      one of:
                         html          the plan report, to open in a browser or print to PDF
                         md            the plan report in Markdown
                         json          the plan document, to use as a template in another workspace
                         audience-csv  one row per planned send of the pilot, for an email or SMS tool;
                                       the workspace keeps the pilot's draw and is saved, so an email
                                       tool's send log can be measured against this control group later
                         evidence-csv  the recommendations and the measures behind them
                         ics           the pilot's milestones as a calendar
  --out FILE           the file to write

Exit code 1 when there is no plan of that name or it lacks what the format needs, 2 when W cannot
be read or is not a workspace.`;

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write a plan as a report, plan document, audience or evidence CSV, or calendar',
  usage: EXPORT_USAGE,

  async run(args, io) {
    const { values } = parseCommandLine(args, {
      workspace: { type: 'string', short: 'w' },
      plan: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    });
    const workspace = required(values.workspace, 'workspace');
    const name = required(values.plan, 'plan');
    const format = required(values.format, 'format');
    const out = required(values.out, 'out');
    if (!isExportFormat(format))
      throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}; got "${format}".`);

    return withNamedPlan(
      workspace,
      name,
      { command: 'export', use: format === 'audience-csv' ? 'may-keep' : 'reads' },
      io,
      async (file, plan) => {
        const exported = await file.engine.exports.plan(plan.planId, format);
        if (!exported.ok) {
          io.err(exported.failure.message);
          return EXIT.failed;
        }
        await writeFileAtomic(out, new TextEncoder().encode(exported.file.data));
        io.out(`Wrote the plan “${plan.document.name}” as ${format} to ${out}.`);
        if (format !== 'audience-csv') return EXIT.ok;
        // The engine changes the workspace only to keep the draw, which it does until sends are read against one.
        const kept = await file.saveIfChanged().catch((error: unknown) => {
          if (!(error instanceof WorkspaceInUseError)) throw error;
          io.err(`The pilot's draw was not kept in ${workspace}. ${error.message}`);
          return null;
        });
        if (kept === null) return EXIT.ok;
        if (kept) {
          io.out(
            `${workspace} keeps the pilot's draw, to compare an email tool's send log with this control group later.`,
          );
        } else {
          io.out(
            `The pilot's sends are already recorded, so ${workspace} keeps the draw they were read against, not this file's.`,
          );
        }
        return EXIT.ok;
      },
    );
  },
};
