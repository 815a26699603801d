import { IMPORT_KINDS, KIND_LABELS, isImportKind } from '../../../core/import/kinds';
import { notUsedReason } from '../../../core/import/set-roles';
import type { Delimiter } from '../../../core/import/sniff';
import { DataTable } from '../../components/DataTable';
import { useImport } from '../../state/store-context';
import { CodeCaseChoice } from './CodeCaseChoice';
import { ImportModeChoice } from './ImportModeChoice';
import { MappingEditor } from './MappingEditor';
import { PresetNotice } from './PresetNotice';
import { SheetChoice } from './SheetChoice';

const DELIMITER_LABELS: Record<Delimiter, string> = {
  ',': 'Comma (,)',
  ';': 'Semicolon (;)',
  '\t': 'Tab',
  '|': 'Vertical bar (|)',
};
const ENCODING_LABELS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western European)',
};
const PREVIEW_ROWS = 8;

/** What we found in the file, editable, with the first rows as they will be read. */
export function ImportSetup() {
  const preview = useImport((s) => s.preview)!;
  const mapping = useImport((s) => s.mapping);
  const preset = useImport((s) => s.preset);
  const dayMonthOrder = useImport((s) => s.dayMonthOrder);
  // A workbook's sheet is read cell by cell: no text encoding or separator to choose.
  const workbook = useImport((s) => s.workbook);
  const {
    chooseKind,
    chooseDelimiter,
    chooseHasHeader,
    chooseColumn,
    chooseGrouping,
    chooseDayMonthOrder,
    useSuggestedMapping,
  } = useImport((s) => s);
  const askDateOrder = preview.dateColumns.some((d) => d.guess.ambiguous);
  const notUsed = notUsedReason(preview);

  return (
    <div className="import-setup">
      <dl className="import-facts">
        <div>
          <dt>File</dt>
          <dd>{preview.fileName}</dd>
        </div>
        {preview.layout && (
          <div>
            <dt>Recognised as</dt>
            <dd data-testid="import-layout">{preview.layout.label}</dd>
          </div>
        )}
        {!workbook && (
          <div>
            <dt>Text encoding</dt>
            <dd data-testid="import-encoding">{ENCODING_LABELS[preview.format.encoding] ?? preview.format.encoding}</dd>
          </div>
        )}
      </dl>

      <div className="import-choices">
        <SheetChoice />
        {!workbook && (
          <label className="field">
            <span>Values separated by</span>
            <select
              value={preview.format.delimiter}
              onChange={(event) => void chooseDelimiter(event.target.value as Delimiter)}
            >
              {(Object.keys(DELIMITER_LABELS) as Delimiter[]).map((d) => (
                <option key={d} value={d}>
                  {DELIMITER_LABELS[d]}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>The first row holds</span>
          <select
            value={preview.format.hasHeader ? 'names' : 'data'}
            onChange={(event) => void chooseHasHeader(event.target.value === 'names')}
          >
            <option value="names">Column names</option>
            <option value="data">Data (no column names)</option>
          </select>
        </label>
        <label className="field">
          <span>The file holds</span>
          <select
            value={mapping?.kind ?? ''}
            onChange={(event) => {
              if (isImportKind(event.target.value)) void chooseKind(event.target.value);
            }}
          >
            {!mapping && <option value="">— choose —</option>}
            {IMPORT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {capitalise(KIND_LABELS[kind])}
              </option>
            ))}
          </select>
        </label>
        {askDateOrder && (
          <label className="field">
            <span>Dates such as {preview.dateColumns.find((d) => d.guess.ambiguous)?.guess.example} are</span>
            <select
              value={dayMonthOrder ?? ''}
              onChange={(event) => chooseDayMonthOrder(event.target.value as 'dmy' | 'mdy')}
            >
              <option value="">— choose —</option>
              <option value="dmy">Day first (31/12)</option>
              <option value="mdy">Month first (12/31)</option>
            </select>
          </label>
        )}
      </div>
      {notUsed && (
        <p className="field-error" data-testid="import-not-used">
          This file looks like {notUsed}, which cross-selling does not use. Import it only if it holds something else,
          and then say what it holds.
        </p>
      )}
      {preview.delimiter.ambiguous && (
        <p className="field-error">We could not tell the separator for sure: check the rows below and choose it.</p>
      )}

      {mapping && <ImportModeChoice kind={mapping.kind} />}
      {preset && <PresetNotice preset={preset} onUseSuggested={useSuggestedMapping} />}
      {mapping ? (
        <>
          <MappingEditor
            mapping={mapping}
            headers={preview.headers}
            groupingReason={preview.groupingReason}
            onChange={chooseColumn}
            onGroup={chooseGrouping}
          />
          <CodeCaseChoice mapping={mapping} />
        </>
      ) : (
        <p className="empty">Choose what the file holds to say which column is which.</p>
      )}

      <DataTable
        caption="The first rows of the file"
        columns={preview.headers}
        rows={preview.sampleRows.slice(0, PREVIEW_ROWS)}
      />
    </div>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
