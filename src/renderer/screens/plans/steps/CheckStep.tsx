import { useState } from 'react';
import type { Acknowledgement } from '../../../../core/plan/acknowledgements';
import type { CheckResult, CheckStatus } from '../../../../core/plan/checklist';
import type { ChecklistReport } from '../../../../core/plan/checklist-report';
import { ACCEPTED_CHECK_WORDS, CHECK_STATUS_WORDS, PLAN_STEP_TITLES } from '../../../../core/vocabulary';
import { ScreenBoundary } from '../../../components/ScreenBoundary';
import { usePlanEditor } from '../../../state/store-context';
import { ExportPanel } from './ExportPanel';
import { PilotResults } from './PilotResults';

const ORDER: Record<CheckStatus, number> = { fail: 0, warn: 1, pass: 2 };
const OTHERWISE = 'Try again, or go to another step.';

/** Step 7: the pitfall checklist, run live on the plan, and the exports it unlocks. */
export function CheckStep() {
  const checklist = usePlanEditor((s) => s.open)!.checklist;
  if (!checklist) return <p className="muted">Checking the plan…</p>;
  return (
    <div className="check-step">
      <ScreenBoundary screen="checklist" otherwise={OTHERWISE}>
        <Checklist checklist={checklist} />
      </ScreenBoundary>
      <ScreenBoundary screen="export panel" otherwise={OTHERWISE}>
        <ExportPanel blocked={checklist.blocked} />
      </ScreenBoundary>
      <ScreenBoundary screen="pilot results" otherwise={OTHERWISE}>
        <PilotResults />
      </ScreenBoundary>
    </div>
  );
}

function Checklist({ checklist }: { checklist: ChecklistReport }) {
  const acks = new Map(checklist.acknowledged.map((a) => [a.checkId, a]));
  const checks = [...checklist.checks].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const { counts } = checklist.summary;
  return (
    <>
      <p data-testid="checklist-summary">
        {counts.pass} {counts.pass === 1 ? 'check passes' : 'checks pass'}, {counts.warn}{' '}
        {counts.warn === 1 ? 'warns' : 'warn'}, {counts.fail} {counts.fail === 1 ? 'fails' : 'fail'}
        {checklist.summary.acknowledged.length > 0 &&
          ` (${checklist.summary.acknowledged.length} accepted with a reason)`}
        . The checklist runs again with every change to the plan.
      </p>
      <ul className="checklist" aria-label="Pitfall checklist">
        {checks.map((check) => (
          <CheckItem key={check.id} check={check} ack={acks.get(check.id) ?? null} />
        ))}
      </ul>
    </>
  );
}

function CheckItem({ check, ack }: { check: CheckResult; ack: Acknowledgement | null }) {
  const { goTo, acknowledge, withdraw } = usePlanEditor((s) => s);
  const approver = usePlanEditor((s) => s.open?.history.present.approver ?? '');
  const [reason, setReason] = useState('');
  const [by, setBy] = useState(approver);
  const [accepting, setAccepting] = useState(false);

  return (
    <li className={`check-item check-${check.status}`} data-testid={`check-${check.id}`}>
      <div className="check-head">
        <span className={`check-status status-${check.status}`}>
          {ack ? ACCEPTED_CHECK_WORDS.label : CHECK_STATUS_WORDS[check.status].label}
        </span>
        <strong>{check.title}</strong>
      </div>
      <p>{check.evidence}</p>
      <details>
        <summary>Why it matters</summary>
        <p>{check.why}</p>
      </details>
      <div className="actions">
        {check.status !== 'pass' && (
          <button type="button" onClick={() => goTo(check.step)}>
            Go to {PLAN_STEP_TITLES[check.step]}
          </button>
        )}
        {check.status === 'fail' && !ack && !accepting && (
          <button type="button" onClick={() => setAccepting(true)}>
            Accept with a reason…
          </button>
        )}
      </div>
      {ack && (
        <p className="ack" data-testid="acknowledgement">
          Accepted by {ack.acknowledgedBy ?? 'someone'} on {ack.acknowledgedAt.slice(0, 10)}: “{ack.reason}”{' '}
          <button type="button" className="link" onClick={() => void withdraw(check.id)}>
            Withdraw
          </button>
        </p>
      )}
      {accepting && !ack && (
        <form
          className="ack-form"
          onSubmit={(event) => {
            event.preventDefault();
            void acknowledge(check.id, reason, by).then((done) => done && setAccepting(false));
          }}
        >
          <label className="field wide">
            <span>Why is this acceptable for this plan? (printed in the export)</span>
            <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus />
          </label>
          <label className="field">
            <span>Accepted by</span>
            <input value={by} onChange={(e) => setBy(e.target.value)} required />
          </label>
          <div className="actions">
            <button type="submit" className="primary">
              Accept
            </button>
            <button type="button" onClick={() => setAccepting(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
