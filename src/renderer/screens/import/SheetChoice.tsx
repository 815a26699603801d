import { useImport } from '../../state/store-context';

/** Which sheet of an Excel workbook to import: shown when the workbook has more than one. */
export function SheetChoice() {
  const workbook = useImport((s) => s.workbook);
  const chooseSheet = useImport((s) => s.chooseSheet);
  if (!workbook || workbook.sheets.length < 2) return null;

  return (
    <label className="field">
      <span>Sheet of the workbook</span>
      <select
        data-testid="import-sheet"
        value={workbook.sheet}
        onChange={(event) => void chooseSheet(event.target.value)}
      >
        {workbook.sheets.map((sheet) => (
          <option key={sheet} value={sheet}>
            {sheet}
          </option>
        ))}
      </select>
    </label>
  );
}
