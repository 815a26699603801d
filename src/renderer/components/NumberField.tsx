import { useState, type ReactNode } from 'react';

interface NumberFieldProps {
  label: ReactNode;
  /** Empty when null or undefined. */
  value: number | null | undefined;
  onChange(value: number): void;
  /** Called when the field is emptied; without it an empty field keeps the last value. */
  onClear?(): void;
  min: number;
  max?: number;
  step?: number | 'any';
  integer?: boolean;
  /** The field shows value × scale (100 shows a fraction as a percentage). */
  scale?: number;
  suffix?: string;
  testId?: string;
}

const shown = (value: number | null | undefined, scale: number) =>
  value === null || value === undefined ? '' : String(Math.round(value * scale * 1e6) / 1e6);

/**
 * A number input that keeps what is being typed while it is out of range or unfinished, and
 * passes on only values in range.
 */
export function NumberField({
  label,
  value,
  onChange,
  onClear,
  min,
  max = Infinity,
  step = 1,
  integer = false,
  scale = 1,
  suffix,
  testId,
}: NumberFieldProps) {
  // What is being typed and the value it stood for (undefined after clearing, which may bring back a default):
  // an outside change, such as undo, shows the new value instead.
  const [typed, setTyped] = useState<{ text: string; value: number | null | undefined } | null>(null);
  return (
    <label className="field">
      <span>{label}</span>
      <span className="field-input">
        <input
          type="number"
          min={min}
          max={Number.isFinite(max) ? max : undefined}
          step={step}
          data-testid={testId}
          value={
            typed !== null && (typed.value === undefined || typed.value === value) ? typed.text : shown(value, scale)
          }
          onChange={(e) => {
            const text = e.target.value;
            const n = e.target.valueAsNumber;
            if (text.trim() === '' && onClear) {
              setTyped({ text, value: undefined });
              onClear();
            } else if (Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n))) {
              setTyped({ text, value: n / scale });
              onChange(n / scale);
            } else {
              setTyped({ text, value });
            }
          }}
          onBlur={() => setTyped(null)}
        />
        {suffix && <span className="muted">{suffix}</span>}
      </span>
    </label>
  );
}
