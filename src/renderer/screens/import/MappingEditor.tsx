import { KIND_FIELDS } from '../../../core/import/kinds';
import type { FieldName } from '../../../core/import/kinds';
import type { ImportMapping } from '../../../core/import/mapping';

/** One select per field of the chosen kind, pre-filled with the proposed column. */
export function MappingEditor({
  mapping,
  headers,
  onChange,
}: {
  mapping: ImportMapping;
  headers: string[];
  onChange: (field: FieldName, column: string | null) => void;
}) {
  return (
    <fieldset className="mapping">
      <legend>Which column holds what</legend>
      {KIND_FIELDS[mapping.kind].map((field) => (
        <label key={field.name} className="field">
          <span>
            {capitalise(field.label)}
            {field.required && <span className="muted"> (needed)</span>}
          </span>
          <select
            value={mapping.columns[field.name] ?? ''}
            onChange={(event) => onChange(field.name, event.target.value || null)}
          >
            <option value="">— not in this file —</option>
            {headers.map((header) => (
              <option key={header} value={header}>
                {header}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
