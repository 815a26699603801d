import { useRef, useState, type KeyboardEvent } from 'react';
import { ScreenBoundary } from '../../components/ScreenBoundary';
import { useInsights } from '../../state/store-context';
import { DrilldownDialog } from './DrilldownDialog';
import { INSIGHT_PAGES, type InsightPageId } from './pages';

/** The Insights area: one page per analysis, chosen from a tab list (arrow keys move between tabs). */
export function InsightsScreen() {
  const [pageId, setPageId] = useState<InsightPageId>('combinations');
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const page = INSIGHT_PAGES.find((p) => p.id === pageId)!;
  const askAgain = useInsights((s) => s.askAgain);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (index + step + INSIGHT_PAGES.length) % INSIGHT_PAGES.length;
    setPageId(INSIGHT_PAGES[next].id);
    tabs.current[next]?.focus();
  };

  return (
    <div className="insights">
      <div role="tablist" aria-label="Insights" className="tabs">
        {INSIGHT_PAGES.map((p, index) => (
          <button
            key={p.id}
            ref={(el) => {
              tabs.current[index] = el;
            }}
            type="button"
            role="tab"
            id={`insight-tab-${p.id}`}
            aria-selected={p.id === pageId}
            aria-controls="insight-panel"
            tabIndex={p.id === pageId ? 0 : -1}
            onClick={() => setPageId(p.id)}
            onKeyDown={(e) => onKeyDown(e, index)}
          >
            {p.title}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="insight-panel" aria-labelledby={`insight-tab-${pageId}`}>
        <ScreenBoundary screen={`${page.title} page`} onRetry={askAgain}>
          <page.Page />
        </ScreenBoundary>
      </div>
      <ScreenBoundary screen="list behind that figure" otherwise="Try again, or close it and pick another figure.">
        <DrilldownDialog />
      </ScreenBoundary>
    </div>
  );
}
