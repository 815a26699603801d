import { tooLongMessage, type Drafts, type ProductCard } from '../plan/messages';
import { CHANNEL_IDS } from '../plan/plan-document';
import { CHANNEL_WORDS, CHECK_STATUS_WORDS, criterionLabel, FLAG_WARNINGS, SOURCE_LABELS } from '../vocabulary';
import { DEFAULT_BRANDING } from './branding';
import type { PilotResults } from '../results/result-types';
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
import { plainLines } from '../util/control-chars';

/**
 * The plan report as one standalone HTML document to open, send or print to PDF: inline CSS only,
 * no scripts and nothing loaded from elsewhere, every value escaped. Pure, so the app's window
 * can render it too.
 */

/** Markup characters as entities; line breaks of every kind as line feeds, other control characters removed. */
export function escapeHtml(text: string): string {
  return plainLines(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = escapeHtml;
const COLOR = /^#[0-9a-f]{6}$/i;
const LOGO = /^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;

const paragraphs = (text: string) =>
  text.trim()
    ? text
        .split(/\n{2,}/)
        .map((p) => `<p>${e(p).replace(/\n/g, '<br>')}</p>`)
        .join('')
    : '<p class="muted">Not filled in yet.</p>';
const list = (items: readonly string[]) =>
  items.length ? `<ul>${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>` : '<p class="muted">None.</p>';
const section = (id: keyof typeof SECTION_TITLES, body: string, pageBreak = false) =>
  `<section id="${id}"${pageBreak ? ' class="page"' : ''}><h2>${e(SECTION_TITLES[id])}</h2>${body}</section>`;

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  if (!rows.length) return '<p class="muted">None.</p>';
  return `<table><thead><tr>${headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function style(color: string): string {
  return `
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1d1d1f; margin: 0 auto; max-width: 820px; padding: 24px; }
h1 { font-size: 26pt; margin: 0 0 8px; }
h2 { color: ${color}; border-bottom: 2px solid ${color}; padding-bottom: 4px; margin-top: 28px; font-size: 15pt; }
h3 { font-size: 12pt; margin: 16px 0 6px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 9.5pt; }
th, td { border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; }
tr { break-inside: avoid; }
.cover { border-top: 14px solid ${color}; padding-top: 32px; min-height: 60vh; }
.cover .agency { color: ${color}; font-weight: 600; font-size: 13pt; }
.cover img { max-height: 64px; max-width: 240px; display: block; margin-bottom: 16px; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin-top: 24px; }
.cover dt { color: #555; }
.muted { color: #666; }
.draft { border: 1px solid #ccc; border-left: 4px solid ${color}; padding: 8px 12px; margin: 8px 0; break-inside: avoid; }
.status-fail { color: #a4000f; font-weight: 600; }
.status-warn { color: #8a5a00; font-weight: 600; }
.status-pass { color: #1b6e20; }
@media print {
  body { padding: 0; max-width: none; }
  .cover { break-after: page; }
  section.page { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
}`;
}

function cover(report: PlanReport): string {
  const { branding, plan } = report;
  const logo =
    branding.logo && LOGO.test(branding.logo)
      ? `<img src="${e(branding.logo)}" alt="${e(branding.agencyName || 'Agency logo')}">`
      : '';
  return `<header class="cover">${logo}${branding.agencyName ? `<div class="agency">${e(branding.agencyName)}</div>` : ''}
<h1>${e(plan.name)}</h1>
<p>Cross-sell campaign plan${plan.client ? ` for <strong>${e(plan.client)}</strong>` : ''}</p>
<dl><dt>Client</dt><dd>${e(plan.client || '–')}</dd><dt>Approver</dt><dd>${e(plan.approver || '–')}</dd><dt>Plan revision</dt><dd>${e(`${plan.revision}, saved ${plan.updatedAt.slice(0, 10)}`)}</dd><dt>Prepared</dt><dd>${e(report.generatedAt.slice(0, 10))}</dd></dl>
</header>`;
}

function cards(items: readonly ProductCard[]): string {
  return table(
    ['Product', 'Price', 'With the offer', 'Rating'],
    items.map((c) => [
      c.name,
      c.price === null ? '–' : c.price.toFixed(2),
      c.discountedPrice === null ? '–' : c.discountedPrice.toFixed(2),
      c.rating === null ? '–' : `${c.rating} (${c.reviewCount ?? 0} reviews)`,
    ]),
  );
}

function drafts(d: Drafts, h: 'h3' | 'h4' = 'h3'): string {
  const parts: string[] = [];
  if (d.email) {
    parts.push(
      `<${h}>Email</${h}><div class="draft"><p><strong>Subject:</strong> ${e(d.email.subject)}</p><p><strong>Preheader:</strong> ${e(d.email.preheader)}</p>${paragraphs(d.email.body)}${cards(d.email.cards)}<p><strong>Button:</strong> ${e(d.email.callToAction)}</p>${d.email.footer ? `<p class="muted">${e(d.email.footer)}</p>` : ''}</div>`,
    );
  }
  if (d.sms)
    parts.push(
      `<${h}>SMS</${h}><div class="draft"><p>${e(d.sms.text)}</p><p class="muted">${e(`${d.sms.segments.segments} segment(s), ${d.sms.segments.characters} characters`)}</p></div>`,
    );
  if (d.web)
    parts.push(
      `<${h}>Website: ${e(d.web.slot)}</${h}><div class="draft"><p><strong>${e(d.web.headline)}</strong></p>${cards(d.web.cards)}</div>`,
    );
  if (d.outreach)
    parts.push(`<${h}>Outreach talking points</${h}><div class="draft">${list(d.outreach.talkingPoints)}</div>`);
  if (d.unresolved.length)
    parts.push(
      `<p class="status-warn">${e(`${d.unresolved.length} token(s) could not be filled for this customer.`)}</p>`,
    );
  for (const field of d.tooLong) parts.push(`<p class="status-warn">${e(tooLongMessage(field))}</p>`);
  return parts.join('') || '<p class="muted">No channel is switched on.</p>';
}

function variantTest(test: PlanReport['messages']['test']): string {
  if (!test.variable) return '<h3>A/B test</h3><p>No A/B test: every customer in the pilot gets the drafts above.</p>';
  const intro = `<h3>A/B test: variant B</h3><p>${e(variantChange(test.variable, test.variantB))}</p>`;
  return test.drafts ? `${intro}<p>${e('Variant B for the same customer:')}</p>${drafts(test.drafts, 'h4')}` : intro;
}

function resultsSection(results: PilotResults): string {
  const verdict = `<h3>Verdict</h3><p><strong>${e(results.verdict.headline)}</strong></p>${list(results.verdict.criteria.map((c) => `${criterionLabel(c.met)}: ${c.reason}`))}`;
  return section(
    'results',
    `${list(resultLines(results))}${table(RESULT_HEADERS, resultRows(results))}${verdict}<p class="muted">${e(RESULTS_CAVEAT)}</p>`,
    true,
  );
}

export function reportHtml(report: PlanReport): string {
  const color = COLOR.test(report.branding.primaryColor) ? report.branding.primaryColor : DEFAULT_BRANDING.primaryColor;
  const { data, moment, recommendations, messages, timeline, checklist } = report;
  const body = [
    cover(report),
    section('summary', `<p>${e(report.summary)}</p>`),
    section('objective', paragraphs(report.objective)),
    section(
      'data',
      `<p>${e(`From the workspace “${data.workspace}”. ${dataRange(data)}; audiences are taken as of ${data.asOf?.slice(0, 10) ?? '–'}.`)}</p>${table(
        ['Customers', 'Products', 'Orders', 'Order lines', 'Events'],
        [[whole(data.customers), whole(data.products), whole(data.orders), whole(data.orderLines), whole(data.events)]],
      )}`,
    ),
    section(
      'strategy',
      `<p><strong>${e(report.strategy.title ?? 'Not chosen yet')}</strong></p>${paragraphs(report.strategy.why)}`,
    ),
    section(
      'moment',
      `<p><strong>${e(moment.title ?? 'Not chosen yet')}</strong>${moment.explanation ? ` – ${e(moment.explanation)}` : ''}</p><p>${e(`Trigger: ${moment.trigger || '–'}`)}</p><p>${e(`Start date: ${moment.startDate ?? '–'}`)}</p>${table(
        ['Window or threshold', 'Value'],
        moment.settings.map((s) => [s.label, `${s.value} ${s.unit}`]),
      )}`,
    ),
    section(
      'audience',
      `<p><strong>${e(report.audience.size === null ? 'No audience yet' : `${whole(report.audience.size)} customers`)}</strong></p>${report.audience.explanation ? `<p>${e(report.audience.explanation)}</p>` : ''}`,
    ),
    section(
      'recommendations',
      `<p>${e(`${recommendations.approved.length} approved, reviewed by ${recommendations.reviewedBy || 'nobody yet'}${recommendations.reviewedAt ? ` on ${recommendations.reviewedAt.slice(0, 10)}` : ''}; ${recommendations.proposedOrRejected} more proposed or rejected are left out. These are associations in past purchases, not proof that a message causes a purchase.`)}</p>${table(
        ['Customers who bought', 'Are offered', 'Basis', 'Measures', 'Evidence', 'Flags'],
        recommendations.approved.map((r) => [
          r.anchor ?? '–',
          r.recommended,
          SOURCE_LABELS[r.source],
          evidenceMeasures(r.evidence),
          r.evidence?.note ?? '',
          r.flags.map((flag) => FLAG_WARNINGS[flag]).join('; ') || '–',
        ]),
      )}<p>${e(`Offer: ${report.offer}`)}</p>`,
      true,
    ),
    section(
      'messages',
      `${messages.customer ? `<p>${e(`Every draft as it reads for a sample customer from the audience: ${messages.customer.name ?? 'no name on record'} (${messages.customer.id}).`)}</p>${messages.drafts ? drafts(messages.drafts) : ''}` : '<p class="muted">No audience customer to show the drafts for yet.</p>'}${variantTest(messages.test)}`,
      true,
    ),
    section(
      'timeline',
      `${list(timeline.sends.map(sendRule))}${table(
        ['Week', ...CHANNEL_IDS.map((c) => CHANNEL_WORDS[c].title)],
        timeline.weeks.map((w) => [`${w.from} to ${w.to}`, ...CHANNEL_IDS.map((c) => whole(w[c]))]),
      )}${timeline.explanation ? `<p>${e(timeline.explanation)}</p>` : ''}`,
      true,
    ),
    section('caps', list(capText(report.caps))),
    section('pilot', list(pilotLines(report.pilot)), true),
    section(
      'metrics',
      table(
        ['Metric', 'Baseline', 'Target', 'What it measures'],
        report.metrics.map((m) => [m.label, measure(m.baseline, m.unit), measure(m.target, m.unit), m.explanation]),
      ),
    ),
    section(
      'checklist',
      checklist
        ? `<table><thead><tr><th>Check</th><th>Result</th><th>Evidence</th><th>Acknowledged because</th></tr></thead><tbody>${checklist.checks
            .map(
              (c) =>
                `<tr><td>${e(c.title)}<br><span class="muted">${e(c.why)}</span></td><td class="status-${c.status}">${e(CHECK_STATUS_WORDS[c.status].label)}</td><td>${e(c.evidence)}</td><td>${e(acknowledgementOf(report, c.id) ?? '–')}</td></tr>`,
            )
            .join('')}</tbody></table>`
        : '<p class="muted">The checklist was not run for this export.</p>',
      true,
    ),
    section(
      'next',
      `${list(NEXT_STEPS)}${table(
        ['Date', 'Milestone'],
        report.milestones.map((m) => [m.date, m.title]),
      )}<h3>Scale criteria</h3>${list(report.scaleCriteria)}`,
    ),
    ...(report.results ? [resultsSection(report.results)] : []),
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${e(`${report.plan.name}${report.plan.client ? ` – ${report.plan.client}` : ''}`)}</title>
<style>${style(color)}</style>
</head>
<body>
${body.join('\n')}
<footer class="muted"><p>${e(`Prepared with Cross-Sell Planner on ${report.generatedAt.slice(0, 10)}.`)}</p></footer>
</body>
</html>
`;
}
