import { QUEUED_FILE_LABELS } from '../../../core/vocabulary';
import { useImport } from '../../state/store-context';

/** The files picked together, in the order they are imported; shown when there is more than one. */
export function ImportQueue() {
  const queue = useImport((s) => s.queue);
  const reviewedAsSet = useImport((s) => s.set !== null);
  if (queue.length < 2 || reviewedAsSet) return null;
  const position = queue.findIndex((queued) => queued.status === 'current') + 1;

  return (
    <div className="import-queue">
      <p className="muted">{position > 0 ? `File ${position} of ${queue.length}` : `${queue.length} files`}</p>
      <ol aria-label="Files to import">
        {queue.map(({ file, status }, index) => (
          <li
            key={index}
            aria-current={status === 'current' ? 'step' : undefined}
            data-testid="queued-file"
            data-status={status}
          >
            <span className="import-queue-name">{file.name}</span>{' '}
            <span className={`import-queue-status status-${status}`}>{QUEUED_FILE_LABELS[status]}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
