import { useEffect } from 'react';
import { DEMO_WORKSPACES } from '../../core/demo/demo-workspaces';
import { NameDialog } from '../components/NameDialog';
import { useWorkspace } from '../state/store-context';
import { TourLauncher } from './tour/TourLauncher';

export function HomeScreen() {
  const recent = useWorkspace((s) => s.recent);
  const refreshRecent = useWorkspace((s) => s.refreshRecent);
  const createWorkspace = useWorkspace((s) => s.createWorkspace);
  const pickAndOpen = useWorkspace((s) => s.pickAndOpen);
  const openRecent = useWorkspace((s) => s.openRecent);
  const forgetRecent = useWorkspace((s) => s.forgetRecent);
  const openDemo = useWorkspace((s) => s.openDemo);
  const naming = useWorkspace((s) => s.namingNewWorkspace);
  const setNaming = useWorkspace((s) => s.setNamingNewWorkspace);

  useEffect(() => {
    void refreshRecent();
  }, [refreshRecent]);

  return (
    <div className="home">
      <section aria-labelledby="start-heading">
        <h1 id="start-heading">Plan your next cross-sell campaign</h1>
        <p className="lead">
          A workspace keeps one business's customers, products, orders and plans together in a single file.
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => setNaming(true)}>
            New workspace…
          </button>
          <button type="button" onClick={() => void pickAndOpen()}>
            Open workspace…
          </button>
          <TourLauncher />
        </div>
      </section>

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent workspaces</h2>
        {recent.length === 0 ? (
          <p className="empty">No recent workspaces yet. Create one, open a file, or start from a demo below.</p>
        ) : (
          <ul className="recent-list">
            {recent.map(({ ref, openedAt }) => (
              <li key={ref.id}>
                <button type="button" className="recent-open" onClick={() => void openRecent(ref)}>
                  <span className="recent-name">{ref.name}</span>
                  <span className="muted">opened {new Date(openedAt).toLocaleString()}</span>
                </button>
                <button
                  type="button"
                  className="link"
                  aria-label={`Remove ${ref.name} from the list`}
                  onClick={() => void forgetRecent(ref)}
                >
                  Remove from list
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="demo-heading">
        <h2 id="demo-heading">Demo workspaces</h2>
        <p className="muted">
          Realistic invented businesses, one for each cross-sell strategy — good for learning and teaching.
        </p>
        <div className="demo-grid">
          {DEMO_WORKSPACES.map((demo) => (
            <article key={demo.industry} className="demo-card">
              <h3>{demo.name}</h3>
              <p className="strategy">{demo.strategyLabel}</p>
              <p>{demo.description}</p>
              <button
                type="button"
                onClick={() => void openDemo(demo.industry, demo.name)}
                aria-label={`Open demo: ${demo.name}`}
              >
                Open demo
              </button>
            </article>
          ))}
        </div>
      </section>

      <NameDialog
        key={String(naming)}
        open={naming}
        title="New workspace"
        label="Name of the business or client"
        initial="Untitled workspace"
        confirmLabel="Create"
        onCancel={() => setNaming(false)}
        onConfirm={(name) => {
          setNaming(false);
          void createWorkspace(name);
        }}
      />
    </div>
  );
}
