import type { SetFileSummary } from '../../../core/import/set-report';
import { useImport } from '../../state/store-context';

/** The files picked together, as one set: what each holds or why it is left out, in the order they go in. */
export function ImportSetReview() {
  const files = useImport((s) => s.set) ?? [];
  const chooseHeaderRow = useImport((s) => s.chooseHeaderRow);
  const declared = useImport((s) => s.headerRow);
  // The choice is offered where the first row was not read as column names, and kept once made.
  const offered = (file: SetFileSummary) => !file.hasHeader || file.fileName in declared;
  const used = files.filter((file) => file.role !== 'skipped');
  const left = files.filter((file) => file.role === 'skipped');

  return (
    <div className="import-set">
      <p>
        These {files.length} files are imported together, as one import: one undo takes them all back. They go in this
        order, so that every file finds what it refers to.
      </p>
      <ol aria-label="Files of the set" data-testid="set-files">
        {used.map((file) => (
          <li key={file.index} data-testid="set-file" data-role={file.role}>
            <strong>{file.fileName}</strong>: {file.description}
            {file.layout && <span className="muted"> ({file.layout})</span>}
            {offered(file) && (
              <HeaderChoice fileName={file.fileName} hasHeader={file.hasHeader} choose={chooseHeaderRow} />
            )}
          </li>
        ))}
      </ol>
      {left.length > 0 && (
        <>
          <h3>Left out</h3>
          <ul aria-label="Files left out" data-testid="set-skipped">
            {left.map((file) => (
              <li key={file.index} data-testid="set-file" data-role={file.role}>
                <strong>{file.fileName}</strong>: {file.description}
                {offered(file) && (
                  <HeaderChoice fileName={file.fileName} hasHeader={file.hasHeader} choose={chooseHeaderRow} />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function HeaderChoice(props: { fileName: string; hasHeader: boolean; choose: (name: string, on: boolean) => void }) {
  return (
    <label className="set-header-choice">
      <input
        type="checkbox"
        checked={props.hasHeader}
        onChange={(event) => props.choose(props.fileName, event.target.checked)}
      />{' '}
      first row names the columns
    </label>
  );
}
