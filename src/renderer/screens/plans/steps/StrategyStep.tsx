import type { StrategyId } from '../../../../core/plan/plan-document';
import { STRATEGY_TITLES } from '../../../../core/vocabulary';
import { usePlanEditor } from '../../../state/store-context';

/** Step 1: what the plan should achieve and which strategy gets it there, with the app's advice from the data. */
export function StrategyStep() {
  const open = usePlanEditor((s) => s.open)!;
  const edit = usePlanEditor((s) => s.edit);
  const plan = open.history.present;
  const view = open.view;

  return (
    <div className="step-strategy">
      <label className="field wide">
        <span>Objective: what should this plan achieve?</span>
        <textarea
          rows={2}
          value={plan.objective}
          placeholder="For example: get first-time buyers of a cleanser to complete their routine within a month."
          onChange={(e) => edit('objective', (d) => ({ ...d, objective: e.target.value }))}
        />
      </label>
      <div className="field-row">
        <label className="field">
          <span>Client</span>
          <input value={plan.client} onChange={(e) => edit('client', (d) => ({ ...d, client: e.target.value }))} />
        </label>
        <label className="field">
          <span>Approver (signs the plan off)</span>
          <input
            value={plan.approver}
            onChange={(e) => edit('approver', (d) => ({ ...d, approver: e.target.value }))}
          />
        </label>
      </div>

      {view?.advice.recommended && (
        <div className="advice" data-testid="strategy-advice">
          <p>
            <strong>Our suggestion from this workspace’s data: {STRATEGY_TITLES[view.advice.recommended]}.</strong>
          </p>
          <ul>
            {view.advice.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      {!view && <p className="muted">Reading the data for advice…</p>}

      <fieldset className="choice-cards">
        <legend>Strategy</legend>
        {(view?.strategies ?? []).map((strategy) => {
          const score = view?.advice.scores.find((s) => s.strategy === strategy.id);
          const chosen = plan.strategy.id === strategy.id;
          return (
            <label
              key={strategy.id}
              className={`choice-card${chosen ? ' chosen' : ''}`}
              data-testid={`strategy-${strategy.id}`}
            >
              <input
                type="radio"
                name="strategy"
                value={strategy.id}
                checked={chosen}
                onChange={() =>
                  edit('strategy', (d) => ({ ...d, strategy: { ...d.strategy, id: strategy.id as StrategyId } }))
                }
              />
              <span className="choice-title">
                {strategy.title}
                {view?.advice.recommended === strategy.id && <span className="badge">Suggested</span>}
              </span>
              <span>{strategy.what}</span>
              <span className="muted">
                <strong>Fits when:</strong> {strategy.whenItFits}
              </span>
              <span className="muted">
                <strong>Needs:</strong> {strategy.dataNeeded}
              </span>
              {score && score.reasons.length > 0 && (
                <span className="muted">In this workspace: {score.reasons.join(' ')}</span>
              )}
            </label>
          );
        })}
      </fieldset>
      <label className="field wide">
        <span>Why this strategy (in your words, for the client)</span>
        <textarea
          rows={2}
          value={plan.strategy.why}
          onChange={(e) => edit('strategy.why', (d) => ({ ...d, strategy: { ...d.strategy, why: e.target.value } }))}
        />
      </label>
    </div>
  );
}
