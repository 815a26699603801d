import { PLAN_STEP_TITLES } from '../../../core/vocabulary';

/** The stops of the guided tour: what each shows, and how to find the real control it points at. */

export interface TourStop {
  id: 'import' | 'insights' | 'plan' | 'checklist' | 'export';
  title: string;
  text: string;
  /** Where the control is, in order of preference: the first one on screen is highlighted. */
  targets: (() => Element | null)[];
  /** What to do when none of the targets is on screen. */
  whenHidden: string;
}

const byId = (id: string) => () => document.getElementById(id);
const query = (selector: string) => () => document.querySelector(selector);

/** A button by its visible name, optionally inside a container. */
const button =
  (name: string, within = 'body') =>
  () =>
    Array.from(document.querySelectorAll(`${within} button`)).find((b) => b.textContent?.includes(name)) ?? null;

const CHECK_STEP = button(PLAN_STEP_TITLES.check, 'nav[aria-label="Plan steps"]');

export const TOUR_STOPS: readonly TourStop[] = [
  {
    id: 'import',
    title: 'Bring in your data',
    text: 'Everything starts with an import: customers, products, orders and behaviour from CSV or spreadsheet files. The demo already holds an invented shop’s data, so you can look around straight away.',
    targets: [button('Import data…', '.workspace-header')],
    whenHidden: 'Go back to the workspace’s Data tab to see the import button.',
  },
  {
    id: 'insights',
    title: 'Find the evidence',
    text: 'Insights show which products are bought together or one after another, which customers own part of a family, and the moments that open a door. Each finding is an association in past orders, not proof of cause.',
    targets: [byId('area-tab-insights')],
    whenHidden: 'Open the workspace to see its Insights tab.',
  },
  {
    id: 'plan',
    title: 'Open a complete plan',
    text: 'A plan turns the evidence into a campaign: strategy, moment, recommendations, messages, channels and a pilot. The demo comes with an example plan that has every step filled in: open it from the Plans tab.',
    targets: [
      query('nav[aria-label="Plan steps"]'),
      query('ul.plan-list[aria-label="Plans"] .plan-name'),
      byId('area-tab-plans'),
    ],
    whenHidden: 'Open the workspace to see its Plans tab.',
  },
  {
    id: 'checklist',
    title: 'Check it before it goes out',
    text: 'The last step runs the pitfall checklist: timing, relevance, consent, message length, pilot size and more. A failing check blocks the export until you fix it or write down why it is acceptable.',
    targets: [CHECK_STEP],
    whenHidden: 'Open the example plan from the Plans tab first.',
  },
  {
    id: 'export',
    title: 'Export the plan',
    text: 'When the checks allow it, export the plan for the people who run the campaign: the campaign plan, the audience, the messages and the schedule, each as a file.',
    targets: [query('.export-panel .export-buttons button'), CHECK_STEP],
    whenHidden: 'Open the example plan and go to its Check and export step.',
  },
];
