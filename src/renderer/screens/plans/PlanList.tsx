import { useState } from 'react';
import type { PlanSummary } from '../../../core/plan/plan-store';
import { NameDialog } from '../../components/NameDialog';
import { MOMENT_TITLES, STRATEGY_TITLES } from '../../../core/vocabulary';
import { usePlanEditor, usePlanList } from '../../state/store-context';
import { ClippedText } from '../../components/ClippedText';

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** Every plan of the workspace with what can be done to it; archived plans are listed apart. */
export function PlanList({ plans }: { plans: PlanSummary[] }) {
  const openPlan = usePlanEditor((s) => s.openPlan);
  const { duplicate, archive, remove, rename } = usePlanList((s) => s);
  const [renaming, setRenaming] = useState<PlanSummary | null>(null);
  const active = plans.filter((p) => p.status === 'active');
  const archived = plans.filter((p) => p.status !== 'active');

  const row = (plan: PlanSummary) => (
    <li key={plan.planId} className="plan-row" data-testid="plan-row">
      <div>
        <button type="button" className="link plan-name" onClick={() => void openPlan(plan.planId)}>
          <ClippedText text={plan.name} />
        </button>
        <p className="muted">
          {plan.strategyId ? STRATEGY_TITLES[plan.strategyId] : 'No strategy yet'} ·{' '}
          {plan.momentId ? MOMENT_TITLES[plan.momentId] : 'no moment yet'} · saved {when(plan.updatedAt)} (version{' '}
          {plan.revision})
        </p>
      </div>
      <div className="actions">
        <button type="button" onClick={() => setRenaming(plan)} aria-label={`Rename ${plan.name}`}>
          Rename…
        </button>
        <button type="button" onClick={() => void duplicate(plan.planId)} aria-label={`Duplicate ${plan.name}`}>
          Duplicate
        </button>
        <button
          type="button"
          onClick={() => void archive(plan.planId, plan.status === 'active')}
          aria-label={`${plan.status === 'active' ? 'Archive' : 'Restore'} ${plan.name}`}
        >
          {plan.status === 'active' ? 'Archive' : 'Restore'}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => void remove(plan.planId)}
          aria-label={`Delete ${plan.name}`}
        >
          Delete
        </button>
      </div>
    </li>
  );

  return (
    <>
      {active.length === 0 ? (
        <p className="empty">
          No plans yet. A plan walks you from the strategy to a pilot you can run: start one with “New plan…”. The demo
          workspaces each come with a finished example.
        </p>
      ) : (
        <ul className="plan-list" aria-label="Plans">
          {active.map(row)}
        </ul>
      )}
      {archived.length > 0 && (
        <details className="archived-plans">
          <summary>Archived plans ({archived.length})</summary>
          <ul className="plan-list" aria-label="Archived plans">
            {archived.map(row)}
          </ul>
        </details>
      )}
      <NameDialog
        key={renaming?.planId ?? 'none'}
        open={renaming !== null}
        title="Rename plan"
        label="Plan name"
        initial={renaming?.name ?? ''}
        confirmLabel="Rename"
        onCancel={() => setRenaming(null)}
        onConfirm={(name) => {
          const plan = renaming!;
          setRenaming(null);
          void rename(plan.planId, name);
        }}
      />
    </>
  );
}
