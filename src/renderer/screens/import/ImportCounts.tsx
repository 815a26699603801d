const n = (value: number) => value.toLocaleString('en');

/** Rows read, imported and rejected: the first thing every import report shows. */
export function ImportCounts({ read, imported, rejected }: { read: number; imported: number; rejected: number }) {
  return (
    <dl className="counts" aria-label="Import result">
      <div className="count" data-testid="report-read">
        <dt>Rows read</dt>
        <dd>{n(read)}</dd>
      </div>
      <div className="count" data-testid="report-imported">
        <dt>Imported</dt>
        <dd>{n(imported)}</dd>
      </div>
      <div className="count" data-testid="report-rejected">
        <dt>Rejected</dt>
        <dd>{n(rejected)}</dd>
      </div>
    </dl>
  );
}
