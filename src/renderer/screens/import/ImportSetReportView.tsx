import { lookupShortenedText } from '../../../core/import/messages';
import { describeReach } from '../../../core/import/reach';
import type { FileSetReport } from '../../../core/import/set-report';
import { ImportCounts } from './ImportCounts';

const n = (value: number) => value.toLocaleString('en');

/** What a set's import did: the rows of all its files, each file's share, and the links that did not resolve. */
export function ImportSetReportView({ report }: { report: FileSetReport }) {
  const reach = describeReach(report.reach);
  const notes = report.files.flatMap((file) =>
    (file.report?.notes ?? []).map((note) => ({
      key: `${file.index}-${note.kind}`,
      text: `${file.fileName}: ${note.message}`,
    })),
  );

  return (
    <div className="import-report">
      <ImportCounts read={report.rowsRead} imported={report.rowsImported} rejected={report.rowsRejected} />
      <p data-testid="set-written">
        Added or updated: {n(report.written.customers)} customers, {n(report.written.products)} products,{' '}
        {n(report.written.orders)} orders and {n(report.written.orderLines)} order lines.
      </p>
      {reach && <p data-testid="report-reach">{reach}</p>}

      <section aria-labelledby="set-files-heading">
        <h3 id="set-files-heading">The files</h3>
        <ul data-testid="set-report-files">
          {report.files.map((file) => (
            <li key={file.index}>
              <strong>{file.fileName}</strong>: {file.description}
              {file.report && ` — ${n(file.report.rowsImported)} of ${n(file.report.rowsRead)} rows imported`}
              {file.role === 'lookup' && ` — ${n(file.labelled ?? 0)} products named`}
              {file.lookupShortened ? `. ${lookupShortenedText(file.lookupShortened)}` : ''}
            </li>
          ))}
        </ul>
      </section>

      {report.unresolved.length > 0 && (
        <section aria-labelledby="links-heading">
          <h3 id="links-heading">Links between the files that do not resolve</h3>
          <ul data-testid="set-unresolved">
            {report.unresolved.map((link) => (
              <li key={link.link}>
                {link.message} For example: {link.examples.join(', ')}.
              </li>
            ))}
          </ul>
        </section>
      )}

      {notes.length > 0 && (
        <section aria-labelledby="warnings-heading">
          <h3 id="warnings-heading">Worth checking</h3>
          <ul data-testid="import-warnings">
            {notes.map((note) => (
              <li key={note.key}>{note.text}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
