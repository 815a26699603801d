import { usePlanList } from '../../state/store-context';

/** What was changed in a plan made from a file so that it fits this workspace, listed until dismissed. */
export function ImportedPlanNotice() {
  const imported = usePlanList((s) => s.imported);
  const dismiss = usePlanList((s) => s.dismissImported);
  if (!imported) return null;
  return (
    <div className="notice imported-plan" role="status" data-testid="imported-plan-notice">
      <div>
        <p>
          {imported.notes.length === 0
            ? `“${imported.name}” was checked against this workspace’s products, customers and dates: nothing needed changing.`
            : `“${imported.name}” was checked against this workspace’s products, customers and dates. What was changed:`}
        </p>
        {imported.notes.length > 0 && (
          <ul>
            {imported.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
