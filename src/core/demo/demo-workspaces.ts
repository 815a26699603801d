import type { Industry } from '../store/workspace-types';
import { STRATEGY_TITLES } from '../vocabulary';

/**
 * The demo businesses the home screen offers, one invented business per cross-sell strategy.
 * Kept apart from the generators so the home screen does not load the catalogs.
 */

export type DemoStrategy = 'completion' | 'expert-evolution' | 'ecosystem';

export interface DemoWorkspace {
  industry: Industry;
  name: string;
  strategy: DemoStrategy;
  strategyLabel: string;
  description: string;
}

export const DEMO_WORKSPACES: readonly DemoWorkspace[] = [
  {
    industry: 'beauty',
    name: 'Glow & Co. skincare',
    strategy: 'completion',
    strategyLabel: STRATEGY_TITLES.completion,
    description:
      'A skincare shop whose customers build a routine one product at a time: cleanser first, then toner, serum and moisturiser over later orders.',
  },
  {
    industry: 'running',
    name: 'Northpace Running Co.',
    strategy: 'expert-evolution',
    strategyLabel: STRATEGY_TITLES.evolution,
    description:
      'A running retailer with beginner, intermediate and race-day gear, where logged kilometres and milestones show who is ready for the next step up.',
  },
  {
    industry: 'lighting',
    name: 'Lumora Smart Lighting',
    strategy: 'ecosystem',
    strategyLabel: STRATEGY_TITLES.ecosystem,
    description:
      'A smart-lighting brand whose customers start with a kit and add bulbs, strips, switches and sensors from the same family.',
  },
];

export function demoWorkspace(industry: Industry): DemoWorkspace {
  const demo = DEMO_WORKSPACES.find((d) => d.industry === industry);
  if (!demo) throw new Error(`There is no demo for "${industry}".`);
  return demo;
}
