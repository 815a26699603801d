import { DEMO_WORKSPACES } from '../../../core/demo/demo-workspaces';
import { useWorkspace } from '../../state/store-context';
import { startTour, useTourProgress } from './tour-progress';
import { TOUR_STOPS } from './tour-stops';

/** The home screen's way into the guided tour: it opens the first demo and starts, or resumes, the tour there. */
export function TourLauncher() {
  const progress = useTourProgress();
  const openDemo = useWorkspace((s) => s.openDemo);
  const demo = DEMO_WORKSPACES[0];
  const resuming = progress !== null && progress.state !== 'finished' && progress.stop > 0;
  return (
    <button
      type="button"
      onClick={() => {
        startTour();
        void openDemo(demo.industry, demo.name);
      }}
    >
      {resuming ? `Resume the tour (stop ${progress.stop + 1} of ${TOUR_STOPS.length})` : 'Take the tour'}
    </button>
  );
}
