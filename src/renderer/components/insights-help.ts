import type { GlossaryId } from '../../core/playbook/glossary';
import { EXPLAINED_MEASURES } from '../../core/playbook/measure-explanations';
import { METRIC_IDS, MOMENT_IDS } from '../../core/plan/plan-document';
import { INSIGHT_PAGES, type InsightPageId } from '../screens/insights/pages';
import type { HelpSection } from './HelpPanel';

/** What each Insights page's findings feed into, for the help panel beside them. */
const PAGE_TOPICS: Record<InsightPageId, GlossaryId[]> = {
  combinations: [
    ...EXPLAINED_MEASURES.map((m) => `measure:${m}` as const),
    'strategy:completion',
    'pitfall:relevance-lift',
    'pitfall:relevance-evidence',
  ],
  sequences: ['strategy:completion', 'strategy:evolution', 'metric:time-to-secondary'],
  families: ['strategy:ecosystem', 'metric:category-expansion'],
  ladders: ['strategy:evolution'],
  segments: ['channel:outreach', 'metric:cross-sell-aov'],
  moments: [...MOMENT_IDS.map((m) => `moment:${m}` as const), 'pitfall:timing-trap'],
  baselines: METRIC_IDS.map((m) => `metric:${m}` as const),
};

export const INSIGHTS_HELP: HelpSection[] = INSIGHT_PAGES.map((p) => ({ title: p.title, topics: PAGE_TOPICS[p.id] }));
