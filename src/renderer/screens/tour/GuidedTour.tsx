import { useEffect, useState } from 'react';
import { useWorkspace } from '../../state/store-context';
import { saveTourProgress, startTour, useTourProgress } from './tour-progress';
import { TOUR_STOPS, type TourStop } from './tour-stops';

const HIGHLIGHT = 'tour-highlight';

/** The guided tour over the open workspace: offered once on a demo, then one stop at a time until finished or skipped. */
export function GuidedTour() {
  const progress = useTourProgress();
  const isDemo = useWorkspace((s) => Boolean(s.summary?.demo));

  if (progress === null) return isDemo ? <TourOffer /> : null;
  if (progress.state !== 'active') return null;
  const index = Math.min(progress.stop, TOUR_STOPS.length - 1);
  return <TourCard index={index} />;
}

function TourOffer() {
  return (
    <section className="tour-offer" aria-label="Guided tour">
      <h2>New here?</h2>
      <p>
        A short tour walks through this demo: import, insights, a complete plan, the checklist and an export, pointing
        at each control.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={startTour}>
          Take the tour
        </button>
        <button type="button" onClick={() => saveTourProgress({ stop: 0, state: 'paused' })}>
          Not now
        </button>
      </div>
    </section>
  );
}

function TourCard({ index }: { index: number }) {
  const stop = TOUR_STOPS[index];
  const found = useHighlight(stop);
  const last = index === TOUR_STOPS.length - 1;
  const go = (to: number) => saveTourProgress({ stop: to, state: 'active' });
  return (
    <section className="tour-card" aria-label="Guided tour" data-testid="tour">
      <p className="muted">
        Stop {index + 1} of {TOUR_STOPS.length}
      </p>
      <h2>{stop.title}</h2>
      <p aria-live="polite">{stop.text}</p>
      {!found && <p className="step-needs">{stop.whenHidden}</p>}
      <div className="actions">
        <button type="button" disabled={index === 0} onClick={() => go(index - 1)}>
          Back
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => (last ? saveTourProgress({ stop: 0, state: 'finished' }) : go(index + 1))}
        >
          {last ? 'Finish' : 'Next'}
        </button>
        <button type="button" className="link" onClick={() => saveTourProgress({ stop: index, state: 'paused' })}>
          Skip tour
        </button>
      </div>
    </section>
  );
}

/** Outlines the stop's control while the stop is shown, following it as screens change; true while one is on screen. */
function useHighlight(stop: TourStop): boolean {
  const [found, setFound] = useState(false);
  useEffect(() => {
    let current: Element | null = null;
    const apply = () => {
      const target = stop.targets.map((find) => find()).find((el) => el !== null) ?? null;
      if (target === current) return;
      current?.classList.remove(HIGHLIGHT);
      target?.classList.add(HIGHLIGHT);
      target?.scrollIntoView({ block: 'nearest' });
      current = target;
      setFound(target !== null);
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      current?.classList.remove(HIGHLIGHT);
    };
  }, [stop]);
  return found;
}
