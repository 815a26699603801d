import { MOMENT_CATALOGUE } from '../plan/moment-catalogue';
import { createMemo, type Memo } from '../plan/memo';
import { renderDrafts, type Drafts } from '../plan/messages';
import { computePlanView, type PlanView } from '../plan/plan-view';
import { approvedRecommendations } from '../plan/recommendations';
import type { Database } from '../store/sqlite';
import { summarizeWorkspace } from '../store/workspace-summary';
import { variantB, type TestVariable } from '../plan/variants';
import { queryAll } from '../store/sqlite';
import { measurePilot } from '../results/measure';
import type { PilotResults } from '../results/result-types';
import { loadPilotSends } from '../results/pilot-sends';
import type { ChannelId, PlanDocument, PlanRecord, Recommendation } from '../plan/plan-document';
import { planRecipients } from '../plan/plan-recipients';
import { CHANNEL_WORDS, STRATEGY_TITLES } from '../vocabulary';
import { consentBasisLines, noReachReason } from '../plan/reach';
import type { Branding } from './branding';
import { addDays, pilotMilestones, type Milestone } from './pilot-ics';

/**
 * Everything an exported plan report shows, as plain data: the HTML and Markdown renderers only
 * lay it out, so both say the same and the HTML one runs in the app's window too.
 */

/** One check of the plan's pitfall checklist, as the checklist gives it. */
export interface ReportCheck {
  id: string;
  title: string;
  why: string;
  status: 'pass' | 'warn' | 'fail';
  evidence: string;
  /** The planning step that fixes it. */
  step: string;
}

/** A failing check the user chose to go ahead with, and their reason. */
export interface ReportAcknowledgement {
  checkId: string;
  reason: string;
  acknowledgedBy?: string | null;
  acknowledgedAt?: string | null;
}

/** The checklist's report of the plan (its shape, so it is handed over as it is). */
export interface ReportChecklist {
  checks: readonly ReportCheck[];
  acknowledged: readonly ReportAcknowledgement[];
}

export interface ReportRecommendation {
  anchor: string | null;
  recommended: string;
  source: Recommendation['source'];
  pinned: boolean;
  evidence: Recommendation['evidence'];
  flags: Recommendation['flags'];
}

export interface ReportMetric {
  label: string;
  unit: 'share' | 'days' | 'money';
  baseline: number | null;
  target: number | null;
  explanation: string;
}

export interface PlanReport {
  generatedAt: string;
  branding: Branding;
  plan: { name: string; client: string; approver: string; revision: number; updatedAt: string };
  summary: string;
  objective: string;
  data: {
    workspace: string;
    customers: number;
    products: number;
    orders: number;
    orderLines: number;
    events: number;
    firstOrder: string | null;
    lastOrder: string | null;
    asOf: string | null;
  };
  strategy: { title: string | null; why: string };
  moment: {
    title: string | null;
    explanation: string | null;
    trigger: string;
    startDate: string | null;
    settings: { label: string; value: number; unit: string }[];
  };
  audience: { size: number | null; explanation: string | null };
  recommendations: {
    approved: ReportRecommendation[];
    reviewedBy: string;
    reviewedAt: string | null;
    proposedOrRejected: number;
  };
  offer: string;
  messages: {
    customer: { id: string; name: string | null } | null;
    drafts: Drafts | null;
    /** What variant B changes; its drafts for the same customer when it changes their text. */
    test: { variable: TestVariable | null; variantB: string; drafts: Drafts | null };
  };
  timeline: {
    sends: { channel: ChannelId; offsetHours: number }[];
    /** Expected sends per week from the start, per channel. */
    weeks: ({ from: string; to: string } & Record<ChannelId, number>)[];
    totals: Record<ChannelId, number> | null;
    explanation: string | null;
  };
  caps: {
    frequencyCap: PlanDocument['channels']['frequencyCap'];
    quietHours: PlanDocument['channels']['quietHours'];
    stopOn: string[];
    consent: string;
    /** Who the plan reaches, any consent basis recorded on it, and what is missing when it reaches nobody. */
    reach: string[];
  };
  pilot: {
    audienceShare: number;
    controlShare: number;
    seed: number;
    durationDays: number;
    startDate: string | null;
    endDate: string | null;
    expectedCustomers: number;
    treatment: number;
    control: number;
    requiredPerGroup: number | null;
    minimumDetectableEffect: number;
    enough: boolean;
    explanation: string;
    duration: string;
  };
  metrics: ReportMetric[];
  checklist: { checks: ReportCheck[]; acknowledged: ReportAcknowledgement[] } | null;
  milestones: Milestone[];
  scaleCriteria: string[];
  /** The pilot's results, once its sends are recorded; null before. */
  results: PilotResults | null;
}

export interface ReportOptions {
  branding: Branding;
  checklist?: ReportChecklist;
  memo?: Memo;
  now: Date;
}

const STOP_RULES = { purchase: 'a purchase', click: 'a click on a message', unsubscribe: 'an unsubscribe' } as const;

export function planReport(
  db: Database,
  record: PlanRecord,
  otherPlans: readonly PlanDocument[],
  options: ReportOptions,
): PlanReport {
  const plan = record.document;
  const memo = options.memo ?? createMemo();
  const view = computePlanView(db, plan, otherPlans, memo);
  const workspace = summarizeWorkspace(db, 0);
  const strategy = plan.strategy.id === null ? null : STRATEGY_TITLES[plan.strategy.id];
  const moment = plan.moment.id === null ? null : MOMENT_CATALOGUE[plan.moment.id];
  const startDate = view.asOf?.slice(0, 10) ?? null;
  const approved = approvedRecommendations(plan);

  return {
    generatedAt: options.now.toISOString(),
    branding: options.branding,
    plan: {
      name: plan.name,
      client: plan.client,
      approver: plan.approver,
      revision: record.revision,
      updatedAt: record.updatedAt,
    },
    summary: summaryOf(plan, view, strategy, moment?.title ?? null, approved.length),
    objective: plan.objective,
    data: {
      workspace: workspace.name,
      customers: workspace.counts.customers,
      products: workspace.counts.products,
      orders: workspace.counts.orders,
      orderLines: workspace.counts.order_lines,
      events: workspace.counts.events,
      firstOrder: workspace.orderDateRange?.first.slice(0, 10) ?? null,
      lastOrder: workspace.orderDateRange?.last.slice(0, 10) ?? null,
      asOf: view.asOf,
    },
    strategy: { title: strategy, why: plan.strategy.why },
    moment: {
      title: moment?.title ?? null,
      explanation: moment?.explanation ?? null,
      trigger: plan.moment.trigger || (moment?.trigger ?? ''),
      startDate,
      settings: (moment?.settings ?? []).map((s) => ({
        label: s.label,
        value: plan.moment.settings[s.name] ?? s.default,
        unit: s.unit,
      })),
    },
    audience: { size: view.audience?.count ?? null, explanation: view.audience?.explanation ?? null },
    recommendations: {
      approved: approved.map((r) => ({
        anchor: r.anchor?.label ?? null,
        recommended: r.recommended.label,
        source: r.source,
        pinned: r.pinned,
        evidence: r.evidence,
        flags: r.flags,
      })),
      reviewedBy: plan.recommendations.reviewedBy,
      reviewedAt: plan.recommendations.reviewedAt,
      proposedOrRejected: plan.recommendations.items.length - approved.length,
    },
    offer:
      plan.offer.kind === 'percent' && plan.offer.percent > 0
        ? `${plan.offer.percent} % off${plan.offer.code ? ` with the code ${plan.offer.code}` : ''}, for ${plan.offer.expiresAfterDays} days after the message.`
        : 'No discount: the messages suggest products without an offer.',
    messages: {
      customer: view.preview
        ? {
            id: view.preview.customer.id,
            name: [view.preview.customer.firstName, view.preview.customer.lastName].filter(Boolean).join(' ') || null,
          }
        : null,
      drafts: view.preview?.drafts ?? null,
      test: {
        variable: plan.messages.test.variable,
        variantB: plan.messages.test.variantB,
        drafts: variantDrafts(db, plan, view, memo),
      },
    },
    timeline: {
      sends: plan.channels.sends,
      weeks: weeksOf(view),
      totals: view.schedule?.totals ?? null,
      explanation: view.schedule?.explanation ?? null,
    },
    caps: {
      frequencyCap: plan.channels.frequencyCap,
      quietHours: plan.channels.quietHours,
      stopOn: (Object.keys(STOP_RULES) as (keyof typeof STOP_RULES)[])
        .filter((k) => plan.channels.stopOn[k])
        .map((k) => STOP_RULES[k]),
      consent: consentText(view),
      reach: reachLines(plan, view),
    },
    pilot: {
      audienceShare: plan.pilot.audienceShare,
      controlShare: plan.pilot.controlShare,
      seed: plan.pilot.seed,
      durationDays: plan.pilot.durationDays,
      startDate,
      endDate: startDate && addDays(startDate, plan.pilot.durationDays),
      expectedCustomers: view.pilot.audience,
      treatment: view.pilot.treatment,
      control: view.pilot.control,
      requiredPerGroup: view.pilot.requiredPerGroup,
      minimumDetectableEffect: plan.pilot.minimumDetectableEffect,
      enough: view.pilot.enough,
      explanation: view.pilot.explanation,
      duration: view.pilot.duration.message,
    },
    metrics: metricsOf(plan, view),
    checklist: options.checklist
      ? { checks: [...options.checklist.checks], acknowledged: [...options.checklist.acknowledged] }
      : null,
    milestones: startDate ? pilotMilestones(plan, startDate) : [],
    scaleCriteria: plan.pilot.scaleCriteria,
    results: resultsOf(db, record),
  };
}

function resultsOf(db: Database, record: PlanRecord): PilotResults | null {
  const sends = loadPilotSends(db, record.planId);
  return sends.length === 0 ? null : measurePilot(db, record.document, sends);
}

function summaryOf(
  plan: PlanDocument,
  view: PlanView,
  strategy: string | null,
  moment: string | null,
  approved: number,
): string {
  const schedule = view.schedule;
  const n = (value: number) => value.toLocaleString('en-US');
  const who = schedule
    ? `Over the 30 days from ${schedule.startDate}, ${n(schedule.inMoment)} customers enter the moment; the plan is for the ${n(schedule.customers)} of them who bought what an approved recommendation starts from${schedule.fallback > 0 ? ` or get the fallback product` : ''}, and ${n(schedule.reached)} of those can be reached`
    : 'The plan has no moment yet';
  const what = strategy ? `${strategy} plan` : 'Plan (strategy not chosen yet)';
  const when = moment ? `, reaching customers at the moment “${moment}”` : '';
  const pilot = `A pilot of ${Math.round(plan.pilot.audienceShare * 100)} % of the customers it can reach runs for ${plan.pilot.durationDays} days, with ${Math.round(plan.pilot.controlShare * 100)} % of the pilot held back as a control group.`;
  return `${what}${plan.client ? ` for ${plan.client}` : ''}${when}, suggesting ${approved} approved ${approved === 1 ? 'product' : 'products'}. ${who}. ${pilot}`;
}

/** Tests of the subject, call to action, offer or products change what the customer reads. */
const TEXT_VARIABLES = new Set(['subject', 'call-to-action', 'offer', 'products']);

function variantDrafts(db: Database, plan: PlanDocument, view: PlanView, memo: Memo): Drafts | null {
  const b = variantB(plan).plan;
  if (
    b === null ||
    view.preview === null ||
    view.asOf === null ||
    !TEXT_VARIABLES.has(plan.messages.test.variable ?? '')
  )
    return null;
  const { customer } = view.preview;
  const products = queryAll<{
    product_id: string;
    name: string | null;
    price: number | null;
    rating: number | null;
    review_count: number | null;
  }>(
    db,
    'SELECT product_id, name, price, rating, review_count FROM products WHERE product_id IN (SELECT value FROM json_each(?))',
    [JSON.stringify(b.recommendations.items.map((i) => i.recommended.id))],
  );
  // Variant B may approve other products, and so reach other customers: it has recipients of its own.
  const assignment = planRecipients(db, b, memo).assignments.get(customer.id) ?? null;
  return renderDrafts(b, customer, {
    products: Object.fromEntries(
      products.map((p) => [
        p.product_id,
        { id: p.product_id, name: p.name, price: p.price, rating: p.rating, reviewCount: p.review_count },
      ]),
    ),
    assignment,
    sendDate: view.asOf.slice(0, 10),
  });
}

function weeksOf(view: PlanView): PlanReport['timeline']['weeks'] {
  const days = view.schedule?.days ?? [];
  const weeks: PlanReport['timeline']['weeks'] = [];
  for (let i = 0; i < days.length; i += 7) {
    const week = days.slice(i, i + 7);
    weeks.push({
      from: week[0].date,
      to: week[week.length - 1].date,
      email: week.reduce((n, d) => n + d.email, 0),
      sms: week.reduce((n, d) => n + d.sms, 0),
      web: week.reduce((n, d) => n + d.web, 0),
      outreach: week.reduce((n, d) => n + d.outreach, 0),
    });
  }
  return weeks;
}

function consentText(view: PlanView): string {
  const held = view.schedule?.removed.consent ?? 0;
  return `Email and SMS go only to customers who agreed to receive them; outreach and website slots need no opt-in. Over the 30 days, missing consent holds back ${held} ${held === 1 ? 'send' : 'sends'}.`;
}

function reachLines(plan: PlanDocument, view: PlanView): string[] {
  const schedule = view.schedule;
  const reason = noReachReason(plan, schedule);
  const reached =
    schedule === null
      ? []
      : [
          reason ??
            `${schedule.reached.toLocaleString('en-US')} of the ${schedule.customers.toLocaleString('en-US')} customers the plan is for over the 30 days get at least one message: ${[...new Set(plan.channels.sends.map((s) => s.channel))].map((c) => `${schedule.reachedBy[c].toLocaleString('en-US')} by ${CHANNEL_WORDS[c].plural}`).join(', ')}.`,
        ];
  return [...reached, ...consentBasisLines(plan, schedule)];
}

/** The plan's own baselines and targets where it has them, the history's otherwise. */
function metricsOf(plan: PlanDocument, view: PlanView): ReportMetric[] {
  return view.metrics
    .filter((m) => plan.pilot.metrics.some((p) => p.id === m.id))
    .map((m) => {
      const own = plan.pilot.metrics.find((p) => p.id === m.id)!;
      return {
        label: m.label,
        unit: m.unit,
        baseline: own.baseline ?? m.baseline,
        target: own.target ?? m.suggestedTarget,
        explanation: m.explanation,
      };
    });
}
