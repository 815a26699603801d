import type { ChecklistReport } from '../../core/plan/checklist-report';
import type { PlanRecord } from '../../core/plan/plan-document';
import { EXIT, parseCommandLine, required, type CliOutput, type Command } from '../cli-support';
import { withNamedPlan } from '../workspace-file';
import { ACCEPTED_CHECK_WORDS, CHECK_STATUS_WORDS, PLAN_STEP_TITLES } from '../../core/vocabulary';

/** `check --workspace W.xsell --plan NAME`: runs a plan's pitfall checklist, as the app does before an export. */

const CHECK_USAGE = `Usage: npm run cli -- check --workspace W.xsell --plan NAME [--json]

Runs the pitfall checklist on a saved plan and prints every check with its status and the finding
behind it, and the failing checks someone acknowledged with a reason. Writes nothing.

  --workspace W.xsell  the workspace (it must exist)
  --plan NAME          the plan to check, by name
  --json               print JSON: { plan, checks, acknowledged, blocked }

Exit code 0 when no check fails, or every failing one is acknowledged; 1 when a check fails
unacknowledged (the plan cannot be exported) or there is no plan of that name; 2 when W cannot be
read or is not a workspace.`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'Run a plan’s pitfall checklist; exit code 1 while a check fails unacknowledged',
  usage: CHECK_USAGE,

  async run(args, io) {
    const { values } = parseCommandLine(args, {
      workspace: { type: 'string', short: 'w' },
      plan: { type: 'string' },
      json: { type: 'boolean' },
    });
    const workspace = required(values.workspace, 'workspace');
    const name = required(values.plan, 'plan');

    return withNamedPlan(workspace, name, { command: 'check', use: 'reads' }, io, async ({ engine }, plan) => {
      const report = await engine.plans.checklist(plan.planId, plan.document);
      if (values.json) {
        const { checks, acknowledged, blocked } = report;
        io.out(
          JSON.stringify(
            {
              plan: { planId: plan.planId, name: plan.document.name, revision: plan.revision },
              checks,
              acknowledged,
              blocked,
            },
            null,
            2,
          ),
        );
      } else {
        printReport(plan, report, io);
      }
      return report.blocked ? EXIT.failed : EXIT.ok;
    });
  },
};

function printReport(plan: PlanRecord, report: ChecklistReport, io: CliOutput): void {
  const { counts, unacknowledged } = report.summary;
  const accepted = new Set(report.acknowledged.map((a) => a.checkId));
  const width = Math.max(...report.checks.map((c) => c.title.length));
  const lines = [
    `Checklist for “${plan.document.name}” (${plan.planId}, revision ${plan.revision}): ${counts.pass} pass, ${counts.warn} warn, ${counts.fail} fail`,
    '',
    ...report.checks.flatMap((c) => [
      `  ${(c.status === 'fail' && accepted.has(c.id) ? ACCEPTED_CHECK_WORDS : CHECK_STATUS_WORDS[c.status]).tag.padEnd(4)}  ${c.title.padEnd(width)}  ${c.evidence}`,
      ...(c.status === 'pass'
        ? []
        : [`        ${''.padEnd(width)}  Fix it in the ${PLAN_STEP_TITLES[c.step]} step. (${c.id})`]),
    ]),
  ];
  if (report.acknowledged.length > 0) {
    lines.push('', 'Acknowledged:');
    for (const a of report.acknowledged)
      lines.push(`  ${a.checkId}: “${a.reason}” (${a.acknowledgedBy ?? 'unnamed'}, ${a.acknowledgedAt.slice(0, 10)})`);
  }
  lines.push(
    '',
    unacknowledged.length > 0
      ? `The plan cannot be exported: ${unacknowledged.length === 1 ? 'a check fails' : `${unacknowledged.length} checks fail`} without an acknowledgement (${unacknowledged.map((c) => c.id).join(', ')}). Fix ${unacknowledged.length === 1 ? 'it' : 'them'}, or acknowledge ${unacknowledged.length === 1 ? 'it' : 'them'} with a reason in the app.`
      : 'Nothing blocks the export.',
  );
  io.out(lines.join('\n'));
}
