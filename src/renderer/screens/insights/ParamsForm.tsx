import type { FormEvent, ReactNode } from 'react';

/** A page's parameters: changing them and pressing Update (or Enter) re-runs the analysis in the background. */
export function ParamsForm({
  label,
  onSubmit,
  running,
  children,
}: {
  label: string;
  onSubmit: () => void;
  running: boolean;
  children: ReactNode;
}) {
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
