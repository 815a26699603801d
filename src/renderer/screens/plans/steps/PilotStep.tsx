import { checkDuration, type MetricBaseline } from '../../../../core/plan/pilot';
import { METRIC_IDS, type MetricId, type PlanDocument } from '../../../../core/plan/plan-document';
import { usePlanEditor } from '../../../state/store-context';
import { consentBasisLines, noReachReason } from '../../../../core/plan/reach';
import type { PlanSchedule } from '../../../../core/plan/schedule';
import { days, money, percent, shownDays, shownMoney, shownPercent } from '../../insights/format';
import { TEST_VARIABLE_TITLES } from '../../../../core/vocabulary';
import { NumberField } from '../../../components/NumberField';

type Pilot = PlanDocument['pilot'];
type PlanMetric = Pilot['metrics'][number];

/** Signs worth agreeing on before the pilot, so scaling up is decided by what was agreed rather than by mood. */
const SUGGESTED_CRITERIA = [
  'The pilot group accepts suggestions more often than the control group, and stays ahead for the whole pilot.',
  'Suggested products come back no more often than other purchases.',
  'Replies and reviews about the suggestions are positive, and opt-outs do not rise.',
  'Results hold across the customer segments in the pilot, not just one of them.',
];

const UNITS: Record<
  MetricBaseline['unit'],
  { format: (n: number | null) => string; shown: (n: number) => number; scale: number; max: number; suffix?: string }
> = {
  share: { format: percent, shown: shownPercent, scale: 100, max: 100, suffix: '%' },
  days: { format: days, shown: shownDays, scale: 1, max: 10_000, suffix: 'days' },
  money: { format: money, shown: shownMoney, scale: 1, max: 1_000_000_000 },
};

/** Step 6: a small pilot with a control group, sized to show a difference, and what would count as success. */
export function PilotStep() {
  const open = usePlanEditor((s) => s.open)!;
  const edit = usePlanEditor((s) => s.edit);
  const goTo = usePlanEditor((s) => s.goTo);
  const plan = open.history.present;
  const view = open.view;
  const pilot = plan.pilot;
  const set = (field: string, change: Partial<Pilot>) =>
    edit(`pilot.${field}`, (d) => ({ ...d, pilot: { ...d.pilot, ...change } }));
  const duration = checkDuration(pilot.durationDays);
  const test = plan.messages.test;

  return (
    <div className="step-pilot">
      <fieldset className="plan-group">
        <legend>Pilot group</legend>
        <div className="field-row">
          <NumberField
            label="Share of the reachable customers in the pilot"
            value={pilot.audienceShare}
            min={0}
            max={100}
            step={5}
            scale={100}
            suffix="%"
            onChange={(audienceShare) => set('audienceShare', { audienceShare })}
          />
          <NumberField
            label="Control share (gets no message)"
            value={pilot.controlShare}
            min={0}
            max={100}
            step={5}
            scale={100}
            suffix="%"
            onChange={(controlShare) => set('controlShare', { controlShare })}
          />
          <NumberField
            label="Split seed"
            value={pilot.seed}
            min={0}
            max={2 ** 31 - 1}
            integer
            onChange={(seed) => set('seed', { seed })}
          />
          <NumberField
            label="Duration"
            value={pilot.durationDays}
            min={1}
            max={365}
            integer
            suffix="days"
            onChange={(durationDays) => set('durationDays', { durationDays })}
          />
          <NumberField
            label="Smallest rise to detect"
            value={pilot.minimumDetectableEffect}
            min={0}
            max={100}
            step={0.5}
            scale={100}
            suffix="percentage points"
            onChange={(minimumDetectableEffect) => set('minimumDetectableEffect', { minimumDetectableEffect })}
          />
        </div>
        <p className={duration.ok ? 'muted' : 'warning'} data-testid="pilot-duration">
          {duration.message}
        </p>
        <p className="muted">
          Each customer falls into the pilot or the control group by a draw from the seed: the same seed always gives
          the same split, and a customer keeps their side when others join.
        </p>
      </fieldset>

      <section className="plan-group" aria-labelledby="sizing-heading" data-testid="pilot-sizing">
        <h4 id="sizing-heading">Is the pilot big enough?</h4>
        {!view ? (
          <p className="muted">Working out the sizes…</p>
        ) : (
          <>
            <dl className="schedule-totals">
              <div>
                <dt>
                  {view.pilot.drawn
                    ? `Can be reached over the pilot’s ${pilot.durationDays} days`
                    : `Expected to be reachable over ${pilot.durationDays} days (projected from the first 30)`}
                </dt>
                <dd>{view.pilot.audience.toLocaleString('en-US')}</dd>
              </div>
              <div>
                <dt>In the pilot</dt>
                <dd>{view.pilot.pilotCustomers.toLocaleString('en-US')}</dd>
              </div>
              <div>
                <dt>Get the messages</dt>
                <dd>{view.pilot.treatment.toLocaleString('en-US')}</dd>
              </div>
              <div>
                <dt>Control group</dt>
                <dd>{view.pilot.control.toLocaleString('en-US')}</dd>
              </div>
              <div>
                <dt>Needed in each group</dt>
                <dd>
                  {view.pilot.requiredPerGroup === null ? '–' : view.pilot.requiredPerGroup.toLocaleString('en-US')}
                </dd>
              </div>
              <div>
                <dt>Acceptance rate today</dt>
                <dd>{percent(view.pilot.baselineRate)}</dd>
              </div>
            </dl>
            <p className={view.pilot.enough ? 'muted' : 'warning'}>{view.pilot.explanation}</p>
            <PilotReach plan={plan} schedule={view.schedule} />
            {!view.pilot.enough && view.pilot.requiredPerGroup !== null && (
              <p className="muted">
                To get there: take a larger share of the audience, run longer, or look for a larger rise.
              </p>
            )}
          </>
        )}
      </section>

      <section className="plan-group" aria-labelledby="variable-heading">
        <h4 id="variable-heading">The one thing under test</h4>
        <p data-testid="pilot-variable">
          {test.variable
            ? `${TEST_VARIABLE_TITLES[test.variable]}${test.variantB.trim() ? `: variant B uses “${test.variantB}”.` : ' (variant B is not described yet).'}`
            : 'No A/B test: the pilot compares the plan with the control group only.'}{' '}
          <button type="button" className="link" onClick={() => goTo('messages')}>
            Change it in Messages
          </button>
        </p>
      </section>

      <Metrics metrics={pilot.metrics} baselines={view?.metrics ?? null} set={set} />
      <ScaleCriteria criteria={pilot.scaleCriteria} set={set} />
    </div>
  );
}

function Metrics({
  metrics,
  baselines,
  set,
}: {
  metrics: PlanMetric[];
  baselines: MetricBaseline[] | null;
  set: (field: string, change: Partial<Pilot>) => void;
}) {
  const targetOf = (id: MetricId) => metrics.find((m) => m.id === id)?.target ?? null;
  const setTarget = (id: MetricId, field: string, target: number | null) => {
    const baseline = baselines?.find((b) => b.id === id)?.baseline ?? null;
    const next = METRIC_IDS.map((m) => metrics.find((x) => x.id === m) ?? { id: m, baseline: null, target: null }).map(
      (m) => (m.id === id ? { ...m, baseline, target } : m),
    );
    set(field, { metrics: next });
  };
  return (
    <section className="plan-group" aria-labelledby="metrics-heading">
      <h4 id="metrics-heading">What to measure</h4>
      {!baselines ? (
        <p className="muted">Reading the baselines from the history…</p>
      ) : (
        <div className="table-wrap">
          <table className="metrics-table" data-testid="metrics">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Today (from the history)</th>
                <th scope="col">Target</th>
              </tr>
            </thead>
            <tbody>
              {baselines.map((metric) => {
                const unit = UNITS[metric.unit];
                const target = targetOf(metric.id);
                // The button fills the figure it shows, not the unrounded suggestion behind it.
                const suggested = metric.suggestedTarget === null ? null : unit.shown(metric.suggestedTarget);
                return (
                  <tr key={metric.id}>
                    <th scope="row">
                      {metric.label}
                      <p className="muted">{metric.explanation}</p>
                    </th>
                    <td>{unit.format(metric.baseline)}</td>
                    <td>
                      <NumberField
                        label={<span className="visually-hidden">Target for {metric.label}</span>}
                        value={target}
                        min={0}
                        max={unit.max}
                        step="any"
                        scale={unit.scale}
                        suffix={unit.suffix}
                        onChange={(n) => setTarget(metric.id, `metrics.${metric.id}`, n)}
                        onClear={() => setTarget(metric.id, `metrics.${metric.id}`, null)}
                      />
                      {suggested !== null && target !== suggested && (
                        <button
                          type="button"
                          className="link"
                          onClick={() => setTarget(metric.id, `metrics.${metric.id}.suggested`, suggested)}
                        >
                          Use {unit.format(suggested)}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ScaleCriteria({
  criteria,
  set,
}: {
  criteria: string[];
  set: (field: string, change: Partial<Pilot>) => void;
}) {
  const update = (field: string, scaleCriteria: string[]) => set(field, { scaleCriteria });
  const suggestions = SUGGESTED_CRITERIA.filter((s) => !criteria.includes(s));
  return (
    <fieldset className="plan-group" data-testid="scale-criteria">
      <legend>Signs it is time to scale up</legend>
      {criteria.length === 0 && (
        <p className="empty">Agree before the pilot what result would justify sending to everyone.</p>
      )}
      <ol className="editable-list">
        {criteria.map((criterion, i) => (
          <li key={i}>
            <label className="field wide">
              <span>Sign {i + 1}</span>
              <input
                value={criterion}
                maxLength={500}
                onChange={(e) =>
                  update(
                    `scaleCriteria.${i}`,
                    criteria.map((c, j) => (j === i ? e.target.value : c)),
                  )
                }
              />
            </label>
            <button
              type="button"
              aria-label={`Remove sign ${i + 1}`}
              onClick={() =>
                update(
                  'scaleCriteria',
                  criteria.filter((_, j) => j !== i),
                )
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <button type="button" disabled={criteria.length >= 20} onClick={() => update('scaleCriteria', [...criteria, ''])}>
        Add a sign of your own
      </button>
      {suggestions.length > 0 && (
        <div className="suggestions">
          <p className="muted">Or add a common one:</p>
          <ul>
            {suggestions.map((s) => (
              <li key={s}>
                <button
                  type="button"
                  aria-label={`Add the sign: ${s}`}
                  disabled={criteria.length >= 20}
                  onClick={() => update('scaleCriteria', [...criteria, s])}
                >
                  Add
                </button>{' '}
                {s}
              </li>
            ))}
          </ul>
        </div>
      )}
    </fieldset>
  );
}

/** The pilot's counts are of the customers the plan can reach, as in its audience file. */
function PilotReach({ plan, schedule }: { plan: PlanDocument; schedule: PlanSchedule | null }) {
  if (schedule === null) return null;
  const noReach = noReachReason(plan, schedule);
  if (noReach)
    return (
      <p className="warning" data-testid="pilot-reach">
        {noReach} The pilot would message nobody: see the channel plan (step 5).
      </p>
    );
  return (
    <div data-testid="pilot-reach">
      <p className="muted">
        {schedule.reached.toLocaleString('en-US')} of the {schedule.customers.toLocaleString('en-US')} customers the
        plan is for over 30 days can be reached on its channels: the pilot’s counts are of those customers, and the
        audience file lists only them.
      </p>
      {consentBasisLines(plan, schedule).map((line) => (
        <p key={line} className="muted">
          {line}
        </p>
      ))}
    </div>
  );
}
