import { useWorkspace } from '../state/store-context';
import type { SaveState } from '../state/workspace-store';

const SAVE_LABELS: Record<SaveState, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  failed: 'Not saved',
};

export function TitleBar({ appName }: { appName: string }) {
  const name = useWorkspace((s) => s.summary?.name);
  const saveState = useWorkspace((s) => s.saveState);
  const saveError = useWorkspace((s) => s.saveError);
  const flush = useWorkspace((s) => s.flush);
  return (
    <header className="titlebar">
      <span className="brand">{appName}</span>
      {name && (
        <>
          <span className="workspace-name" data-testid="title-workspace">
            {name}
          </span>
          <span
            className={`save-state save-${saveState}`}
            role="status"
            data-testid="save-state"
            title={saveError ?? undefined}
          >
            {SAVE_LABELS[saveState]}
          </span>
          {saveState === 'failed' && (
            <button type="button" className="link" onClick={() => void flush().catch(() => undefined)}>
              Try saving again
            </button>
          )}
        </>
      )}
    </header>
  );
}
