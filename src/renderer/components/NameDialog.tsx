import { useState } from 'react';
import { Modal } from './Modal';

/** Asks for a name; Enter confirms, Escape cancels. */
export function NameDialog({
  open,
  title,
  label,
  initial,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  label: string;
  initial: string;
  confirmLabel: string;
  onConfirm: (name: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initial);
  const trimmed = name.trim();
  return (
    <Modal open={open} title={title} onClose={onCancel}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed) onConfirm(trimmed);
        }}
      >
        <label className="field">
          <span>{label}</span>
          <input autoFocus value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
        </label>
        {!trimmed && <p className="field-error">A name is needed.</p>}
        <div className="actions">
          <button type="submit" className="primary" disabled={!trimmed}>
            {confirmLabel}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
