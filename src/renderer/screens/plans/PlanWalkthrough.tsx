import { useEffect, type ComponentType } from 'react';
import { stepTopics } from '../../../core/playbook/step-topics';
import { PLAN_STEP_TITLES } from '../../../core/vocabulary';
import { WithHelp } from '../../components/HelpPanel';
import { ScreenBoundary } from '../../components/ScreenBoundary';
import { PLAN_STEPS, type PlanStep } from '../../state/plan-editor-store';
import { usePlanEditor, usePlanList } from '../../state/store-context';
import { ChannelsStep } from './steps/ChannelsStep';
import { CheckStep } from './steps/CheckStep';
import { MessagesStep } from './steps/MessagesStep';
import { MomentStep } from './steps/MomentStep';
import { PilotStep } from './steps/PilotStep';
import { RecommendationsStep } from './steps/RecommendationsStep';
import { StrategyStep } from './steps/StrategyStep';
import { stepStatus } from './step-status';
import { ClippedText } from '../../components/ClippedText';

const STEPS: Record<PlanStep, { why: string; Panel: ComponentType }> = {
  strategy: {
    why: 'The strategy decides what kind of product to suggest: the piece that completes a purchase, the next step up, or the missing part of a range.',
    Panel: StrategyStep,
  },
  moment: {
    why: 'The same suggestion lands or annoys depending on when it arrives; the moment picks the time the customer is most open to it.',
    Panel: MomentStep,
  },
  recommendations: {
    why: 'Every suggestion should rest on what many customers actually did, and a person should have looked at it before customers do.',
    Panel: RecommendationsStep,
  },
  messages: {
    why: 'The words decide whether the suggestion reads as help or as a sales push; previews for real customers catch empty names and odd pairings.',
    Panel: MessagesStep,
  },
  channels: {
    why: 'Spacing, caps and consent keep several good messages from adding up to too many.',
    Panel: ChannelsStep,
  },
  pilot: {
    why: 'A small test against a control group shows whether the plan works before it reaches everyone.',
    Panel: PilotStep,
  },
  check: {
    why: 'The common ways cross-selling goes wrong are checked before the plan leaves the app.',
    Panel: CheckStep,
  },
};

/** One plan, step by step: the steps in a row, the current one below, undo and redo across all of them. */
export function PlanWalkthrough() {
  const open = usePlanEditor((s) => s.open)!;
  const { goTo, undo, redo } = usePlanEditor((s) => s);
  const closePlan = usePlanList((s) => s.closePlan);
  const document = open.history.present;
  const index = PLAN_STEPS.indexOf(open.step);
  const { Panel } = STEPS[open.step];

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  return (
    <div className="walkthrough">
      <div className="workspace-header">
        <div>
          <button type="button" className="link" onClick={() => void closePlan()}>
            ← All plans
          </button>
          <h2 data-testid="plan-title">
            <ClippedText text={document.name} />
          </h2>
        </div>
        <div className="actions">
          <span className="muted" role="status" data-testid="plan-save-state">
            {open.saving ? 'Saving…' : open.dirty ? 'Unsaved edits' : `Saved (version ${open.revision})`}
          </span>
          <button type="button" onClick={undo} disabled={open.history.past.length === 0} aria-keyshortcuts="Control+Z">
            Undo
          </button>
          <button
            type="button"
            onClick={redo}
            disabled={open.history.future.length === 0}
            aria-keyshortcuts="Control+Shift+Z"
          >
            Redo
          </button>
        </div>
      </div>
      <nav aria-label="Plan steps">
        <ol className="steps">
          {PLAN_STEPS.map((step, i) => {
            const status = stepStatus(step, document, open.view, open.checklist);
            return (
              <li key={step}>
                <button
                  type="button"
                  aria-current={step === open.step ? 'step' : undefined}
                  className={`step step-${status.state}`}
                  onClick={() => goTo(step)}
                >
                  <span className="step-number">{i + 1}</span> {PLAN_STEP_TITLES[step]}
                  <span className="visually-hidden">, {status.label}</span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <WithHelp sections={[{ title: PLAN_STEP_TITLES[open.step], topics: stepTopics(open.step, document) }]}>
        <section aria-labelledby="step-heading" className="step-panel">
          <h3 id="step-heading">
            Step {index + 1} of {PLAN_STEPS.length}: {PLAN_STEP_TITLES[open.step]}
          </h3>
          <p className="muted step-why">{STEPS[open.step].why}</p>
          <ScreenBoundary screen={`${PLAN_STEP_TITLES[open.step]} step`} otherwise="Try again, or go to another step.">
            <StepNeeds step={open.step} />
            <Panel />
          </ScreenBoundary>
          <div className="actions step-actions">
            <button type="button" disabled={index === 0} onClick={() => goTo(PLAN_STEPS[index - 1])}>
              Back
            </button>
            {index < PLAN_STEPS.length - 1 && (
              <button type="button" className="primary" onClick={() => goTo(PLAN_STEPS[index + 1])}>
                Next: {PLAN_STEP_TITLES[PLAN_STEPS[index + 1]]}
              </button>
            )}
          </div>
        </section>
      </WithHelp>
    </div>
  );
}

/** What the step still needs, in a line above it. */
function StepNeeds({ step }: { step: PlanStep }) {
  const open = usePlanEditor((s) => s.open)!;
  const status = stepStatus(step, open.history.present, open.view, open.checklist);
  if (status.missing.length === 0) return <p className="step-needs done">Everything this step needs is in place.</p>;
  return (
    <div className="step-needs" data-testid="step-needs">
      <strong>Still missing:</strong>
      <ul>
        {status.missing.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
