import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startEngine } from './engine-client';
import { selectHost } from './host/select-host';
import { ServicesProvider } from './state/store-context';
import { createWorkspaceStore } from './state/workspace-store';
import './styles.css';

const host = selectHost();
const store = createWorkspaceStore(host, startEngine());
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
    <ServicesProvider services={{ host, store }}>
      <App />
    </ServicesProvider>
  </StrictMode>,
);
