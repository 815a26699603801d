import { Modal } from '../../components/Modal';
import { useImport } from '../../state/store-context';
import { ImportProgressView } from './ImportProgressView';
import { ImportQueue } from './ImportQueue';
import { ImportReportView } from './ImportReportView';
import { ImportSetReportView } from './ImportSetReportView';
import { ImportSetReview } from './ImportSetReview';
import { ImportSetup } from './ImportSetup';

/** Imports from file to report in one dialog, one file after another when several were picked. */
export function ImportDialog() {
  const phase = useImport((s) => s.phase);
  const preview = useImport((s) => s.preview);
  const mapping = useImport((s) => s.mapping);
  const failure = useImport((s) => s.failure);
  const note = useImport((s) => s.note);
  const report = useImport((s) => s.report);
  const setFiles = useImport((s) => s.set);
  const setReport = useImport((s) => s.setReport);
  const moreToCome = useImport((s) => s.queue.some((queued) => queued.status === 'waiting'));
  const severalFiles = useImport((s) => s.queue.length > 1);
  const { run, runSet, importOneByOne, cancel, close, nextFile, skipFile } = useImport((s) => s);
  const title =
    phase === 'report'
      ? failure
        ? 'Nothing was imported'
        : 'Import finished'
      : setFiles
        ? 'Import files together'
        : 'Import data';

  return (
    <Modal
      open={phase !== 'closed'}
      title={title}
      className="import-dialog"
      onClose={phase === 'running' ? () => void cancel() : phase === 'reading' ? undefined : close}
    >
      <ImportQueue />
      {phase === 'reading' && <p role="status">Reading the file…</p>}
      {note && <p role="status">{note}</p>}
      {failure && (
        <div role="alert" className="import-failure">
          <p>{failure.message}</p>
          {failure.detail && <p className="muted">{failure.detail}</p>}
        </div>
      )}
      {phase === 'setup' && preview && <ImportSetup />}
      {phase === 'running' && <ImportProgressView />}
      {phase === 'report' && report && <ImportReportView report={report} />}
      {phase === 'set' && <ImportSetReview />}
      {phase === 'report' && setReport && <ImportSetReportView report={setReport} />}

      {phase === 'set' && setFiles && (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={!setFiles.some((file) => file.role === 'data' || file.role === 'lookup')}
            onClick={() => void runSet()}
          >
            Import these files together
          </button>
          <button type="button" onClick={() => void importOneByOne()}>
            Import them one at a time
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      )}
      {phase === 'setup' && (
        <div className="actions">
          {preview && (
            <button type="button" className="primary" disabled={!mapping} onClick={() => void run()}>
              Import
            </button>
          )}
          {severalFiles && (
            <button type="button" onClick={() => void skipFile()}>
              Skip this file
            </button>
          )}
          <button type="button" onClick={close}>
            {preview ? 'Cancel' : 'Close'}
          </button>
        </div>
      )}
      {phase === 'report' && (
        <div className="actions">
          {moreToCome ? (
            <>
              <button type="button" className="primary" autoFocus onClick={() => void nextFile()}>
                Next file
              </button>
              <button type="button" onClick={close}>
                Stop here
              </button>
            </>
          ) : (
            <button type="button" className="primary" autoFocus onClick={close}>
              Done
            </button>
          )}
        </div>
      )}
    </Modal>
  );
}
