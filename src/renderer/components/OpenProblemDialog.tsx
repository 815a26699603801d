import type { OpenFailureKind } from '../../core/store/workspace-types';
import { useWorkspace } from '../state/store-context';
import { Modal } from './Modal';

const TITLES: Record<OpenFailureKind, string> = {
  empty: 'The file is empty',
  'not-sqlite': 'Not a workspace file',
  'not-workspace': 'Not a workspace file',
  truncated: 'The workspace file is incomplete',
  damaged: 'The workspace file is damaged',
  'newer-version': 'Made by a newer version',
  'foreign-objects': 'The workspace holds things the app did not put there',
};

export function OpenProblemDialog() {
  const problem = useWorkspace((s) => s.openProblem);
  const dismiss = useWorkspace((s) => s.dismissProblem);
  const openBackup = useWorkspace((s) => s.openBackup);
  const openCleanedCopy = useWorkspace((s) => s.openCleanedCopy);
  return (
    <Modal open={problem !== null} title={problem ? TITLES[problem.kind] : ''} onClose={dismiss}>
      {problem && (
        <div data-testid="open-problem" data-kind={problem.kind}>
          <p>{problem.message}</p>
          {problem.detail && (
            <details className="message-details">
              <summary>Details</summary>
              <pre>{problem.detail}</pre>
            </details>
          )}
          <p className="muted">
            The file <strong>{problem.ref.name}</strong> has not been changed.
            {problem.hasBackup ? ' A backup from its previous save is available.' : ''}
          </p>
          <div className="actions">
            {problem.hasBackup && (
              <button type="button" className="primary" onClick={() => void openBackup(problem)}>
                Open the backup
              </button>
            )}
            {problem.canClean && (
              <button type="button" onClick={() => void openCleanedCopy(problem)}>
                Open a copy without them
              </button>
            )}
            <button type="button" onClick={dismiss} autoFocus={!problem.hasBackup}>
              Close
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}
