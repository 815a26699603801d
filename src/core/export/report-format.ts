import type { ChannelId, Recommendation } from '../plan/plan-document';
import type { TestVariable } from '../plan/variants';
import type { PilotResults, ResultMeasure } from '../results/result-types';
import { CHANNEL_WORDS, TEST_VARIABLE_TITLES } from '../vocabulary';
import type { PlanReport, ReportMetric } from './plan-report';

/** Words and numbers the HTML and Markdown reports share, so both say exactly the same. */

export const SECTION_TITLES = {
  summary: 'Summary',
  objective: 'Objective',
  data: 'Data used',
  strategy: 'Strategy and why',
  moment: 'Moment and window',
  audience: 'Audience',
  recommendations: 'Recommendations and their evidence',
  messages: 'Messages',
  timeline: 'Channel timeline',
  caps: 'Frequency caps and consent',
  pilot: 'Pilot design',
  metrics: 'Metrics, baselines and targets',
  checklist: 'Checklist',
  next: 'Next steps and scale criteria',
  results: 'Pilot results',
} as const;

/** What variant B of the A/B test changes, in a sentence. */
export function variantChange(variable: TestVariable, variantB: string): string {
  return `Half the treated customers get variant B, which changes the ${TEST_VARIABLE_TITLES[variable].toLowerCase()} to “${variantB}”.`;
}

export const whole = (n: number) => n.toLocaleString('en');
export const percentOf = (fraction: number) => `${Math.round(fraction * 1000) / 10} %`;

export function measure(value: number | null, unit: ReportMetric['unit']): string {
  if (value === null) return '–';
  if (unit === 'share') return percentOf(value);
  if (unit === 'days') return `${Math.round(value * 10) / 10} days`;
  return value.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The evidence's measures in one line, those it has only. */
export function evidenceMeasures(evidence: Recommendation['evidence']): string {
  if (!evidence) return 'No evidence from the data: added by a person.';
  const parts = [`${whole(evidence.count)} customers or orders`];
  if (evidence.support !== null) parts.push(`support ${percentOf(evidence.support)}`);
  if (evidence.confidence !== null) parts.push(`confidence ${percentOf(evidence.confidence)}`);
  if (evidence.lift !== null) parts.push(`lift ${evidence.lift.toFixed(2)}`);
  if (evidence.share !== null) parts.push(`share ${percentOf(evidence.share)}`);
  if (evidence.medianDays !== null) parts.push(`median ${evidence.medianDays} days later`);
  return parts.join(', ');
}

export function dataRange(data: PlanReport['data']): string {
  if (data.firstOrder && data.lastOrder) return `Orders from ${data.firstOrder} to ${data.lastOrder}`;
  return data.orders > 0 ? `${data.orders.toLocaleString('en')} orders, without dates` : 'No orders imported';
}

export function sendRule(send: { channel: ChannelId; offsetHours: number }): string {
  return `${CHANNEL_WORDS[send.channel].title} ${send.offsetHours} hours after the customer enters the moment`;
}

export function capText(caps: PlanReport['caps']): string[] {
  return [
    `At most ${caps.frequencyCap.messages} messages in any ${caps.frequencyCap.days} days per customer, counting every active plan.`,
    caps.quietHours
      ? `No messages between ${caps.quietHours.start} and ${caps.quietHours.end}; sends that fall then wait until the quiet hours end.`
      : 'No quiet hours.',
    caps.stopOn.length ? `Later messages stop after ${caps.stopOn.join(', ')}.` : 'No stop rules.',
    caps.consent,
    ...caps.reach,
  ];
}

export function pilotLines(pilot: PlanReport['pilot']): string[] {
  return [
    `${percentOf(pilot.audienceShare)} of the moment’s audience takes part; ${percentOf(pilot.controlShare)} of them form the control group, who get no message.`,
    `The groups are drawn with seed ${pilot.seed}, so the same customers fall in the same group every time.`,
    pilot.startDate && pilot.endDate
      ? `Runs for ${pilot.durationDays} days, from ${pilot.startDate} to ${pilot.endDate}.`
      : `Runs for ${pilot.durationDays} days.`,
    `Expected: ${whole(pilot.expectedCustomers)} customers, ${whole(pilot.treatment)} treated and ${whole(pilot.control)} in control.`,
    pilot.requiredPerGroup === null
      ? 'Sample size: not known yet.'
      : `Sample size: ${whole(pilot.requiredPerGroup)} customers per group detect a rise of ${percentOf(pilot.minimumDetectableEffect)} in acceptance${pilot.enough ? ' (the plan has enough).' : ' (the plan has fewer).'}`,
    pilot.explanation,
    pilot.duration,
  ];
}

/** The reason a check was accepted with, and by whom and when where known. */
export function acknowledgementOf(report: PlanReport, checkId: string): string | null {
  const ack = report.checklist?.acknowledged.find((a) => a.checkId === checkId);
  if (!ack) return null;
  const who = [ack.acknowledgedBy, ack.acknowledgedAt?.slice(0, 10)].filter(Boolean).join(', ');
  return who ? `${ack.reason} (${who})` : ack.reason;
}

export const NEXT_STEPS = [
  'The approver signs the plan off.',
  'Load the audience file into the email or SMS tool, keeping the control group out of every send.',
  'Start the pilot on its start date and check it at the midpoint.',
  'At the end, compare the pilot group with the control group against the scale criteria below.',
] as const;

export const RESULT_HEADERS = [
  'Measure',
  'Treated',
  'Control',
  'Difference (95 % interval)',
  'Baseline',
  'Target',
] as const;

/** A measure's difference, treatment minus control, with its interval: points for shares. */
export function resultDifference(m: ResultMeasure): string {
  const c = m.comparison;
  if (!c) return 'Too few customers to compare';
  const scale = m.unit === 'share' ? 100 : 1;
  const unit = m.unit === 'share' ? ' points' : m.unit === 'days' ? ' days' : '';
  const r = (n: number) => (Math.round(n * scale * 10) / 10).toLocaleString('en');
  return `${c.difference > 0 ? '+' : ''}${r(c.difference)}${unit} (${r(c.low)} to ${r(c.high)})`;
}

export function resultRows(results: PilotResults): string[][] {
  return results.measures.map((m) => [
    m.label,
    measure(m.treatment, m.unit),
    measure(m.control, m.unit),
    resultDifference(m),
    measure(m.baseline, m.unit),
    measure(m.target, m.unit),
  ]);
}

export function resultLines(results: PilotResults): string[] {
  return [
    `Pilot started ${results.startDate}; orders through ${results.dataThrough ?? '–'} (${whole(results.daysOfData)} days). Both groups are followed over the ${results.followUpDays} days from the start.`,
    `${whole(results.treatmentCustomers)} treated and ${whole(results.controlCustomers)} in control; the plan asked for ${results.requiredPerGroup === null ? 'a number not known yet' : whole(results.requiredPerGroup)} in each group.`,
  ];
}

export const RESULTS_CAVEAT =
  'These are associations over the pilot’s days between being sent the message and what customers bought; the random split makes the comparison fair, not a proof of cause.';
