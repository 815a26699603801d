import { useEffect } from 'react';
import { NoticeBar } from './components/NoticeBar';
import { OpenProblemDialog } from './components/OpenProblemDialog';
import { ProgressOverlay } from './components/ProgressOverlay';
import { ScreenBoundary } from './components/ScreenBoundary';
import { TitleBar } from './components/TitleBar';
import { HomeScreen } from './screens/HomeScreen';
import { WorkspaceScreen } from './screens/WorkspaceScreen';
import { useHost, useWorkspace } from './state/store-context';

const APP_NAME = 'Cross-Sell Planner';

export function App() {
  const host = useHost();
  const name = useWorkspace((s) => s.summary?.name);
  const saveState = useWorkspace((s) => s.saveState);
  const hasWorkspace = useWorkspace((s) => s.summary !== null);

  useEffect(() => {
    const unsaved = saveState === 'saved' ? '' : '• ';
    host.setTitle(name ? `${unsaved}${name} — ${APP_NAME}` : APP_NAME);
  }, [host, name, saveState]);

  return (
    <div className="app">
      <TitleBar appName={APP_NAME} />
      <NoticeBar />
      <main className="content">
        {hasWorkspace ? (
          <ScreenBoundary screen="workspace" otherwise="Try again.">
            <WorkspaceScreen />
          </ScreenBoundary>
        ) : (
          <ScreenBoundary screen="start page" otherwise="Try again, or reload the page.">
            <HomeScreen />
          </ScreenBoundary>
        )}
      </main>
      <ProgressOverlay />
      <OpenProblemDialog />
    </div>
  );
}
