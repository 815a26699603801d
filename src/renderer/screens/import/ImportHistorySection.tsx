import { useEffect, useState } from 'react';
import type { ImportHistoryEntry } from '../../../core/import/history';
import { KIND_FIELDS, KIND_LABELS } from '../../../core/import/kinds';
import { IMPORT_HISTORY_TAGS, IMPORT_MODE_WORDS } from '../../../core/vocabulary';
import { Modal } from '../../components/Modal';
import { useImport, useWorkspace } from '../../state/store-context';

const n = (value: number) => value.toLocaleString('en');
const rows = (value: number) => `${n(value)} ${value === 1 ? 'row' : 'rows'}`;
const formatWhen = (iso: string) =>
  new Date(iso).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Every import into the workspace, newest first, with undo of the last one. */
export function ImportHistorySection() {
  const summary = useWorkspace((s) => s.summary);
  const history = useImport((s) => s.history);
  const historyNotice = useImport((s) => s.historyNotice);
  const { loadHistory, undoLastImport, dismissHistoryNotice } = useImport((s) => s);
  const [confirming, setConfirming] = useState(false);
  const [undoing, setUndoing] = useState(false);
  const last = history?.find((entry) => entry.undoable) ?? null;

  // Reloaded whenever the workspace or its data changes (another workspace, an import, an undo).
  useEffect(() => {
    void loadHistory();
  }, [summary, loadHistory]);
  // A notice belongs to the workspace it was about.
  useEffect(() => dismissHistoryNotice, [dismissHistoryNotice]);

  const undo = async () => {
    setUndoing(true);
    try {
      await undoLastImport();
    } finally {
      setUndoing(false);
      setConfirming(false);
    }
  };

  return (
    <section aria-labelledby="history-heading" className="import-history">
      <div className="section-header">
        <h2 id="history-heading">Import history</h2>
        {last && (
          <button type="button" onClick={() => setConfirming(true)}>
            Undo last import…
          </button>
        )}
      </div>
      {historyNotice && (
        <p role="status" className="undo-notice">
          {historyNotice}{' '}
          <button type="button" className="link" onClick={dismissHistoryNotice}>
            Dismiss
          </button>
        </p>
      )}
      {!history ? (
        <p className="muted">Reading the history…</p>
      ) : history.length === 0 ? (
        <p className="empty">
          No files have been imported into this workspace yet. Each import will be listed here, and the last one can be
          undone.
        </p>
      ) : (
        <>
          <p className="muted">
            Only the last import can be undone; it puts the workspace back exactly as it was before that import.
          </p>
          <ol className="history-list" aria-label="Imports, newest first">
            {history.map((entry) => (
              <HistoryItem key={entry.importId} entry={entry} />
            ))}
          </ol>
        </>
      )}

      <Modal
        open={confirming && last !== null}
        title="Undo the last import?"
        onClose={undoing ? undefined : () => setConfirming(false)}
      >
        {last && (
          <p>
            This takes out the {rows(last.rowsImported)} imported from <strong>{last.fileName}</strong>, and puts back
            everything that import changed or replaced. The other imports stay as they are.
          </p>
        )}
        <div className="actions">
          <button type="button" className="primary" disabled={undoing} onClick={() => void undo()}>
            Undo import
          </button>
          <button type="button" autoFocus disabled={undoing} onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      </Modal>
    </section>
  );
}

function HistoryItem({ entry }: { entry: ImportHistoryEntry }) {
  const fields = entry.kind === 'demo' || entry.kind === 'set' ? [] : KIND_FIELDS[entry.kind];
  const what =
    entry.kind === 'demo'
      ? 'Demo data'
      : entry.kind === 'set'
        ? `${entry.files.length} files imported together`
        : capitalise(KIND_LABELS[entry.kind]);
  const labelOf = (field: string) => fields.find((spec) => spec.name === field)?.label ?? field;
  return (
    <li data-testid="history-entry" className={entry.undone ? 'history-undone' : undefined}>
      <details>
        <summary>
          <strong>{entry.fileName}</strong> — {what}, {IMPORT_MODE_WORDS[entry.mode].done},{' '}
          {formatWhen(entry.startedAt)}:{' '}
          <span data-testid="history-counts">
            {rows(entry.rowsImported)} imported, {n(entry.rowsRejected)} rejected
          </span>
          {entry.undone && <span className="history-tag"> ({IMPORT_HISTORY_TAGS.undone})</span>}
          {entry.undoable && <span className="history-tag"> ({IMPORT_HISTORY_TAGS.undoable})</span>}
        </summary>
        {entry.kind === 'demo' ? (
          <p className="muted">Made up by the demo generator, not read from a file.</p>
        ) : entry.kind === 'set' ? (
          <ul className="history-mapping" aria-label="Files of the set">
            {entry.files.map((file) => (
              <li key={file.index}>
                {file.fileName}: {file.description}
              </li>
            ))}
          </ul>
        ) : entry.mapping.length === 0 ? (
          <p className="muted">No columns were mapped: each line of the file was read as a whole.</p>
        ) : (
          <ul className="history-mapping" aria-label={`Columns of ${entry.fileName}`}>
            {entry.mapping.map(({ column, field }) => (
              <li key={field}>
                {column} → {labelOf(field)}
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}
