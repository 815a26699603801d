import { useMemo } from 'react';
import {
  MOMENT_CATALOGUE,
  type AudienceCustomer,
  type MomentDefinition,
  type MomentSetting,
} from '../../../../core/plan/moment-catalogue';
import type { PlanDocument, PlanMomentId } from '../../../../core/plan/plan-document';
import { BarChartFigure } from '../../../components/charts/BarChartFigure';
import type { Column } from '../../../components/table/columns';
import { VirtualTable } from '../../../components/table/VirtualTable';
import { STRATEGY_TITLES } from '../../../../core/vocabulary';
import { usePlanEditor } from '../../../state/store-context';
import { NumberField } from '../../../components/NumberField';

const MOMENTS = Object.values(MOMENT_CATALOGUE);

const customers = (n: number) => `${n.toLocaleString('en-US')} customer${n === 1 ? '' : 's'}`;

const UNIT_WORDS: Record<MomentSetting['unit'], string> = {
  hours: 'hours',
  days: 'days',
  views: 'views',
  share: '%',
  times: 'times',
};

const SAMPLE_COLUMNS: readonly Column<AudienceCustomer>[] = [
  { key: 'id', label: 'Customer', value: (c) => c.id, width: '10rem' },
  { key: 'name', label: 'First name', value: (c) => c.firstName },
  { key: 'email', label: 'Email', value: (c) => c.email, width: '2fr' },
];

/**
 * The day after the data's latest activity, the natural first day of a plan: `asOf` is one
 * second after it, so its date is that day unless the activity ended on the stroke of midnight.
 */
function dayAfterLatest(asOf: string): string {
  const date = asOf.slice(0, 10);
  if (asOf.slice(11, 19) === '00:00:00') return date;
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Choosing a moment keeps only its own changed settings, and its default trigger unless the user wrote one. */
function chooseMoment(plan: PlanDocument, moment: MomentDefinition): PlanDocument {
  const names = new Set<string>(moment.settings.map((s) => s.name));
  const previous = plan.moment.id === null ? null : MOMENT_CATALOGUE[plan.moment.id];
  const trigger =
    plan.moment.trigger.trim() === '' || plan.moment.trigger === previous?.trigger
      ? moment.trigger
      : plan.moment.trigger;
  return {
    ...plan,
    moment: {
      ...plan.moment,
      id: moment.id,
      settings: Object.fromEntries(Object.entries(plan.moment.settings).filter(([name]) => names.has(name))),
      trigger,
    },
  };
}

/** Step 2: when the offer reaches the customer, from which day, and who that is in this workspace. */
export function MomentStep() {
  const open = usePlanEditor((s) => s.open)!;
  const edit = usePlanEditor((s) => s.edit);
  const plan = open.history.present;
  const view = open.view;
  const chosen = plan.moment.id === null ? null : MOMENT_CATALOGUE[plan.moment.id];
  const strategy = plan.strategy.id;
  const counts = useMemo(() => new Map((view?.moments ?? []).map((m) => [m.id, m.count])), [view]);
  const suggested = plan.moment.startDate === null && view?.asOf ? dayAfterLatest(view.asOf) : null;
  const countDate = view?.asOf?.slice(0, 10);

  return (
    <div className="step-moment">
      <p className="muted">
        A moment is the situation that sends the offer: something the customer just did, or a change in their life with
        the product. The right moment makes a suggestion feel helpful rather than random.
      </p>

      <div className="field-row">
        <label className="field">
          <span>Start date (audiences are counted from this day)</span>
          <input
            type="date"
            value={plan.moment.startDate ?? ''}
            onChange={(e) =>
              edit('moment.startDate', (d) => ({ ...d, moment: { ...d.moment, startDate: e.target.value || null } }))
            }
          />
        </label>
        {suggested && (
          <div className="field">
            <span className="muted">The data’s latest activity ends the day before {suggested}.</span>
            <button
              type="button"
              onClick={() => edit('moment.startDate', (d) => ({ ...d, moment: { ...d.moment, startDate: suggested } }))}
            >
              Start on {suggested}
            </button>
          </div>
        )}
      </div>

      <fieldset className="choice-cards">
        <legend>
          Moment{strategy ? ` (highlighted: suits ${STRATEGY_TITLES[strategy]})` : ''}
          {countDate && <span className="muted"> · customers in each as of {countDate}</span>}
        </legend>
        {MOMENTS.map((moment) => {
          const isChosen = plan.moment.id === moment.id;
          const suits = strategy !== null && moment.strategies.includes(strategy);
          const count = counts.get(moment.id);
          return (
            <label
              key={moment.id}
              className={`choice-card${isChosen ? ' chosen' : ''}${suits ? ' suits' : ''}`}
              data-testid={`moment-${moment.id}`}
            >
              <input
                type="radio"
                name="moment"
                value={moment.id}
                checked={isChosen}
                onChange={() => edit('moment.id', (d) => chooseMoment(d, moment))}
              />
              <span className="choice-title">
                {moment.title}
                {suits && <span className="badge">Suits your strategy</span>}
              </span>
              <span>{moment.explanation}</span>
              <span className="muted">
                <strong>Default trigger:</strong> {moment.trigger}
              </span>
              <span className="muted">
                <strong>Suits:</strong> {moment.strategies.map((s) => STRATEGY_TITLES[s]).join(', ')}
              </span>
              <span className="moment-count" data-testid="moment-count">
                {count === undefined
                  ? 'Counting…'
                  : count === null
                    ? 'No dated activity to count from.'
                    : `${customers(count)} as of ${countDate}`}
              </span>
            </label>
          );
        })}
      </fieldset>

      {chosen && <MomentSettings moment={chosen} />}
      {chosen && <Audience momentId={chosen.id} />}
    </div>
  );
}

/** The chosen moment's windows and thresholds, and the trigger in words. */
function MomentSettings({ moment }: { moment: MomentDefinition }) {
  const open = usePlanEditor((s) => s.open)!;
  const edit = usePlanEditor((s) => s.edit);
  const plan = open.history.present;

  const set = (setting: MomentSetting, value: number | null) =>
    edit(`moment.settings.${setting.name}`, (d) => {
      const { [setting.name]: _old, ...rest } = d.moment.settings;
      return { ...d, moment: { ...d.moment, settings: value === null ? rest : { ...rest, [setting.name]: value } } };
    });

  return (
    <section aria-labelledby="moment-settings-heading">
      <h4 id="moment-settings-heading">Window and trigger for “{moment.title}”</h4>
      <div className="field-row">
        {moment.settings.map((setting) => {
          const share = setting.unit === 'share';
          return (
            <NumberField
              key={setting.name}
              label={`${setting.label} (default ${share ? setting.default * 100 : setting.default})`}
              value={plan.moment.settings[setting.name] ?? setting.default}
              onChange={(value) => set(setting, value)}
              onClear={() => set(setting, null)}
              min={0}
              max={share ? 100 : 100_000}
              step="any"
              scale={share ? 100 : 1}
              suffix={UNIT_WORDS[setting.unit]}
              testId={`setting-${setting.name}`}
            />
          );
        })}
      </div>
      <label className="field wide">
        <span>Trigger, in words for the team that runs the plan</span>
        <textarea
          rows={2}
          value={plan.moment.trigger}
          placeholder={moment.trigger}
          onChange={(e) => edit('moment.trigger', (d) => ({ ...d, moment: { ...d.moment, trigger: e.target.value } }))}
        />
      </label>
    </section>
  );
}

/** Who is in the moment on the start date, a few of them by name, and how the audience moves over the following 30 days. */
function Audience({ momentId }: { momentId: PlanMomentId }) {
  const open = usePlanEditor((s) => s.open)!;
  const audience = open.view?.audience ?? null;
  const current = audience?.moment === momentId ? audience : null;
  const daily = useMemo(
    () => (current?.daily ?? []).map((d) => ({ label: d.date.slice(0, 10), value: d.count })),
    [current],
  );

  return (
    <section aria-labelledby="audience-heading" className="audience">
      <h4 id="audience-heading">Audience</h4>
      {current === null ? (
        <p className="muted">
          {open.viewPending
            ? 'Counting the audience…'
            : 'No dated activity in this workspace to count an audience from.'}
        </p>
      ) : (
        <>
          <p className="audience-count" data-testid="audience-count" aria-live="polite">
            <strong>{current.count.toLocaleString('en-US')}</strong>{' '}
            {current.count === 1 ? 'customer is' : 'customers are'} in “{current.title}” as of{' '}
            {current.asOf.slice(0, 10)}
            {open.viewPending && <span className="muted"> (updating…)</span>}
          </p>
          <p className="muted">{current.explanation}</p>
          <VirtualTable
            caption={`Some customers in the audience (the first ${current.sample.length} of ${current.count.toLocaleString('en-US')})`}
            columns={SAMPLE_COLUMNS}
            rows={current.sample}
            exportName="audience-sample"
            emptyText="Nobody is in this moment on the start date."
          />
          <BarChartFigure
            title="Audience over the 30 days from the start"
            description="how many customers are in the moment on each day, with the window and thresholds above"
            data={daily}
            valueLabel="customers"
            testId="audience-daily"
          />
        </>
      )}
    </section>
  );
}
