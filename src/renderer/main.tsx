import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startEngine } from './engine-client';
import { selectHost } from './host/select-host';
import { ServicesProvider } from './state/store-context';
import { createExercisesStore } from './state/exercises-store';
import { createImportStore } from './state/import-store';
import { createInsightsStore } from './state/insights-store';
import { createPlansStore } from './state/plans-store';
import { createWorkspaceStore } from './state/workspace-store';
import './styles.css';

const host = selectHost();
const engine = startEngine();
const store = createWorkspaceStore(host, engine, {
  settlePendingEdits: () => plansStore.getState().flush(),
  hasPendingEdits: () => Boolean(plansStore.getState().open?.dirty),
});
const plansStore = createPlansStore(engine, host, {
  onChanged: (summary) => store.getState().adoptChange(summary),
  onEdited: () => store.getState().markUnsaved(),
});
const insightsStore = createInsightsStore(engine, (summary) => store.getState().adoptChange(summary));
const exercisesStore = createExercisesStore(engine, (summary) => store.getState().adoptChange(summary));
const importStore = createImportStore(host, engine, (summary) => {
  store.getState().adoptImport(summary);
  insightsStore.getState().reset();
  void plansStore.getState().dataChanged();
});
// Answers belong to one workspace: another one (or none) starts afresh.
store.subscribe((now, before) => {
  if (now.ref !== before.ref || (now.summary === null && before.summary !== null)) {
    insightsStore.getState().reset();
    plansStore.getState().reset();
    exercisesStore.getState().clear();
  }
});
host.onMenuCommand((command) => {
  const state = store.getState();
  if (command === 'open-workspace') void state.pickAndOpen();
  else void state.closeWorkspace().then(() => state.setNamingNewWorkspace(true));
});
host.onBeforeQuit({
  flush: () => store.getState().flush(),
  hasUnsavedWork: () => store.getState().saveState !== 'saved',
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ServicesProvider services={{ host, store, importStore, insightsStore, plansStore, exercisesStore }}>
      <App />
    </ServicesProvider>
  </StrictMode>,
);
