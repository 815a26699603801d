import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { WorkspaceSummary } from '../core/store/workspace-types';
import { App } from './App';
import { startEngine } from './engine-client';
import { selectHost } from './host/select-host';
import { ServicesProvider } from './state/store-context';
import { createExercisesStore } from './state/exercises-store';
import { createImportStore } from './state/import-store';
import { createInsightsStore } from './state/insights-store';
import { createPilotStore } from './state/pilot-store';
import { createPlanEditorStore } from './state/plan-editor-store';
import { createPlanExportsStore } from './state/plan-exports-store';
import { createPlanListStore } from './state/plan-list-store';
import { createWorkspaceStore } from './state/workspace-store';
import './styles.css';

const host = selectHost();
const { engine, restart } = startEngine();
const store = createWorkspaceStore(host, engine, {
  restartEngine: restart,
  settlePendingEdits: () => planEditorStore.getState().flush(),
  hasPendingEdits: () => Boolean(planEditorStore.getState().open?.dirty),
});
const adoptChange = (summary: WorkspaceSummary) => store.getState().adoptChange(summary);
const planEditorStore = createPlanEditorStore(engine, {
  onChanged: adoptChange,
  onEdited: () => store.getState().markUnsaved(),
  // The Plans area has one notice, held by the list.
  onProblem: (message) => planListStore.getState().showMessage(message),
});
const planListStore = createPlanListStore(engine, host, planEditorStore, adoptChange);
const planExportsStore = createPlanExportsStore(engine, host, planEditorStore, adoptChange);
const pilotStore = createPilotStore(engine, host, planEditorStore, adoptChange);
const insightsStore = createInsightsStore(engine, adoptChange);
const exercisesStore = createExercisesStore(engine, adoptChange);
const importStore = createImportStore(host, engine, (summary) => {
  store.getState().adoptImport(summary);
  insightsStore.getState().reset();
  // The data changed: the list, then the open plan's view and checklist, are worked out again.
  void planListStore
    .getState()
    .load()
    .then(() => planEditorStore.getState().refreshView());
});
// Answers belong to one workspace: another one (or none) starts afresh.
store.subscribe((now, before) => {
  if (now.ref !== before.ref || (now.summary === null && before.summary !== null)) {
    insightsStore.getState().reset();
    planListStore.getState().reset();
    planEditorStore.getState().reset();
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
    <ServicesProvider
      services={{
        host,
        store,
        importStore,
        insightsStore,
        planListStore,
        planEditorStore,
        planExportsStore,
        pilotStore,
        exercisesStore,
      }}
    >
      <App />
    </ServicesProvider>
  </StrictMode>,
);
