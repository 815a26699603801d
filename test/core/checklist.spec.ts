import { expect, test } from '@playwright/test';
import { loadSqlJs } from '../../src/node/node-sqljs';
import {
  CHECKS,
  checklistSummary,
  runChecklist,
  type CheckResult,
  type CheckStatus,
  type ChecklistContext,
} from '../../src/core/plan/checklist';
import { renderDrafts } from '../../src/core/plan/messages';
import { pilotSizing } from '../../src/core/plan/pilot';
import { computePlanView, type PlanView } from '../../src/core/plan/plan-view';
import type { PlanSchedule } from '../../src/core/plan/schedule';
import type { RecipientAudit } from '../../src/core/plan/recipient-audit';
import { createWorkspaceDb } from '../../src/core/store/open-workspace';
import type { Database } from '../../src/core/store/sqlite';
import { blankPlan, type PlanDocument, type Recommendation } from '../../src/core/plan/plan-document';

/**
 * Every check of the pitfall checklist made to pass, warn (where it has a warning) and fail, on
 * small hand-made plans. The view is computed on an empty workspace and given the parts an empty
 * workspace cannot have (a preview customer, a schedule, a pilot audience).
 */

let db: Database;
test.beforeAll(async () => {
  db = createWorkspaceDb(await loadSqlJs(), 'Checklist shop');
});
test.afterAll(() => db?.close());

function item(
  id: string,
  recommended: string,
  fields: Partial<Recommendation> = {},
  evidence: { count?: number; lift?: number | null } = {},
): Recommendation {
  return {
    id,
    anchor: { id: 'P-CLEANSER', label: 'Gentle Cleanser' },
    recommended: { id, label: recommended },
    source: 'pair',
    evidence: {
      count: evidence.count ?? 120,
      support: 0.01,
      confidence: 0.3,
      lift: evidence.lift === undefined ? 3 : evidence.lift,
      share: null,
      medianDays: null,
      note: 'Bought together often.',
    },
    decision: 'approved',
    pinned: false,
    flags: [],
    ...fields,
  };
}

/** A plan that passes every check when its view has a preview customer, a schedule and a big enough audience. */
function goodPlan(): PlanDocument {
  const plan = blankPlan('Complete the routine');
  plan.objective = 'More second orders from first-time buyers.';
  plan.approver = 'Ana Ruiz';
  plan.strategy = { id: 'completion', why: 'Routines grow over several orders.' };
  plan.moment = {
    id: 'post-purchase',
    startDate: '2026-11-01',
    settings: {},
    trigger: 'An order in the last 48 hours',
  };
  plan.recommendations = {
    items: [item('P-TONER', 'Balancing Toner')],
    reviewedBy: 'Ana Ruiz',
    reviewedAt: '2026-10-30T10:00:00.000Z',
    matchRule: 'strongest-evidence',
    fallback: null,
    workspaceId: null,
  };
  plan.offer = { kind: 'percent', percent: 10, code: 'MORE10', expiresAfterDays: 14 };
  plan.messages.email = {
    ...plan.messages.email,
    subject: '{first_name|Hello}, the next step',
    preheader: 'Goes with {anchor_product|your order}',
    body: 'Hi {first_name|there}, try {recommended_product}.',
  };
  plan.messages.sms = {
    enabled: true,
    body: 'Hi {first_name|there}, {recommended_product} goes with your cleanser: {discount} off with {code}.',
    optOutText: 'Reply STOP to opt out',
    maxSegments: 1,
  };
  plan.messages.test = { variable: 'subject', variantB: 'Your routine, one step further' };
  plan.channels.sends = [
    { channel: 'email', offsetHours: 96 },
    { channel: 'sms', offsetHours: 168 },
  ];
  return plan;
}

const CUSTOMER = { id: 'C1', firstName: 'Ana', lastName: 'Ruiz', email: 'ana@example.com' };

function schedule(
  fields: { customers?: number; otherPlansSends?: number; capped?: number; reached?: number } = {},
): PlanSchedule {
  const reached = fields.reached ?? 150;
  return {
    startDate: '2026-11-01',
    days: [],
    totals: { email: 150, sms: 90, web: 0, outreach: 0 },
    customers: fields.customers ?? 200,
    inMoment: (fields.customers ?? 200) + 40,
    fallback: 0,
    leftOut: 40,
    reached,
    reachedBy: { email: reached, sms: Math.min(reached, 90), web: 0, outreach: 0 },
    consentByBasis: { email: 0, sms: 0 },
    entries: fields.customers ?? 200,
    removed: { consent: 10, stopped: 0, cap: fields.capped ?? 0, afterTimeline: 0 },
    otherPlansSends: fields.otherPlansSends ?? 0,
    explanation: '',
  };
}

/** The view of the plan, with the preview customer getting the approved items, as bought from the cleanser. */
function viewOf(plan: PlanDocument, overrides: Partial<PlanView> = {}): PlanView {
  const items = plan.recommendations.items.filter((i) => i.decision === 'approved');
  const anchor = { productIds: ['P-CLEANSER'], label: 'Gentle Cleanser', orderId: 'O1', day: 20_000 };
  return {
    ...computePlanView(db, plan, []),
    preview: {
      customer: CUSTOMER,
      drafts: renderDrafts(plan, CUSTOMER, {
        products: {},
        assignment: items.length ? { items, anchor } : null,
        sendDate: '2026-11-01',
      }),
      why: 'Bought Gentle Cleanser.',
    },
    schedule: schedule(),
    // 20,000 customers over the pilot from a 10 % acceptance rate: 3,200 treated and 800 in control, where 686 each are needed.
    pilot: pilotSizing(plan, 20_000, 0.1),
    ...overrides,
  };
}

const AUDITED: RecipientAudit = { recipients: 100, fallback: 0, anchorNotBought: [], sentOwned: [] };
const CONSENTING: ChecklistContext = {
  consent: { email: { audience: 100, optedIn: 80, byBasis: 0 }, sms: { audience: 100, optedIn: 60, byBasis: 0 } },
  recipients: AUDITED,
  picks: { workspaceId: 'this-workspace', missing: [] },
};
const audited = (fields: Partial<RecipientAudit>): ChecklistContext => ({
  ...CONSENTING,
  recipients: { ...AUDITED, ...fields },
});

interface Case {
  name: string;
  status: CheckStatus;
  evidence: RegExp;
  plan?: (plan: PlanDocument) => void;
  view?: (plan: PlanDocument) => Partial<PlanView>;
  context?: Partial<ChecklistContext>;
  step?: string;
}

const CASES: Record<string, Case[]> = {
  'timing-trap': [
    {
      name: 'first send a day after delivery',
      status: 'pass',
      evidence: /as soon as 96 h after their order, at least a day after it arrived \(delivery takes up to 72 h\)/,
    },
    {
      name: 'first send on the day of delivery',
      status: 'warn',
      plan: (p) => (p.channels.sends[0].offsetHours = 80),
      evidence: /as soon as 80 h after their order: within a day of its delivery/,
    },
    {
      name: 'first send before delivery',
      status: 'fail',
      plan: (p) => (p.channels.sends[0].offsetHours = 24),
      evidence:
        /\(email, 24 h after the trigger\) reaches customers as soon as 24 h after their order, before it can have arrived/,
      step: 'channels',
    },
    {
      name: 'a shorter delivery time set on the plan',
      status: 'pass',
      plan: (p) => ((p.moment.settings.deliveryHours = 12), (p.channels.sends[0].offsetHours = 48)),
      evidence: /delivery takes up to 12 h/,
    },
    {
      name: 'a moment that follows no delivery',
      status: 'pass',
      plan: (p) => ((p.moment.id = 'cart-abandonment'), (p.channels.sends[0].offsetHours = 0)),
      evidence: /“Left a cart” does not follow a delivery/,
    },
    {
      name: 'a usage offer once the product is used',
      status: 'pass',
      plan: (p) => (p.moment.id = 'usage-milestone'),
      evidence: /fires at 75 % of the limit/,
      step: 'moment',
    },
    {
      name: 'a usage offer early in the product’s use',
      status: 'warn',
      plan: (p) => ((p.moment.id = 'usage-milestone'), (p.moment.settings.usageShare = 0.3)),
      evidence: /fires at 30 % of the limit, before the customer has used half/,
      step: 'moment',
    },
    {
      name: 'a usage offer before any usage',
      status: 'fail',
      plan: (p) => ((p.moment.id = 'usage-milestone'), (p.moment.settings.usageShare = 0)),
      evidence: /before the customer has used the product at all/,
      step: 'moment',
    },
  ],
  'relevance-category-level': [
    { name: 'specific products', status: 'pass', evidence: /The approved recommendation names a specific product/ },
    {
      name: 'some whole categories',
      status: 'warn',
      plan: (p) =>
        p.recommendations.items.push(item('Skincare', 'Any product in Skincare', { flags: ['category-level'] })),
      evidence:
        /1 of the 2 approved recommendations name a whole category: “Gentle Cleanser → Any product in Skincare”/,
    },
    {
      name: 'only whole categories',
      status: 'fail',
      plan: (p) => (p.recommendations.items[0].flags = ['category-level']),
      evidence: /The approved recommendation names a whole category rather than a product/,
    },
  ],
  'relevance-lift': [
    {
      name: 'a strong pair',
      status: 'pass',
      evidence: /The approved pair’s lift is 3 \(“Gentle Cleanser → Balancing Toner”\)/,
    },
    {
      name: 'a weak pair',
      status: 'warn',
      plan: (p) => (p.recommendations.items[0].evidence!.lift = 1.1),
      evidence: /1 approved pair with a lift under 1.2: “Gentle Cleanser → Balancing Toner” \(lift 1.1\)/,
    },
    {
      name: 'a pair no better than chance',
      status: 'fail',
      plan: (p) => (p.recommendations.items[0].evidence!.lift = 0.95),
      evidence: /1 approved pair with a lift at or below 1: .*\(lift 0.95\)/,
    },
    {
      name: 'sequences without a lift',
      status: 'pass',
      plan: (p) => (p.recommendations.items[0].evidence!.lift = null),
      evidence: /The approved recommendation rests on later purchases rather than on pairs measured by lift/,
    },
  ],
  'relevance-evidence': [
    { name: 'many orders', status: 'pass', evidence: /the least on 120 \(“Gentle Cleanser → Balancing Toner”\)/ },
    {
      name: 'under 30 orders',
      status: 'warn',
      plan: (p) => (p.recommendations.items[0].evidence!.count = 22),
      evidence: /rests on fewer than 30 orders or customers: “Gentle Cleanser → Balancing Toner” \(22\)/,
    },
    {
      name: 'a handful of orders',
      status: 'fail',
      plan: (p) => (p.recommendations.items[0].evidence!.count = 4),
      evidence: /fewer than 10 orders or customers: .*\(4\)/,
    },
    {
      name: 'no evidence at all',
      status: 'fail',
      plan: (p) => (p.recommendations.items[0] = { ...p.recommendations.items[0], source: 'manual', evidence: null }),
      evidence: /\(no evidence\)/,
    },
  ],
  'relevance-owned': [
    {
      name: 'nobody is sent what they own',
      status: 'pass',
      evidence: /None of the 100 recipients is sent a product they own already or a variant of it/,
    },
    {
      name: 'nobody to judge yet',
      status: 'warn',
      context: audited({ recipients: 0 }),
      evidence: /Nobody gets a message from this plan yet/,
    },
    {
      name: 'a recipient owns a variant of their product',
      status: 'fail',
      context: audited({ sentOwned: [{ customerId: 'C7', product: 'Balancing Toner' }] }),
      evidence:
        /1 recipient of the 100 would be sent a product they own already, or a variant of it: customer C7 \(Balancing Toner\)/,
    },
  ],
  'messages-own-purchase': [
    {
      name: 'every anchor bought',
      status: 'pass',
      plan: (p) => (p.messages.email.preheader = 'Goes with your {anchor_product}'),
      evidence:
        /For each of the 100 recipients matched to a recommendation, the product named as theirs is one their orders show/,
    },
    {
      name: 'the texts never name the purchase',
      status: 'warn',
      plan: (p) => (p.messages.email.preheader = 'Chosen for you'),
      evidence: /The messages never say what the customer bought/,
    },
    {
      name: 'an anchor the orders do not show',
      status: 'fail',
      context: audited({ anchorNotBought: ['12358', '12423'] }),
      evidence:
        /2 recipients of the 100 would read about a product their orders do not show them buying: customers 12358, 12423/,
      step: 'recommendations',
    },
    {
      name: 'fallback recipients and a token without fallback text',
      status: 'fail',
      plan: (p) => (p.messages.email.preheader = 'Goes with your {anchor_product}'),
      context: audited({ fallback: 30 }),
      evidence: /30 recipients get the fallback product .* \{anchor_product\} has no fallback text/,
    },
    {
      name: 'fallback recipients read the fallback text',
      status: 'pass',
      context: audited({ fallback: 30 }),
      evidence:
        /For each of the 70 recipients .* The 30 recipients who get the fallback product read the token’s fallback text/,
    },
  ],
  'relevance-season': [
    { name: 'in season', status: 'pass', evidence: /out of season from 2026-11-01/ },
    {
      name: 'no start date',
      status: 'warn',
      plan: (p) => (p.moment.startDate = null),
      evidence: /no start date/,
      step: 'moment',
    },
    {
      name: 'flagged at review',
      status: 'fail',
      plan: (p) => (p.recommendations.items[0].flags = ['out-of-season']),
      evidence: /1 approved item sold at under half its usual rate in the same weeks last year: “Balancing Toner”/,
    },
    {
      name: 'flagged since the review, for the current start date',
      status: 'fail',
      view: (p) => ({ proposals: [{ ...p.recommendations.items[0], decision: 'proposed', flags: ['out-of-season'] }] }),
      evidence: /“Balancing Toner”/,
    },
  ],
  'relevance-workspace': [
    {
      name: 'picks from before workspaces recorded their sign-off',
      status: 'pass',
      evidence: /^The approved pick names a product of this workspace\.$/,
    },
    {
      name: 'picks signed off here',
      status: 'pass',
      plan: (p) => (p.recommendations.workspaceId = 'this-workspace'),
      evidence: /^The approved pick names a product of this workspace, and the picks were signed off here\.$/,
    },
    {
      name: 'nothing approved',
      status: 'warn',
      plan: (p) => (p.recommendations.items[0].decision = 'proposed'),
      evidence: /^No recommendation is approved yet, so there is nothing to judge\.$/,
    },
    {
      name: 'picks signed off in another workspace',
      status: 'fail',
      plan: (p) => (p.recommendations.workspaceId = 'gift-shop'),
      evidence:
        /^Ana Ruiz signed the picks off on 2026-10-30 in another workspace, so their evidence comes from another shop’s orders\. Review the picks here: check each against this workspace’s proposals, then mark the list reviewed again\.$/,
    },
    {
      name: 'a pick naming a product this workspace does not have',
      status: 'fail',
      context: { picks: { workspaceId: 'this-workspace', missing: ['“Gentle Cleanser → Balancing Toner”'] } },
      evidence:
        /^1 approved pick names products this workspace does not have: “Gentle Cleanser → Balancing Toner”\. Take it out and choose from this workspace’s proposals\.$/,
    },
  ],
  'automation-review': [
    {
      name: 'reviewed by a person',
      status: 'pass',
      evidence: /Ana Ruiz reviewed the recommendation on 2026-10-30 and approved it/,
    },
    {
      name: 'no review date',
      status: 'warn',
      plan: (p) => (p.recommendations.reviewedAt = null),
      evidence: /does not record when the review happened/,
    },
    {
      name: 'items still undecided',
      status: 'warn',
      plan: (p) => p.recommendations.items.push(item('P-MASK', 'Clay Mask', { decision: 'proposed' })),
      evidence: /1 recommendation still waits for a decision/,
    },
    {
      name: 'no reviewer',
      status: 'fail',
      plan: (p) => (p.recommendations.reviewedBy = ' '),
      evidence: /1 recommendation is approved, but the plan does not say who reviewed them/,
    },
    {
      name: 'nothing approved',
      status: 'fail',
      plan: (p) => (p.recommendations.items[0].decision = 'proposed'),
      evidence: /The plan’s one recommendation is not approved yet/,
    },
  ],
  'automation-approver': [
    { name: 'a named approver', status: 'pass', evidence: /Ana Ruiz approves the plan/ },
    {
      name: 'no approver',
      status: 'fail',
      plan: (p) => (p.approver = '  '),
      evidence: /names no approver/,
      step: 'strategy',
    },
  ],
  'automation-context': [
    {
      name: 'checked',
      status: 'pass',
      evidence: /No approved item carries a warning for the plan’s start on 2026-11-01/,
    },
    {
      name: 'ownership is not a context warning',
      status: 'pass',
      plan: (p) => (p.recommendations.items[0].flags = ['owned']),
      evidence: /No approved item carries a warning/,
    },
    {
      name: 'a flag left on an approved item',
      status: 'warn',
      plan: (p) => (p.recommendations.items[0].flags = ['out-of-stock']),
      evidence: /1 approved item still carries a warning: “Balancing Toner” \(out-of-stock\)/,
    },
    {
      name: 'no start date',
      status: 'fail',
      plan: (p) => (p.moment.startDate = null),
      evidence: /no start date, so nobody can have checked the picks against the season/,
      step: 'moment',
    },
  ],
  'channels-at-once': [
    { name: 'channels days apart', status: 'pass', evidence: /The 2 channels are at least 24 h apart/ },
    {
      name: 'a web slot alongside',
      status: 'pass',
      plan: (p) => p.channels.sends.push({ channel: 'web', offsetHours: 96 }),
      evidence: /at least 24 h apart/,
    },
    {
      name: 'channels on the same day',
      status: 'warn',
      plan: (p) => (p.channels.sends[1].offsetHours = 100),
      evidence: /within 24 h of each other: email at 96 h and sms at 100 h/,
    },
    {
      name: 'channels at the same time',
      status: 'fail',
      plan: (p) => (p.channels.sends[1].offsetHours = 96),
      evidence: /go out at the same time: email at 96 h and sms at 96 h/,
    },
  ],
  'channels-cap': [
    {
      name: 'the policy cap',
      status: 'pass',
      evidence:
        /The cap of 2 per 7 days is within the workspace’s limit of 2 per 7 days; it holds back 0 of the plan’s 240 sends/,
    },
    {
      name: 'a cap that holds back a few sends',
      status: 'pass',
      view: () => ({ schedule: schedule({ capped: 12 }) }),
      evidence: /holds back 12 of the plan’s 252 sends over the 30 days\.$/,
    },
    {
      name: 'a cap that holds back many sends',
      status: 'warn',
      view: () => ({ schedule: schedule({ capped: 60 }) }),
      evidence: /holds back 60 of the plan’s 300 sends over the 30 days: the plan asks for more messages/,
    },
    {
      name: 'more messages per week',
      status: 'fail',
      plan: (p) => (p.channels.frequencyCap = { messages: 3, days: 7 }),
      evidence:
        /The cap of 3 per 7 days lets up to 3 messages reach a customer in 7 days; the workspace allows at most 2/,
    },
    {
      name: 'a shorter window',
      status: 'fail',
      plan: (p) => (p.channels.frequencyCap = { messages: 1, days: 3 }),
      evidence: /The cap of 1 per 3 days lets up to 3 messages/,
    },
  ],
  'channels-overlap': [
    {
      name: 'no other plan',
      status: 'pass',
      evidence: /No other active plan writes to this plan’s 200 customers in the 30 days from 2026-11-01/,
    },
    {
      name: 'another plan writes to some',
      status: 'warn',
      view: () => ({ schedule: schedule({ otherPlansSends: 60 }) }),
      evidence:
        /Other active plans send 60 messages to this plan’s 200 customers in the same 30 days \(about 0.1 a customer per 7 days\)/,
    },
    {
      name: 'other plans use the whole allowance',
      status: 'fail',
      view: () => ({ schedule: schedule({ otherPlansSends: 1800 }) }),
      evidence: /send 1,800 messages .* about 2.1 a customer per 7 days: they use up the whole allowance/,
    },
    {
      name: 'no schedule yet',
      status: 'warn',
      view: () => ({ schedule: null }),
      evidence: /no moment and start date yet/,
      step: 'moment',
    },
  ],
  'channels-consent': [
    {
      name: 'most agreed',
      status: 'pass',
      evidence:
        /Of the 100 customers the plan is for over the 30 days: 80 of 100 agreed to email; 60 of 100 agreed to text messages/,
    },
    {
      name: 'few agreed to texts',
      status: 'warn',
      context: {
        ...CONSENTING,
        consent: { email: { audience: 100, optedIn: 80, byBasis: 0 }, sms: { audience: 100, optedIn: 30, byBasis: 0 } },
      },
      evidence: /30 of 100 agreed to text messages\. Fewer than half can be reached by text/,
    },
    {
      name: 'consent by a recorded basis',
      status: 'pass',
      context: {
        ...CONSENTING,
        consent: {
          email: { audience: 100, optedIn: 80, byBasis: 70 },
          sms: { audience: 100, optedIn: 60, byBasis: 0 },
        },
      },
      evidence:
        /80 of 100 agreed to email \(70 of them by the consent basis recorded on the plan, not by the data\); 60 of 100 agreed to text messages\./,
    },
    {
      name: 'nobody agreed to texts',
      status: 'fail',
      context: {
        ...CONSENTING,
        consent: { email: { audience: 100, optedIn: 80, byBasis: 0 }, sms: { audience: 100, optedIn: 0, byBasis: 0 } },
      },
      evidence: /0 of 100 agreed to text messages\. Nobody can be sent text messages/,
    },
    {
      name: 'no consent needed',
      status: 'pass',
      plan: (p) => (p.channels.sends = [{ channel: 'web', offsetHours: 0 }]),
      context: { consent: null, recipients: null },
      evidence: /neither email nor text messages/,
    },
  ],
  'reach-above-zero': [
    {
      name: 'customers get messages',
      status: 'pass',
      evidence:
        /^150 of the 200 customers the plan is for over the 30 days get at least one message \(email 150, text messages 90\)\.$/,
    },
    {
      name: 'a consent basis recorded on the plan',
      status: 'pass',
      plan: (p) =>
        (p.channels.consentBasis.email = {
          source: 'opted in at checkout, per the shop’s records',
          date: '2024-03-01',
        }),
      view: () => ({ schedule: { ...schedule(), consentByBasis: { email: 40, sms: 0 } } }),
      evidence:
        /Consent to email recorded by the marketer, not in the data: “opted in at checkout, per the shop’s records” \(as of 2024-03-01\)\. It counts as consent for 40 of the plan’s customers the data says nothing about\./,
    },
    {
      name: 'no start date yet',
      status: 'warn',
      view: () => ({ schedule: null }),
      evidence: /who it reaches is not known/,
      step: 'moment',
    },
    {
      name: 'nobody gets a message',
      status: 'fail',
      view: () => ({
        schedule: { ...schedule({ reached: 0 }), removed: { consent: 400, stopped: 0, cap: 0, afterTimeline: 0 } },
      }),
      evidence:
        /^Nobody can be reached: none of the 200 customers the plan is for gets a message: missing consent holds back 400 of its sends\. Import the customers’ consent/,
      step: 'channels',
    },
  ],
  'messages-unsubscribe': [
    { name: 'a way out', status: 'pass', evidence: /an unsubscribe stops the plan’s later sends/ },
    {
      name: 'later sends go on',
      status: 'warn',
      plan: (p) => (p.channels.stopOn.unsubscribe = false),
      evidence: /does not stop its later sends/,
      step: 'channels',
    },
    {
      name: 'no unsubscribe footer',
      status: 'fail',
      plan: (p) => (p.messages.email.unsubscribeFooter = false),
      evidence: /The email has no unsubscribe footer\./,
    },
    {
      name: 'no opt-out text',
      status: 'fail',
      plan: (p) => (p.messages.sms.optOutText = ''),
      evidence: /The text message has no opt-out text\./,
    },
  ],
  'messages-sms-length': [
    {
      name: 'fits with room',
      status: 'pass',
      evidence:
        /Rendered for customer C1, the text takes \d+ GSM-7 units: 1 segment, with \d+ units left in the last; the limit is 1 segment/,
    },
    {
      name: 'close to the limit',
      status: 'warn',
      plan: (p) => (p.messages.sms.body = 'x'.repeat(133)),
      evidence:
        /takes 155 GSM-7 units: 1 segment, with 5 units left in the last; the limit is 1 segment, so a longer name/,
    },
    {
      name: 'over the limit',
      status: 'fail',
      plan: (p) => (p.messages.sms.body = 'x'.repeat(200)),
      evidence: /takes 222 GSM-7 units: 2 segments.*the limit is 1 segment\./,
    },
    {
      name: 'UCS-2 over the limit',
      status: 'fail',
      plan: (p) => (p.messages.sms.body = 'Your routine ✨ continues with {recommended_product}, chosen for you'),
      evidence: /UCS-2 units: 2 segments/,
    },
  ],
  'messages-tokens': [
    { name: 'all resolve', status: 'pass', evidence: /Every token resolves for customer C1/ },
    {
      name: 'a name without a fallback',
      status: 'warn',
      plan: (p) => (p.messages.email.subject = 'Hi {first_name}'),
      evidence: /“\{first_name\}” has no fallback/,
    },
    {
      name: 'a misspelt token',
      status: 'fail',
      plan: (p) => (p.messages.email.body = 'Hi {frist_name|there}'),
      evidence: /For customer C1: \{frist_name\|there\} in the email body \(not a known token\)/,
    },
    {
      name: 'a value that is missing',
      status: 'fail',
      plan: (p) => (p.offer = { ...p.offer, kind: 'none' }),
      evidence: /\{discount\} in the sms body \(no value and no fallback\)/,
    },
  ],
  'messages-one-variable': [
    { name: 'one variable', status: 'pass', evidence: /differs from A in the subject only/ },
    {
      name: 'no test',
      status: 'pass',
      plan: (p) => (p.messages.test = { variable: null, variantB: '' }),
      evidence: /tests no variant/,
    },
    {
      name: 'B changes nothing',
      status: 'warn',
      plan: (p) => (p.messages.test.variantB = p.messages.email.subject),
      evidence: /Variant B is the same as A: it changes nothing in the subject/,
    },
    {
      name: 'B cannot be made',
      status: 'warn',
      plan: (p) => (p.messages.test = { variable: 'offer', variantB: 'more' }),
      evidence: /variant B cannot be made yet: For an offer test/,
    },
    {
      name: 'two variables',
      status: 'fail',
      view: () => ({ variant: { differences: ['subject', 'offer'], problem: null } }),
      evidence: /Variant B differs from A in 2 things: subject, offer/,
    },
  ],
  'pilot-duration': [
    { name: 'two weeks', status: 'pass', plan: (p) => (p.pilot.durationDays = 14), evidence: /runs for 14 days/ },
    {
      name: 'under two weeks',
      status: 'fail',
      plan: (p) => (p.pilot.durationDays = 10),
      evidence: /runs for 10 days, under 14/,
    },
  ],
  'pilot-control': [
    {
      name: 'a control group',
      status: 'pass',
      evidence: /20 % of the pilot is held back as a control group: 800 customers/,
    },
    {
      name: 'nobody held back',
      status: 'fail',
      plan: (p) => (p.pilot.controlShare = 0),
      evidence: /holds nobody back/,
    },
    {
      name: 'a control that rounds to nobody',
      status: 'fail',
      view: (p) => ({ pilot: pilotSizing(p, 10, 0.1) }),
      evidence: /20 % of the 2 pilot customers rounds to nobody/,
    },
  ],
  'pilot-sample-size': [
    {
      name: 'big enough',
      status: 'pass',
      evidence: /takes 686 customers in each group .* 3200 treated and 800 in control, which is enough/,
    },
    {
      name: 'no baseline',
      status: 'warn',
      view: (p) => ({ pilot: pilotSizing(p, 20_000, null) }),
      evidence: /cannot be sized yet/,
    },
    {
      name: 'too small',
      status: 'fail',
      view: (p) => ({ pilot: pilotSizing(p, 1000, 0.1) }),
      evidence:
        /takes 686 customers in each group .* 160 treated and 40 in control, which is not enough: it could detect a rise of/,
    },
  ],
};

function check(id: string, c: Omit<Case, 'name' | 'status' | 'evidence'> = {}): CheckResult {
  const plan = goodPlan();
  c.plan?.(plan);
  const view = viewOf(plan, c.view?.(plan) ?? {});
  const result = runChecklist(plan, view, { ...CONSENTING, ...c.context }).find((r) => r.id === id);
  if (!result) throw new Error(`No check ${id}`);
  return result;
}

test('the cases cover every check: each passes and fails, and warns where it can', () => {
  expect(Object.keys(CASES).sort()).toEqual(CHECKS.map((c) => c.id).sort());
  for (const [id, cases] of Object.entries(CASES)) {
    expect(
      cases.map((c) => c.status),
      id,
    ).toContain('pass');
    expect(
      cases.map((c) => c.status),
      id,
    ).toContain('fail');
  }
});

test('the good plan passes every check', () => {
  const plan = goodPlan();
  const results = runChecklist(plan, viewOf(plan), CONSENTING);
  expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
  for (const r of results) {
    expect(r.title.length).toBeGreaterThan(5);
    expect(r.why.length).toBeGreaterThan(40);
  }
});

for (const [id, cases] of Object.entries(CASES)) {
  test.describe(id, () => {
    for (const c of cases) {
      test(`${c.status}: ${c.name}`, () => {
        const result = check(id, c);
        expect(result.evidence).toMatch(c.evidence);
        expect(result.status).toBe(c.status);
        if (c.step) expect(result.step).toBe(c.step);
      });
    }
  });
}

test.describe('the summary', () => {
  const failing = () => {
    const plan = goodPlan();
    plan.approver = '';
    plan.pilot.durationDays = 7;
    return runChecklist(plan, viewOf(plan), CONSENTING);
  };

  test('blocks the export while a failing check is not acknowledged', () => {
    const summary = checklistSummary(failing(), [{ checkId: 'pilot-duration' }]);
    expect(summary.counts.fail).toBe(2);
    expect(summary.blocked).toBe(true);
    expect(summary.unacknowledged.map((c) => c.id)).toEqual(['automation-approver']);
    expect(summary.acknowledged.map((c) => c.id)).toEqual(['pilot-duration']);
  });

  test('lets the export go once every failing check is acknowledged; warnings never block', () => {
    const summary = checklistSummary(failing(), [
      { checkId: 'pilot-duration' },
      { checkId: 'automation-approver' },
      { checkId: 'timing-trap' },
    ]);
    expect(summary.blocked).toBe(false);
    expect(summary.unacknowledged).toEqual([]);
    const plan = goodPlan();
    plan.channels.stopOn.unsubscribe = false;
    const warned = checklistSummary(runChecklist(plan, viewOf(plan), CONSENTING), []);
    expect(warned.counts).toMatchObject({ warn: 1, fail: 0 });
    expect(warned.blocked).toBe(false);
  });
});
