import { useState, type ReactNode } from 'react';

interface NumberFieldProps {
  label: ReactNode;
  value: number | null;
  onChange(value: number): void;
  /** Called when the field is emptied; without it an empty field keeps the last value. */
  onClear?(): void;
  min: number;
  max: number;
  step?: number | 'any';
  integer?: boolean;
  /** The field shows value × scale (100 shows a fraction as a percentage). */
  scale?: number;
  suffix?: string;
  testId?: string;
}

const shown = (value: number | null, scale: number) => (value === null ? '' : String(Math.round(value * scale * 1e6) / 1e6));

/**
 * A number input that keeps what is being typed while it is out of range or unfinished, and
 * passes on only values the plan accepts.
 */
export function NumberField({ label, value, onChange, onClear, min, max, step = 1, integer = false, scale = 1, suffix, testId }: NumberFieldProps) {
  const [text, setText] = useState<string | null>(null);
  return (
    <label className="field">
      <span>{label}</span>
      <span className="field-input">
        <input
          type="number"
          min={min}
          max={max}
          step={step}
          data-testid={testId}
          value={text ?? shown(value, scale)}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value.trim() === '') {
              onClear?.();
              return;
            }
            const n = e.target.valueAsNumber;
            if (Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n))) onChange(n / scale);
          }}
          onBlur={() => setText(null)}
        />
        {suffix && <span className="muted">{suffix}</span>}
      </span>
    </label>
  );
}
