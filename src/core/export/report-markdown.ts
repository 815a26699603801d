import { tooLongMessage, type Drafts, type ProductCard } from '../plan/messages';
import { CHANNEL_IDS } from '../plan/plan-document';
import { CHANNEL_WORDS, CHECK_STATUS_WORDS, criterionLabel, FLAG_WARNINGS, SOURCE_LABELS } from '../vocabulary';
import { plainLines } from '../util/control-chars';
import type { PlanReport } from './plan-report';
import {
  acknowledgementOf,
  capText,
  dataRange,
  evidenceMeasures,
  measure,
  NEXT_STEPS,
  pilotLines,
  RESULT_HEADERS,
  resultLines,
  resultRows,
  RESULTS_CAVEAT,
  SECTION_TITLES,
  sendRule,
  variantChange,
  whole,
} from './report-format';

/** The plan report in Markdown: the same content as the HTML report, every value escaped. */

/**
 * Text that Markdown shows as written: punctuation that could start markup (emphasis, links,
 * inline HTML, tables, code, entities) is backslash-escaped, and so are line starts that would
 * make a heading or a list. Every kind of line break (a lone CR, U+2028 …) counts as one, so none
 * can start a line a viewer reads as markup; other control characters are removed.
 */
export function escapeMarkdown(text: string): string {
  return plainLines(text)
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?\w+;)/g, '\\&')
    .split('\n')
    .map((line) => line.replace(/^(\s*)([-+=#])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'))
    .join('\n');
}

const m = escapeMarkdown;
/** One table cell or list item: on one line. */
const inline = (text: string) => m(plainLines(text).replace(/\s*\n\s*/g, ' '));
const list = (items: readonly string[]) => (items.length ? items.map((i) => `- ${inline(i)}`).join('\n') : '_None._');
const block = (text: string) =>
  text.trim() ? m(plainLines(text).trim()).replace(/\n(?!\n)/g, '  \n') : '_Not filled in yet._';

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  if (!rows.length) return '_None._';
  const line = (cells: readonly string[]) => `| ${cells.map(inline).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

function cards(items: readonly ProductCard[]): string {
  return table(
    ['Product', 'Price', 'With the offer'],
    items.map((c) => [
      c.name,
      c.price === null ? '–' : c.price.toFixed(2),
      c.discountedPrice === null ? '–' : c.discountedPrice.toFixed(2),
    ]),
  );
}

function drafts(d: Drafts): string[] {
  const parts: string[] = [];
  if (d.email) {
    parts.push(
      '### Email',
      `**Subject:** ${inline(d.email.subject)}  \n**Preheader:** ${inline(d.email.preheader)}`,
      block(d.email.body),
      cards(d.email.cards),
      `**Button:** ${inline(d.email.callToAction)}`,
      ...(d.email.footer ? [`_${inline(d.email.footer)}_`] : []),
    );
  }
  if (d.sms)
    parts.push(
      '### SMS',
      inline(d.sms.text),
      inline(`${d.sms.segments.segments} segment(s), ${d.sms.segments.characters} characters`),
    );
  if (d.web) parts.push(`### Website: ${inline(d.web.slot)}`, `**${inline(d.web.headline)}**`, cards(d.web.cards));
  if (d.outreach) parts.push('### Outreach talking points', list(d.outreach.talkingPoints));
  if (d.unresolved.length) parts.push(inline(`${d.unresolved.length} token(s) could not be filled for this customer.`));
  for (const field of d.tooLong) parts.push(inline(tooLongMessage(field)));
  return parts.length ? parts : ['_No channel is switched on._'];
}

function variantTest(test: PlanReport['messages']['test']): string[] {
  if (!test.variable) return ['### A/B test', 'No A/B test: every customer in the pilot gets the drafts above.'];
  const intro = ['### A/B test: variant B', inline(variantChange(test.variable, test.variantB))];
  return test.drafts
    ? [
        ...intro,
        'Variant B for the same customer:',
        ...drafts(test.drafts).map((part) => part.replace(/^### /, '#### ')),
      ]
    : intro;
}

export function reportMarkdown(report: PlanReport): string {
  const { branding, plan, data, moment, recommendations, messages, timeline, checklist } = report;
  const h2 = (id: keyof typeof SECTION_TITLES) => `## ${SECTION_TITLES[id]}`;
  const parts: string[] = [
    `# ${inline(plan.name)}`,
    [
      branding.agencyName ? `**${inline(branding.agencyName)}**  ` : '',
      `Cross-sell campaign plan for **${inline(plan.client || '–')}**  `,
      `Approver: ${inline(plan.approver || '–')}  `,
      `Plan revision ${plan.revision}, saved ${plan.updatedAt.slice(0, 10)}; prepared ${report.generatedAt.slice(0, 10)}`,
    ]
      .filter(Boolean)
      .join('\n'),
    h2('summary'),
    inline(report.summary),
    h2('objective'),
    block(report.objective),
    h2('data'),
    inline(
      `From the workspace “${data.workspace}”. ${dataRange(data)}; audiences are taken as of ${data.asOf?.slice(0, 10) ?? '–'}.`,
    ),
    table(
      ['Customers', 'Products', 'Orders', 'Order lines', 'Events'],
      [[whole(data.customers), whole(data.products), whole(data.orders), whole(data.orderLines), whole(data.events)]],
    ),
    h2('strategy'),
    `**${inline(report.strategy.title ?? 'Not chosen yet')}**`,
    block(report.strategy.why),
    h2('moment'),
    `**${inline(moment.title ?? 'Not chosen yet')}**${moment.explanation ? ` – ${inline(moment.explanation)}` : ''}`,
    inline(`Trigger: ${moment.trigger || '–'}`),
    inline(`Start date: ${moment.startDate ?? '–'}`),
    table(
      ['Window or threshold', 'Value'],
      moment.settings.map((s) => [s.label, `${s.value} ${s.unit}`]),
    ),
    h2('audience'),
    `**${inline(report.audience.size === null ? 'No audience yet' : `${whole(report.audience.size)} customers`)}**`,
    ...(report.audience.explanation ? [inline(report.audience.explanation)] : []),
    h2('recommendations'),
    inline(
      `${recommendations.approved.length} approved, reviewed by ${recommendations.reviewedBy || 'nobody yet'}${recommendations.reviewedAt ? ` on ${recommendations.reviewedAt.slice(0, 10)}` : ''}; ${recommendations.proposedOrRejected} more proposed or rejected are left out. These are associations in past purchases, not proof that a message causes a purchase.`,
    ),
    table(
      ['Customers who bought', 'Are offered', 'Basis', 'Measures', 'Evidence', 'Flags'],
      recommendations.approved.map((r) => [
        r.anchor ?? '–',
        r.recommended,
        SOURCE_LABELS[r.source],
        evidenceMeasures(r.evidence),
        r.evidence?.note ?? '',
        r.flags.map((flag) => FLAG_WARNINGS[flag]).join('; ') || '–',
      ]),
    ),
    inline(`Offer: ${report.offer}`),
    h2('messages'),
    ...(messages.customer
      ? [
          inline(
            `Every draft as it reads for a sample customer from the audience: ${messages.customer.name ?? 'no name on record'} (${messages.customer.id}).`,
          ),
          ...(messages.drafts ? drafts(messages.drafts) : []),
        ]
      : ['_No audience customer to show the drafts for yet._']),
    ...variantTest(messages.test),
    h2('timeline'),
    list(timeline.sends.map(sendRule)),
    table(
      ['Week', ...CHANNEL_IDS.map((c) => CHANNEL_WORDS[c].title)],
      timeline.weeks.map((w) => [`${w.from} to ${w.to}`, ...CHANNEL_IDS.map((c) => whole(w[c]))]),
    ),
    ...(timeline.explanation ? [inline(timeline.explanation)] : []),
    h2('caps'),
    list(capText(report.caps)),
    h2('pilot'),
    list(pilotLines(report.pilot)),
    h2('metrics'),
    table(
      ['Metric', 'Baseline', 'Target', 'What it measures'],
      report.metrics.map((x) => [x.label, measure(x.baseline, x.unit), measure(x.target, x.unit), x.explanation]),
    ),
    h2('checklist'),
    checklist
      ? table(
          ['Check', 'Result', 'Evidence', 'Acknowledged because'],
          checklist.checks.map((c) => [
            c.title,
            CHECK_STATUS_WORDS[c.status].label,
            c.evidence,
            acknowledgementOf(report, c.id) ?? '–',
          ]),
        )
      : '_The checklist was not run for this export._',
    h2('next'),
    list(NEXT_STEPS),
    table(
      ['Date', 'Milestone'],
      report.milestones.map((x) => [x.date, x.title]),
    ),
    '### Scale criteria',
    list(report.scaleCriteria),
    ...(report.results
      ? [
          h2('results'),
          list(resultLines(report.results)),
          table(RESULT_HEADERS, resultRows(report.results)),
          '### Verdict',
          `**${inline(report.results.verdict.headline)}**`,
          list(report.results.verdict.criteria.map((c) => `${criterionLabel(c.met)}: ${c.reason}`)),
          `_${inline(RESULTS_CAVEAT)}_`,
        ]
      : []),
  ];
  return `${parts.join('\n\n')}\n`;
}
