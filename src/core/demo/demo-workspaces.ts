import type { Industry } from '../../shared/workspace';

/** The demo businesses the home screen offers: one invented business per cross-sell strategy. */
export interface DemoWorkspace {
  industry: Industry;
  name: string;
  strategyLabel: string;
  description: string;
}

export const DEMO_WORKSPACES: readonly DemoWorkspace[] = [
  {
    industry: 'beauty',
    name: 'Glow & Co. skincare',
    strategyLabel: 'Completion',
    description:
      'A skincare shop whose customers build a routine one product at a time: cleanser first, then toner, serum and moisturiser over later orders.',
  },
  {
    industry: 'running',
    name: 'Stride Running Co.',
    strategyLabel: 'Expert-user evolution',
    description:
      'A running retailer with beginner, intermediate and race-day gear, where logged kilometres and milestones show who is ready for the next step up.',
  },
  {
    industry: 'lighting',
    name: 'Lumen Home lighting',
    strategyLabel: 'Ecosystem expansion',
    description:
      'A smart-lighting brand whose customers start with a kit and add bulbs, strips, switches and sensors from the same family.',
  },
];

export function demoWorkspace(industry: Industry): DemoWorkspace {
  const demo = DEMO_WORKSPACES.find((d) => d.industry === industry);
  if (!demo) throw new Error(`There is no demo for "${industry}".`);
  return demo;
}
