import { KIND_LABELS, type ImportKind } from '../../../core/import/kinds';
import type { ImportMode } from '../../../core/import/import-mode';
import { IMPORT_MODE_WORDS } from '../../../core/vocabulary';
import { modesFor } from '../../state/import-store';
import { useImport } from '../../state/store-context';

/** One plain sentence per mode: what happens to the data already in the workspace. */
function explain(mode: ImportMode, kind: ImportKind): string {
  switch (mode) {
    case 'append':
      return 'Keeps what is there and adds the new rows; rows whose number the workspace already holds are left out and counted in the report.';
    case 'update':
      return kind === 'order_lines' || kind === 'order_lines_flat'
        ? 'Orders the workspace already holds get the lines of this file instead of their earlier lines; new orders are added.'
        : 'Rows whose number the workspace already holds are overwritten with the values of this file; new ones are added.';
    case 'replace':
      return `Takes out everything earlier imports of ${KIND_LABELS[kind]} brought in, then imports this file.`;
  }
}

/** Add, update or replace: offered once the workspace already holds data of the file's kind. */
export function ImportModeChoice({ kind }: { kind: ImportKind }) {
  const history = useImport((s) => s.history);
  const mode = useImport((s) => s.mode);
  const chooseMode = useImport((s) => s.chooseMode);
  const modes = modesFor(kind, history);
  if (modes.length < 2) return null;

  return (
    <fieldset className="import-modes">
      <legend>The workspace already holds {KIND_LABELS[kind]}. What should this file do?</legend>
      {modes.map((option) => (
        <label key={option} className="import-mode">
          <input
            type="radio"
            name="import-mode"
            value={option}
            checked={mode === option}
            onChange={() => chooseMode(option)}
          />
          <span>
            <strong>{IMPORT_MODE_WORDS[option].action}</strong> — {explain(option, kind)}
          </span>
        </label>
      ))}
      <p className="muted">Only the last import can be undone, from the import history.</p>
    </fieldset>
  );
}
