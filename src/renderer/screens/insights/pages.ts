import type { ComponentType } from 'react';
import { INSIGHT_PAGE_TITLES } from '../../../core/vocabulary';
import { BaselinesPage } from './BaselinesPage';
import { CombinationsPage } from './CombinationsPage';
import { FamiliesPage } from './FamiliesPage';
import { LaddersPage } from './LaddersPage';
import { MomentsPage } from './MomentsPage';
import { SegmentsPage } from './SegmentsPage';
import { SequencesPage } from './SequencesPage';

export type InsightPageId = keyof typeof INSIGHT_PAGE_TITLES;

/** The Insights pages in the order of the tab list. */
export const INSIGHT_PAGES: readonly { id: InsightPageId; title: string; Page: ComponentType }[] = [
  { id: 'combinations', title: INSIGHT_PAGE_TITLES.combinations, Page: CombinationsPage },
  { id: 'sequences', title: INSIGHT_PAGE_TITLES.sequences, Page: SequencesPage },
  { id: 'families', title: INSIGHT_PAGE_TITLES.families, Page: FamiliesPage },
  { id: 'ladders', title: INSIGHT_PAGE_TITLES.ladders, Page: LaddersPage },
  { id: 'segments', title: INSIGHT_PAGE_TITLES.segments, Page: SegmentsPage },
  { id: 'moments', title: INSIGHT_PAGE_TITLES.moments, Page: MomentsPage },
  { id: 'baselines', title: INSIGHT_PAGE_TITLES.baselines, Page: BaselinesPage },
];
