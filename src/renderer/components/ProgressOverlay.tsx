import { useWorkspace } from '../state/store-context';
import { Modal } from './Modal';

export function ProgressOverlay() {
  const busy = useWorkspace((s) => s.busy);
  const canCancel = useWorkspace((s) => s.canCancel);
  const cancelOpen = useWorkspace((s) => s.cancelOpen);
  const known = busy !== null && busy.total > 0;
  return (
    <Modal open={busy !== null} title={busy?.label ?? ''} className="progress-modal">
      <progress aria-label={busy?.label} max={known ? busy.total : undefined} value={known ? busy.done : undefined} />
      {known && (
        <p className="muted">
          {busy.done.toLocaleString()} of {busy.total.toLocaleString()}
        </p>
      )}
      {canCancel && (
        <div className="actions">
          <button type="button" onClick={cancelOpen}>
            Cancel
          </button>
        </div>
      )}
    </Modal>
  );
}
