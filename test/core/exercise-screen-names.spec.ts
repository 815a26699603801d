import { expect, test } from '@playwright/test';
import { EXERCISES } from '../../src/core/exercises/catalogue';
import { AREA_TITLES, INSIGHT_PAGE_TITLES, PLAN_STEP_TITLES } from '../../src/core/vocabulary';

/** The tabs under each area, by the labels the app shows. */
const TABS_OF: Record<string, readonly string[]> = {
  [AREA_TITLES.insights]: Object.values(INSIGHT_PAGE_TITLES),
  [AREA_TITLES.plans]: Object.values(PLAN_STEP_TITLES),
};
const AREAS: readonly string[] = Object.values(AREA_TITLES);

/** Every screen path an exercise text names: "Insights → Bought together" up to the next comma or full stop. */
function screenPaths(text: string): string[][] {
  return [...text.matchAll(/([A-Z][\w’]*)((?: → [^,.;:→]+)+)/g)].map((m) => [
    m[1],
    ...m[2]
      .split(' → ')
      .slice(1)
      .map((s) => s.trim()),
  ]);
}

const texts = EXERCISES.map((e) => ({ id: e.id, text: `${e.title}. ${e.brief}` }));

test('every screen an exercise sends the learner to is a tab the app shows', () => {
  const named = texts.flatMap(({ id, text }) => screenPaths(text).map((path) => ({ id, path })));
  expect(named.map((n) => n.path)).toEqual([
    ['Insights', 'Bought together'],
    ['Plans', 'Check and export'],
  ]);
  for (const { id, path } of named) {
    const [area, tab] = path;
    expect(AREAS, `${id}: ${path.join(' → ')}`).toContain(area);
    expect(TABS_OF[area], `${id}: ${path.join(' → ')}`).toContain(tab);
    expect(path, `${id}: a path names an area and one of its tabs`).toHaveLength(2);
  }
});

test('an area an exercise opens is named by its tab, never followed by a page name outside a path', () => {
  for (const { id, text } of texts) {
    for (const [, word] of text.matchAll(/\b(?:Open|in|under) ([A-Z][\w’]*)/g)) expect(AREAS, id).toContain(word);
    // "Insights, Combinations": a page named after a comma instead of an arrow escapes the path check.
    for (const area of AREAS) expect(text, id).not.toMatch(new RegExp(`\\b${area}, [A-Z]`));
  }
});
