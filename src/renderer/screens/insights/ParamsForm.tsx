import type { FormEvent, ReactNode } from 'react';

/** A page's parameters: changing them and pressing Update (or Enter) re-runs the analysis in the background. */
export function ParamsForm({ label, onSubmit, running, children }: { label: string; onSubmit: () => void; running: boolean; children: ReactNode }) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="params-form" aria-label={label} onSubmit={submit}>
      {children}
      <button type="submit" className="primary" disabled={running}>
        {running ? 'Analysing…' : 'Update'}
      </button>
    </form>
  );
}

/** A number field whose value is shown in one unit (e.g. percent) and kept in another (a fraction). */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  step = 1,
  scale = 1,
  suffix,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
  scale?: number;
  suffix?: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <span className="field-input">
        <input
          type="number"
          required
          min={min}
          max={max}
          step={step}
          value={value === undefined ? '' : round(value * scale)}
          onChange={(e) => e.target.value !== '' && onChange(Number(e.target.value) / scale)}
        />
        {suffix && <span className="muted">{suffix}</span>}
      </span>
    </label>
  );
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
