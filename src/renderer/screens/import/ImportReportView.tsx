import { describeReach } from '../../../core/import/reach';
import type { ImportReport } from '../../../core/import/report';
import type { RejectReason } from '../../../core/import/validate';
import { useImport } from '../../state/store-context';
import { ImportCounts } from './ImportCounts';

const REASON_LABELS: Record<RejectReason, string> = {
  unclosed_quote: 'A quote is opened and never closed',
  row_too_long: 'The row is too long to be real data',
  ragged_row: 'Wrong number of values',
  missing_id: 'No number to identify the row',
  missing_value: 'A needed value is missing',
  bad_date: 'A date we cannot read',
  bad_number: 'A number we cannot read',
  bad_yes_no: 'A yes/no value we cannot read',
  already_in_workspace: 'Already in the workspace',
};

const n = (value: number) => value.toLocaleString('en');

/** What the import did: rows read, imported and rejected, why rows were rejected, what to check. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const saveRejected = useImport((s) => s.saveRejected);
  const savedRejected = useImport((s) => s.savedRejected);
  const reasons = Object.entries(report.rejected) as [RejectReason, number][];

  return (
    <div className="import-report">
      <ImportCounts read={report.rowsRead} imported={report.rowsImported} rejected={report.rowsRejected} />
      {describeReach(report.reach) && <p data-testid="report-reach">{describeReach(report.reach)}</p>}
      {report.blankRowsSkipped > 0 && <p className="muted">{n(report.blankRowsSkipped)} blank lines were skipped.</p>}

      {reasons.length > 0 && (
        <section aria-labelledby="rejected-heading">
          <h3 id="rejected-heading">Why rows were rejected</h3>
          <ul data-testid="rejected-reasons">
            {reasons.map(([reason, count]) => (
              <li key={reason}>
                {REASON_LABELS[reason]}: {n(count)}
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" onClick={() => void saveRejected()}>
              Save rejected rows as CSV…
            </button>
          </div>
          {savedRejected && <p role="status">{savedRejected}</p>}
        </section>
      )}

      {report.notes.length > 0 && (
        <section aria-labelledby="warnings-heading">
          <h3 id="warnings-heading">Worth checking</h3>
          <ul data-testid="import-warnings">
            {report.notes.map((note) => (
              <li key={note.kind}>{note.message}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
