import type { PlanSchedule } from '../../../../core/plan/schedule';
import { CHANNEL_IDS, type ChannelId, type PlanDocument } from '../../../../core/plan/plan-document';
import { StackedBarChartFigure, type StackedSeries } from '../../../components/charts/StackedBarChartFigure';
import { CHANNEL_GUIDE } from '../../../../core/playbook/glossary';
import { CHANNEL_WORDS } from '../../../../core/vocabulary';
import { usePlanEditor } from '../../../state/store-context';
import { NumberField } from '../../../components/NumberField';
import { consentBasisLines, noReachReason } from '../../../../core/plan/reach';
import { ConsentBasisFields } from './ConsentBasisFields';

type Channels = PlanDocument['channels'];

const COLORS: Record<ChannelId, string> = { email: '#1f6f5c', sms: '#d08c2b', web: '#5b7fbf', outreach: '#9a4f8c' };
const DEFAULT_QUIET_HOURS = { start: '21:00', end: '08:00' };
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const hoursInWords = (hours: number) => (hours < 48 ? `${hours} hours` : `${Math.round((hours / 24) * 10) / 10} days`);

/** Step 5: which channel fires when after the trigger, the rules that hold sends back, and the 30 days it adds up to. */
export function ChannelsStep() {
  const open = usePlanEditor((s) => s.open)!;
  const edit = usePlanEditor((s) => s.edit);
  const plan = open.history.present;
  const channels = plan.channels;
  const set = (field: string, change: Partial<Channels>) =>
    edit(`channels.${field}`, (d) => ({ ...d, channels: { ...d.channels, ...change } }));

  return (
    <div className="step-channels">
      <Sends channels={channels} messages={plan.messages} set={set} />
      <div className="field-row">
        <fieldset className="plan-group">
          <legend>Frequency cap</legend>
          <div className="field-row">
            <NumberField
              label="At most"
              value={channels.frequencyCap.messages}
              min={1}
              max={50}
              integer
              suffix="messages"
              onChange={(messages) =>
                set('frequencyCap.messages', { frequencyCap: { ...channels.frequencyCap, messages } })
              }
            />
            <NumberField
              label="Per"
              value={channels.frequencyCap.days}
              min={1}
              max={90}
              integer
              suffix="days"
              onChange={(days) => set('frequencyCap.days', { frequencyCap: { ...channels.frequencyCap, days } })}
            />
          </div>
          <p className="muted">
            Per customer, counted across all plans of this workspace: a customer in two plans gets no more than this in
            total. Plans already saved keep their sends first. Website slots do not count.
          </p>
        </fieldset>
        <QuietHours quiet={channels.quietHours} set={set} />
        <fieldset className="plan-group">
          <legend>Stop sending when the customer…</legend>
          {(
            [
              ['purchase', 'buys something'],
              ['click', 'clicks a link in a message'],
              ['unsubscribe', 'unsubscribes'],
            ] as const
          ).map(([rule, words]) => (
            <label key={rule} className="check">
              <input
                type="checkbox"
                checked={channels.stopOn[rule]}
                onChange={(e) => set(`stopOn.${rule}`, { stopOn: { ...channels.stopOn, [rule]: e.target.checked } })}
              />
              {words}
            </label>
          ))}
          <p className="muted">Later sends of the plan are dropped for that customer once it happens.</p>
        </fieldset>
      </div>
      <ConsentBasisFields basis={channels.consentBasis} set={(field, consentBasis) => set(field, { consentBasis })} />
      <Timeline plan={plan} schedule={open.view?.schedule ?? null} loading={open.view === null} />
    </div>
  );
}

function Sends({
  channels,
  messages,
  set,
}: {
  channels: Channels;
  messages: PlanDocument['messages'];
  set: (field: string, change: Partial<Channels>) => void;
}) {
  const sends = channels.sends;
  const update = (field: string, next: Channels['sends']) => set(field, { sends: next });
  const add = () => {
    const unused = CHANNEL_IDS.find((c) => messages[c].enabled && !sends.some((s) => s.channel === c)) ?? 'email';
    const last = sends.length > 0 ? Math.max(...sends.map((s) => s.offsetHours)) : 0;
    update('sends', [...sends, { channel: unused, offsetHours: sends.length > 0 ? last + 24 : 48 }]);
  };
  return (
    <fieldset className="plan-group" data-testid="sends">
      <legend>Sends after the trigger</legend>
      {sends.length === 0 && (
        <p className="empty">
          No sends yet: add one to say which channel goes out, and how long after the customer enters the moment.
        </p>
      )}
      <ol className="editable-list">
        {sends.map((send, i) => (
          <li key={i} data-testid="send-row">
            <label className="field">
              <span>Send {i + 1}: channel</span>
              <select
                value={send.channel}
                onChange={(e) =>
                  update(
                    'sends',
                    sends.map((s, j) => (j === i ? { ...s, channel: e.target.value as ChannelId } : s)),
                  )
                }
              >
                {CHANNEL_IDS.map((c) => (
                  <option key={c} value={c}>
                    {CHANNEL_WORDS[c].title}
                  </option>
                ))}
              </select>
            </label>
            <NumberField
              label={`Send ${i + 1}: hours after the trigger`}
              value={send.offsetHours}
              min={0}
              max={24 * 90}
              suffix={send.offsetHours >= 48 ? `(${hoursInWords(send.offsetHours)})` : undefined}
              onChange={(offsetHours) =>
                update(
                  `sends.${i}.offsetHours`,
                  sends.map((s, j) => (j === i ? { ...s, offsetHours } : s)),
                )
              }
            />
            <button
              type="button"
              aria-label={`Remove send ${i + 1}`}
              onClick={() =>
                update(
                  'sends',
                  sends.filter((_, j) => j !== i),
                )
              }
            >
              Remove
            </button>
            <p className="muted send-suits">{CHANNEL_GUIDE[send.channel].suits}</p>
            {!messages[send.channel].enabled && (
              <p className="warning">
                There is no {CHANNEL_WORDS[send.channel].title.toLowerCase()} message yet: turn it on in step 4.
              </p>
            )}
          </li>
        ))}
      </ol>
      <button type="button" disabled={sends.length >= 20} onClick={add}>
        Add a send
      </button>
    </fieldset>
  );
}

function QuietHours({
  quiet,
  set,
}: {
  quiet: Channels['quietHours'];
  set: (field: string, change: Partial<Channels>) => void;
}) {
  const time = (which: 'start' | 'end', value: string) => {
    if (quiet && TIME.test(value)) set(`quietHours.${which}`, { quietHours: { ...quiet, [which]: value } });
  };
  return (
    <fieldset className="plan-group">
      <legend>Quiet hours</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={quiet !== null}
          onChange={(e) => set('quietHours', { quietHours: e.target.checked ? DEFAULT_QUIET_HOURS : null })}
        />
        Hold messages back at night
      </label>
      {quiet && (
        <div className="field-row">
          <label className="field">
            <span>Quiet from</span>
            <input type="time" value={quiet.start} onChange={(e) => time('start', e.target.value)} />
          </label>
          <label className="field">
            <span>Until</span>
            <input type="time" value={quiet.end} onChange={(e) => time('end', e.target.value)} />
          </label>
        </div>
      )}
      <p className="muted">A send that falls in the quiet hours goes out when they end, in the customer’s morning.</p>
    </fieldset>
  );
}

function Timeline({
  plan,
  schedule,
  loading,
}: {
  plan: PlanDocument;
  schedule: PlanSchedule | null;
  loading: boolean;
}) {
  if (loading) return <p className="muted">Working out the 30 days…</p>;
  if (!schedule)
    return <p className="empty">Choose a moment and a start date in step 2 to see the sends over the first 30 days.</p>;
  const used = CHANNEL_IDS.filter((c) => schedule.totals[c] > 0);
  const series: StackedSeries[] = used.map((c) => ({ key: c, name: CHANNEL_WORDS[c].title, color: COLORS[c] }));
  const data = schedule.days.map(({ date, ...counts }) => ({ label: date.slice(5), ...counts }));
  const total = used.reduce((sum, c) => sum + schedule.totals[c], 0);
  const noReach = noReachReason(plan, schedule);
  return (
    <section className="timeline" aria-labelledby="timeline-heading" data-testid="schedule">
      <h4 id="timeline-heading">The first 30 days from {schedule.startDate}</h4>
      <StackedBarChartFigure
        title="Expected sends per day"
        description="each column is one day, split by channel; sends left out by consent, stop rules and the cap are not counted"
        data={data}
        series={series}
        valueLabel="sends"
        testId="schedule-chart"
      />
      <dl className="schedule-totals" data-testid="schedule-totals">
        <div>
          <dt>Customers entering the moment</dt>
          <dd>{schedule.inMoment.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Customers the plan is for</dt>
          <dd>{schedule.customers.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Left out: nothing matches what they bought</dt>
          <dd>{schedule.leftOut.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Customers who get a message</dt>
          <dd>{schedule.reached.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Sends going out</dt>
          <dd>{total.toLocaleString('en-US')}</dd>
        </div>
        {CHANNEL_IDS.map((c) => (
          <div key={c}>
            <dt>{CHANNEL_WORDS[c].title}</dt>
            <dd>{schedule.totals[c].toLocaleString('en-US')}</dd>
          </div>
        ))}
        <div>
          <dt>Held back: no consent</dt>
          <dd>{schedule.removed.consent.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Held back: frequency cap</dt>
          <dd>{schedule.removed.cap.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Held back: stop rules</dt>
          <dd>{schedule.removed.stopped.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Messages from other plans to these customers</dt>
          <dd>{schedule.otherPlansSends.toLocaleString('en-US')}</dd>
        </div>
      </dl>
      <p className="muted" data-testid="reach-by-channel">
        Customers who get at least one message, by channel:{' '}
        {used.map((c) => `${CHANNEL_WORDS[c].plural} ${schedule.reachedBy[c].toLocaleString('en-US')}`).join(', ') ||
          'none'}
        .
      </p>
      <p className="muted">{schedule.explanation}</p>
      {noReach && (
        <p className="warning" data-testid="no-reach">
          {noReach}
        </p>
      )}
      {consentBasisLines(plan, schedule).map((line) => (
        <p key={line} className="muted" data-testid="consent-basis-note">
          {line}
        </p>
      ))}
      <p className="muted">
        How this is worked out: the audience is looked at once a day, so a send can land up to a day after the trigger;
        stop rules use what the workspace records after the start date, so past its last order the numbers are an upper
        bound.
      </p>
    </section>
  );
}
