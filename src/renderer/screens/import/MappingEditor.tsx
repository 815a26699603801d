import { explainGrouping, GROUP_DAY_CHOICES, groupingLabel } from '../../../core/import/basket-grouping';
import { KIND_FIELDS } from '../../../core/import/kinds';
import type { FieldName } from '../../../core/import/kinds';
import type { ImportMapping } from '../../../core/import/mapping';

const GROUP = 'group:';

/**
 * One select per field of the chosen kind, pre-filled with the proposed column. Order lines with
 * the order details on each line may form their baskets by customer and day instead of from an
 * order-number column: the order number's select offers that by name.
 */
export function MappingEditor({
  mapping,
  headers,
  groupingReason,
  onChange,
  onGroup,
}: {
  mapping: ImportMapping;
  headers: string[];
  /** Why the proposal grouped by customer and day although a column looked like an order number. */
  groupingReason: string | null;
  onChange: (field: FieldName, column: string | null) => void;
  onGroup: (days: number) => void;
}) {
  const canGroup = mapping.kind === 'order_lines_flat';
  const groupDays = mapping.groupBy ? (mapping.groupDays ?? 1) : null;
  return (
    <fieldset className="mapping">
      <legend>Which column holds what</legend>
      {KIND_FIELDS[mapping.kind].map((field) => {
        const grouping = canGroup && field.name === 'order_id';
        const value = grouping && groupDays !== null ? `${GROUP}${groupDays}` : (mapping.columns[field.name] ?? '');
        return (
          <label key={field.name} className="field">
            <span>
              {capitalise(field.label)}
              {field.required && (
                <span className="muted">{grouping ? ' (or group by customer and day)' : ' (needed)'}</span>
              )}
            </span>
            <select
              value={value}
              data-testid={grouping ? 'order-number-choice' : undefined}
              onChange={(event) => {
                const chosen = event.target.value;
                if (chosen.startsWith(GROUP)) onGroup(Number(chosen.slice(GROUP.length)));
                else onChange(field.name, chosen || null);
              }}
            >
              <option value="">— not in this file —</option>
              {headers.map((header) => (
                <option key={header} value={header}>
                  {header}
                </option>
              ))}
              {grouping && (
                <optgroup label="No order number in the file">
                  {GROUP_DAY_CHOICES.map((days) => (
                    <option key={days} value={`${GROUP}${days}`}>
                      {groupingLabel(days)}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </label>
        );
      })}
      {canGroup && groupDays !== null && (
        <p className="muted field-hint" data-testid="grouping-explained">
          {explainGrouping(groupDays)}
          {groupingReason && ` ${groupingReason}`}
        </p>
      )}
    </fieldset>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
