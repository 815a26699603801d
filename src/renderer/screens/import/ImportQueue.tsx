import type { QueuedFileStatus } from '../../state/import-store';
import { useImport } from '../../state/store-context';

const STATUS_LABELS: Record<QueuedFileStatus, string> = {
  waiting: 'waiting',
  current: 'now',
  done: 'imported',
  failed: 'not imported',
  skipped: 'skipped',
};

/** The files picked together, in the order they are imported; shown when there is more than one. */
export function ImportQueue() {
  const queue = useImport((s) => s.queue);
  if (queue.length < 2) return null;
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
            <span className={`import-queue-status status-${status}`}>{STATUS_LABELS[status]}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
