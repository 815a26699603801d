import type { ReadinessStatus } from './analysis/readiness-types';
import type { QueuedFileStatus } from './import/queued-file-status';
import type { ImportMode } from './import/import-mode';
import type { CheckStatus } from './plan/checks/check-status';
import type { PlanStepId } from './plan/plan-step-id';
import type { ChannelId, MetricId, PlanMomentId, Recommendation, StrategyId } from './plan/plan-document';
import type { TestVariable } from './plan/variants';

/**
 * The words the app, the reports, the checklist, the playbook and the command line use for the
 * things a plan is made of and the states they are in. Every table is keyed by its id union, so a
 * new id does not compile until it has its words here.
 */

export const STRATEGY_TITLES: Record<StrategyId, string> = {
  completion: 'Completion',
  evolution: 'Expert-user evolution',
  ecosystem: 'Ecosystem expansion',
};

export const MOMENT_TITLES: Record<PlanMomentId, string> = {
  'post-purchase': 'Just ordered',
  browse: 'Second visit, browsing without buying',
  'cart-abandonment': 'Left a cart',
  'support-resolution': 'Support case resolved',
  'loyalty-milestone': 'Loyalty milestone',
  'usage-milestone': 'Usage milestone',
  launch: 'Product launch window',
  'gift-order': 'Gift window',
  'seasonal-transition': 'Season or life stage changing',
};

export interface ChannelWords {
  /** As a heading, a column or a list item names the channel. */
  title: string;
  /** The channel's messages in general, inside a sentence: "agreed to text messages". */
  plural: string;
  /** The shortest name, inside a sentence: "reached by text". */
  short: string;
}

export const CHANNEL_WORDS: Record<ChannelId, ChannelWords> = {
  email: { title: 'Email', plural: 'email', short: 'email' },
  sms: { title: 'Text message (SMS)', plural: 'text messages', short: 'text' },
  web: { title: 'Website slot', plural: 'website slots', short: 'website' },
  outreach: { title: 'Direct outreach', plural: 'direct outreach', short: 'outreach' },
};

export const METRIC_TITLES: Record<MetricId, string> = {
  acceptance: 'Cross-sell acceptance rate',
  'time-to-secondary': 'Time to a second category',
  'category-expansion': 'Category expansion rate',
  'cross-sell-aov': 'Cross-sell order value',
  'return-rate': 'Return rate of suggested items',
};

/** The workspace's main areas, as their tabs are labelled, in order. */
export const AREA_TITLES = { data: 'Data', insights: 'Insights', plans: 'Plans', exercises: 'Exercises' } as const;

/** The pages of the Insights area, as their tabs are labelled, in order. */
export const INSIGHT_PAGE_TITLES = {
  combinations: 'Bought together',
  sequences: 'Bought next',
  families: 'Families',
  ladders: 'Ladders',
  segments: 'Segments',
  moments: 'Moments',
  baselines: 'Baselines',
} as const;

/** The steps of a plan, and the last one where it is checked and exported. */
export const PLAN_STEP_TITLES: Record<PlanStepId | 'check', string> = {
  strategy: 'Strategy',
  moment: 'Moment',
  recommendations: 'Recommendations',
  messages: 'Messages',
  channels: 'Channel plan',
  pilot: 'Pilot',
  check: 'Check and export',
};

export const TEST_VARIABLE_TITLES: Record<TestVariable, string> = {
  subject: 'Email subject line',
  offer: 'Offer',
  timing: 'Timing',
  'call-to-action': 'Call to action',
  channel: 'Channel',
  products: 'Products shown',
};

/** Where a recommendation came from. */
export const SOURCE_LABELS: Record<Recommendation['source'], string> = {
  pair: 'Bought together',
  sequence: 'Bought later',
  ladder: 'Next tier up',
  family: 'Next family member',
  manual: 'Added by hand',
};

export const DECISION_LABELS: Record<Recommendation['decision'], string> = {
  proposed: 'Waiting for review',
  approved: 'Approved',
  rejected: 'Rejected',
};

/** What a recommendation's flag warns of. */
export const FLAG_WARNINGS: Record<Recommendation['flags'][number], string> = {
  owned: 'The preview customer already owns it',
  'out-of-stock': 'Out of stock',
  'low-evidence': 'Little evidence behind it',
  'category-level': 'A category, not a single product',
  'out-of-season': 'Sells little at this time of year',
};

export const READINESS_LABELS: Record<ReadinessStatus, string> = {
  ready: 'Ready',
  partly: 'Partly ready',
  'not-ready': 'Not ready',
};

export interface StatusWords {
  label: string;
  /** Four letters at most, for the command line's fixed-width column. */
  tag: string;
}

export const CHECK_STATUS_WORDS: Record<CheckStatus, StatusWords> = {
  pass: { label: 'Pass', tag: 'pass' },
  warn: { label: 'Warning', tag: 'WARN' },
  fail: { label: 'Fails', tag: 'FAIL' },
};

/** A failing check someone accepted with a reason. */
export const ACCEPTED_CHECK_WORDS: StatusWords = { label: 'Accepted', tag: 'ack' };

/** Whether a pilot result meets one of the scale criteria. */
export const criterionLabel = (met: boolean) => (met ? 'Met' : 'Not met');

/** A file picked with others, as the import goes through them in turn. */
export const QUEUED_FILE_LABELS: Record<QueuedFileStatus, string> = {
  waiting: 'waiting',
  current: 'now',
  done: 'imported',
  failed: 'not imported',
  skipped: 'skipped',
};

export interface ImportModeWords {
  /** As the choice before an import offers it. */
  action: string;
  /** As the history says what an import did. */
  done: string;
}

export const IMPORT_MODE_WORDS: Record<ImportMode, ImportModeWords> = {
  append: { action: 'Add', done: 'added' },
  update: { action: 'Update by number', done: 'updated by number' },
  replace: { action: 'Replace', done: 'replaced earlier data' },
};

/** What an import in the history can no longer, or still, be. */
export const IMPORT_HISTORY_TAGS = {
  undone: 'undone or replaced: its rows are no longer in the workspace',
  undoable: 'can be undone',
} as const;
