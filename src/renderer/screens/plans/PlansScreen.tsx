import { useEffect, useState } from 'react';
import { NameDialog } from '../../components/NameDialog';
import { usePlanEditor, usePlanList } from '../../state/store-context';
import { ImportedPlanNotice } from './ImportedPlanNotice';
import { PlanList } from './PlanList';
import { PlanWalkthrough } from './PlanWalkthrough';

/** The Plans area: the workspace's plans, or the walk-through of the one that is open. */
export function PlansScreen() {
  const plans = usePlanList((s) => s.plans);
  const open = usePlanEditor((s) => s.open);
  const { load, create, createFromFile, undoDelete, dismissMessage } = usePlanList((s) => s);
  const deleted = usePlanList((s) => s.deleted);
  const message = usePlanList((s) => s.message);
  const [naming, setNaming] = useState(false);
  useEffect(() => {
    if (plans === null) void load();
  }, [plans, load]);

  return (
    <div className="plans">
      {(deleted || message) && (
        <div className="notice" role="status" data-testid="plans-notice">
          <span>{message ?? `${deleted!.name} was deleted.`}</span>
          {deleted && !message && (
            <button type="button" onClick={() => void undoDelete()}>
              Undo
            </button>
          )}
          <button type="button" aria-label="Dismiss" onClick={dismissMessage}>
            ×
          </button>
        </div>
      )}
      <ImportedPlanNotice />
      {open ? (
        <PlanWalkthrough />
      ) : (
        <>
          <div className="workspace-header">
            <h2>Plans</h2>
            <div className="actions">
              <button type="button" className="primary" onClick={() => setNaming(true)}>
                New plan…
              </button>
              <button type="button" onClick={() => void createFromFile()}>
                New plan from a template file…
              </button>
            </div>
          </div>
          {plans === null ? <p className="muted">Loading the plans…</p> : <PlanList plans={plans} />}
        </>
      )}
      <NameDialog
        key={String(naming)}
        open={naming}
        title="New plan"
        label="Plan name"
        initial={`Plan ${(plans?.length ?? 0) + 1}`}
        confirmLabel="Create"
        onCancel={() => setNaming(false)}
        onConfirm={(name) => {
          setNaming(false);
          void create(name);
        }}
      />
    </div>
  );
}
