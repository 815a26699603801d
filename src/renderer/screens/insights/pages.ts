import type { ComponentType } from 'react';
import { BaselinesPage } from './BaselinesPage';
import { CombinationsPage } from './CombinationsPage';
import { FamiliesPage } from './FamiliesPage';
import { LaddersPage } from './LaddersPage';
import { MomentsPage } from './MomentsPage';
import { SegmentsPage } from './SegmentsPage';
import { SequencesPage } from './SequencesPage';

export type InsightPageId =
  'combinations' | 'sequences' | 'families' | 'ladders' | 'segments' | 'moments' | 'baselines';

/** The Insights pages in the order of the tab list. */
export const INSIGHT_PAGES: readonly { id: InsightPageId; title: string; Page: ComponentType }[] = [
  { id: 'combinations', title: 'Bought together', Page: CombinationsPage },
  { id: 'sequences', title: 'Bought next', Page: SequencesPage },
  { id: 'families', title: 'Families', Page: FamiliesPage },
  { id: 'ladders', title: 'Ladders', Page: LaddersPage },
  { id: 'segments', title: 'Segments', Page: SegmentsPage },
  { id: 'moments', title: 'Moments', Page: MomentsPage },
  { id: 'baselines', title: 'Baselines', Page: BaselinesPage },
];
