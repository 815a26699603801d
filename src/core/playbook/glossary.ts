import { CHECKS } from '../plan/checklist';
import { MOMENT_CATALOGUE } from '../plan/moment-catalogue';
import { STRATEGIES } from '../plan/strategy-advice';
import type { ChannelId, MetricId, PlanMomentId, StrategyId } from '../plan/plan-document';
import { CHANNEL_WORDS, METRIC_TITLES } from '../vocabulary';
import { EXPLAINED_MEASURES, RULE_MEASURE_MEANINGS, WORKED_EXAMPLE, explainRuleMeasure } from './measure-explanations';

/**
 * A short explanation of every strategy, moment, channel, metric and pitfall, as the help panel
 * shows it, and the measures of the Insights tables with a worked example. Strategies, moments and pitfalls take their words from their catalogues; channels and
 * metrics add here what their catalogues do not say. Names come from the vocabulary.
 */

export type GlossaryKind = 'strategy' | 'moment' | 'channel' | 'metric' | 'pitfall' | 'measure';

export type GlossaryId =
  | `strategy:${StrategyId}`
  | `moment:${PlanMomentId}`
  | `channel:${ChannelId}`
  | `metric:${MetricId}`
  | `pitfall:${string}`
  | `measure:${(typeof EXPLAINED_MEASURES)[number]}`;

export interface GlossaryEntry {
  id: GlossaryId;
  kind: GlossaryKind;
  title: string;
  /** Labelled paragraphs, in reading order. */
  parts: { label: string; text: string }[];
}

/** What each channel suits, does best and what to watch with it. */
export const CHANNEL_GUIDE: Record<ChannelId, { suits: string; strength: string; watch: string }> = {
  email: {
    suits:
      'Room to explain: why the product goes with what they bought, and how to use it. Only to customers who opted in to email.',
    strength:
      'There is room to show the product, say why it goes with the last order and how to get the most out of both.',
    watch: 'Inboxes are crowded: a subject line that promises something specific earns the open.',
  },
  sms: {
    suits:
      'Short and time-bound: an offer that ends soon or a quick reminder. Only to customers who opted in to texts.',
    strength: 'Read within minutes, so it suits offers with a deadline and reminders while the customer can still act.',
    watch: 'Every character counts and texts feel personal: send few, and only with something worth the interruption.',
  },
  web: {
    suits:
      'Shown while they browse, so they discover the product themselves. Nothing is sent, so it needs no opt-in and does not count against the cap.',
    strength:
      'Part of the shopping itself: the customer finds the product while looking around, with pictures and detail at hand.',
    watch: 'It only reaches customers who come back to the site, so it rarely works alone for a time-bound moment.',
  },
  outreach: {
    suits: 'A call or a visit from a person: keep it for valuable customers and purchases that need advice.',
    strength: 'A person can listen, answer questions and advise, which matters for costly or complex purchases.',
    watch: 'It costs staff time for every customer, so keep it for the few where the decision is big.',
  },
};

/** What each pilot metric measures and why it is worth watching. */
export const METRIC_MEANINGS: Record<MetricId, { definition: string; whyItMatters: string }> = {
  acceptance: {
    definition:
      'The share of customers who bought a suggested product within the window, out of all who were shown the suggestion.',
    whyItMatters:
      'It tells how relevant the suggestions are. A low rate often points at the wrong moment or at products that do not fit.',
  },
  'time-to-secondary': {
    definition:
      'The median number of days between a first order and a later order from a category the customer had not bought before.',
    whyItMatters:
      'It shows whether suggestions arrive when customers are ready: long gaps can mean the trigger fires too early or too late.',
  },
  'category-expansion': {
    definition: 'The share of customers who buy from two or more categories within the window after their first order.',
    whyItMatters:
      'It measures how well the plan opens new product lines to customers instead of selling more of the same.',
  },
  'cross-sell-aov': {
    definition: 'The average value of later orders that add a new category.',
    whyItMatters:
      'It shows whether the added purchases are worth having: suggestions that only move small items add little.',
  },
  'return-rate': {
    definition: 'The share of items from a new category that customers sent back.',
    whyItMatters:
      'It is the customer’s verdict on the suggestion: more returns than usual mean the picks look better than they fit.',
  },
};

/** The label of a measure's example part, which the help panel may retell with the workspace's own strongest pair. */
export const WORKED_EXAMPLE_LABEL = 'Worked example';

const entries: GlossaryEntry[] = [
  ...STRATEGIES.map((s): GlossaryEntry => ({
    id: `strategy:${s.id}`,
    kind: 'strategy',
    title: s.title,
    parts: [
      { label: 'What it is', text: s.what },
      { label: 'When it fits', text: s.whenItFits },
      { label: 'Data it needs', text: s.dataNeeded },
    ],
  })),
  ...Object.values(MOMENT_CATALOGUE).map((m): GlossaryEntry => ({
    id: `moment:${m.id}`,
    kind: 'moment',
    title: m.title,
    parts: [
      { label: 'Why this moment', text: m.explanation },
      { label: 'When it starts', text: m.trigger },
    ],
  })),
  ...(Object.entries(CHANNEL_GUIDE) as [ChannelId, (typeof CHANNEL_GUIDE)[ChannelId]][]).map(
    ([id, c]): GlossaryEntry => ({
      id: `channel:${id}`,
      kind: 'channel',
      title: CHANNEL_WORDS[id].title,
      parts: [
        { label: 'Suits', text: c.suits },
        { label: 'Strength', text: c.strength },
        { label: 'Watch for', text: c.watch },
      ],
    }),
  ),
  ...(Object.entries(METRIC_MEANINGS) as [MetricId, (typeof METRIC_MEANINGS)[MetricId]][]).map(
    ([id, m]): GlossaryEntry => ({
      id: `metric:${id}`,
      kind: 'metric',
      title: METRIC_TITLES[id],
      parts: [
        { label: 'What it measures', text: m.definition },
        { label: 'Why it matters', text: m.whyItMatters },
      ],
    }),
  ),
  ...EXPLAINED_MEASURES.map((m): GlossaryEntry => ({
    id: `measure:${m}`,
    kind: 'measure',
    title: RULE_MEASURE_MEANINGS[m].title,
    parts: [
      { label: 'What it means', text: RULE_MEASURE_MEANINGS[m].meaning },
      { label: WORKED_EXAMPLE_LABEL, text: explainRuleMeasure(m, WORKED_EXAMPLE.counts, WORKED_EXAMPLE.words) },
    ],
  })),
  ...CHECKS.map((c): GlossaryEntry => ({
    id: `pitfall:${c.id}`,
    kind: 'pitfall',
    title: c.title,
    parts: [{ label: 'Why it matters', text: c.why }],
  })),
];

export const GLOSSARY: ReadonlyMap<GlossaryId, GlossaryEntry> = new Map(entries.map((e) => [e.id, e]));

export function glossaryEntry(id: GlossaryId): GlossaryEntry | undefined {
  return GLOSSARY.get(id);
}
