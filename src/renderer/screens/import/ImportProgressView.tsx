import { useState } from 'react';
import { useImport } from '../../state/store-context';

const MB = 1024 * 1024;

/** How far the import is through the file, how fast it goes and about how long is left. */
export function ImportProgressView() {
  const progress = useImport((s) => s.progress);
  const cancel = useImport((s) => s.cancel);
  const file = useImport((s) => s.file);
  const files = useImport((s) => s.queue.length);
  const [cancelling, setCancelling] = useState(false);
  if (!progress) return null;
  const seconds = (progress.now - progress.startedAt) / 1000;
  const rate = seconds > 0 ? progress.done / seconds : 0;
  const rowsPerSecond = seconds > 0 ? progress.rows / seconds : 0;
  const left = rate > 0 ? (progress.total - progress.done) / rate : null;

  return (
    <div className="import-progress">
      <progress aria-label={`Importing ${file?.name ?? `${files} files`}`} max={progress.total} value={progress.done} />
      <p data-testid="import-progress">
        {progress.rows.toLocaleString('en-US')} rows ({(progress.done / MB).toFixed(1)} of{' '}
        {(progress.total / MB).toFixed(1)} MB) read
        {rowsPerSecond > 0 && ` · ${Math.round(rowsPerSecond).toLocaleString('en-US')} rows a second`}
        {left !== null && progress.done > 0 && ` · about ${formatSeconds(left)} left`}
      </p>
      <div className="actions">
        <button
          type="button"
          autoFocus
          disabled={cancelling}
          onClick={() => {
            setCancelling(true);
            void cancel();
          }}
        >
          {cancelling ? 'Cancelling…' : 'Cancel import'}
        </button>
      </div>
    </div>
  );
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  return `${Math.round(seconds / 60)} min`;
}
