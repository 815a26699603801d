import { useEffect, useState } from 'react';
import { MOMENT_DEFAULTS, type MomentAudience, type MomentParams } from '../../../core/analysis/moments';
import { BarChartFigure } from '../../components/charts/BarChartFigure';
import type { Column } from '../../components/table/columns';
import { VirtualTable } from '../../components/table/VirtualTable';
import { NumberField } from '../../components/NumberField';
import { useInsights } from '../../state/store-context';
import { AnalysisStatus } from './AnalysisStatus';
import { useAnalysis } from './use-analysis';
import { percent } from './format';
import { ParamsForm } from './ParamsForm';

type WindowValue = MomentAudience['parameters'][string];

const list = (value: WindowValue) => (Array.isArray(value) ? value.join(', ') || 'none' : String(value));

/** How each window or threshold a moment reports reads in words. */
const WINDOW_WORDS: Record<string, (value: WindowValue) => string> = {
  windowHours: (v) => `last ${v} hours`,
  windowDays: (v) => `last ${v} days`,
  minViews: (v) => `${v}+ views`,
  minShareOfLimit: (v) => `${percent(Number(v))} of the limit`,
  launchedProducts: (v) => `launched: ${list(v)}`,
  season: (v) => `season now: ${v}`,
  previousSeason: (v) => `before: ${v}`,
  seasonStart: (v) => `began ${v}`,
  transitionDays: (v) => `first ${v} days of a season`,
  categories: (v) => `categories: ${list(v)}`,
};

const windowText = (parameters: MomentAudience['parameters']) =>
  Object.entries(parameters)
    .map(([key, value]) => (WINDOW_WORDS[key] ? WINDOW_WORDS[key](value) : `${key}: ${list(value)}`))
    .join('; ');

const COLUMNS: Column<MomentAudience>[] = [
  { key: 'label', label: 'Moment', value: (m) => m.label, width: '2fr' },
  { key: 'count', label: 'Customers', value: (m) => m.count, numeric: true },
  { key: 'window', label: 'Window used', value: (m) => windowText(m.parameters), width: '2.5fr' },
  { key: 'explanation', label: 'In words', value: (m) => m.explanation, width: '4fr', sentence: true },
  { key: 'sample', label: 'For example', value: (m) => m.sampleCustomerIds.join(', '), width: '2.5fr' },
];

type Setting = Exclude<keyof typeof MOMENT_DEFAULTS, 'seasons'>;

/** Every window and threshold, as the form shows it. */
const SETTINGS: {
  key: Setting;
  label: string;
  suffix: string;
  scale?: number;
  step?: number;
  min?: number;
  max?: number;
}[] = [
  { key: 'postPurchaseHours', label: 'Just ordered: within', suffix: 'hours' },
  { key: 'browseViews', label: 'Browsing: at least', suffix: 'views' },
  { key: 'browseWindowDays', label: 'Browsing: within', suffix: 'days' },
  { key: 'cartAbandonmentHours', label: 'Left a cart: within', suffix: 'hours' },
  { key: 'supportResolutionHours', label: 'Support resolved: within', suffix: 'hours' },
  { key: 'loyaltyDays', label: 'Loyalty tier: within', suffix: 'days' },
  { key: 'usageShare', label: 'Usage: at least', suffix: '% of the limit', scale: 100, max: 100 },
  { key: 'usageDays', label: 'Usage: within', suffix: 'days' },
  { key: 'launchDays', label: 'New product: launched within', suffix: 'days' },
  { key: 'giftDays', label: 'Gift: within', suffix: 'days' },
  { key: 'seasonTransitionDays', label: 'Season: first', suffix: 'days' },
  { key: 'seasonalLift', label: 'Seasonal category: at least', suffix: '× its yearly share', step: 0.1 },
];

/** Moment audiences: who is in each customer moment at one instant, and how each moment's window was drawn. */
export function MomentsPage() {
  const slot = useAnalysis('moments');
  const { run, openDrilldown } = useInsights((s) => s);
  const [draft, setDraft] = useState<MomentParams>(slot.params);
  useEffect(() => setDraft(slot.params), [slot.params]);

  const result = slot.answer?.result;
  const { asOf: _chosen, ...atLatest } = draft;
  const audience = (result?.moments ?? []).map((m) => ({ label: m.label, value: m.count }));

  return (
    <section aria-labelledby="moments-heading">
      <h2 id="moments-heading">Moments</h2>
      <p className="muted">
        Who is in each customer moment at one instant: just ordered, browsing without buying, a cart left behind, a
        support case just resolved, a new loyalty tier, usage nearing its limit, a new product in a category they buy, a
        gift bought, or a season changing. Each window looks back from that instant. Being in a moment makes an offer
        timely; it does not make it welcome.
      </p>
      <ParamsForm label="Moment settings" running={slot.running} onSubmit={() => void run('moments', draft)}>
        <label className="field">
          <span>As of</span>
          <input
            type="datetime-local"
            step={1}
            value={draft.asOf ?? result?.asOf ?? ''}
            onChange={(e) => setDraft(e.target.value ? { ...draft, asOf: e.target.value } : atLatest)}
          />
        </label>
        {SETTINGS.map(({ key, ...field }) => (
          <NumberField
            key={key}
            {...field}
            min={field.min ?? 0}
            value={draft[key] ?? MOMENT_DEFAULTS[key]}
            onChange={(value) => setDraft({ ...draft, [key]: value })}
          />
        ))}
      </ParamsForm>
      <div className="actions field-hint">
        <span className="muted">
          Left as it is, the instant is just after the latest order or event in the workspace.
        </span>
        {draft.asOf !== undefined && (
          <button type="button" className="link" onClick={() => setDraft(atLatest)}>
            Back to the latest activity
          </button>
        )}
      </div>
      <AnalysisStatus name="moments" />
      {result &&
        (result.moments.length === 0 ? (
          <p className="empty" data-testid="moments-empty">
            This workspace has no dated orders or events yet, so there is no moment to place customers in. Import orders
            (and behaviour events such as views, carts and usage) first.
          </p>
        ) : (
          <>
            <p data-testid="moments-summary">
              As of <strong>{result.asOf?.replace('T', ' ')}</strong>:{' '}
              {result.moments.filter((m) => m.count > 0).length} of {result.moments.length} moments have customers in
              them.
            </p>
            <BarChartFigure
              title="Audience per moment"
              description="customers in each moment at this instant"
              data={audience}
              valueLabel="customers"
              layout="rows"
              testId="moments-chart"
            />
            <VirtualTable
              caption="Moments"
              columns={COLUMNS}
              rows={result.moments}
              exportName="moments"
              emptyText="No moments."
              openLabel="Show the customers in the selected moment"
              onOpen={(m) =>
                void openDrilldown(`Customers in the moment “${m.label}” as of ${result.asOf}`, {
                  analysis: 'moments',
                  moment: m.moment,
                  params: { ...slot.params, asOf: result.asOf! },
                })
              }
            />
          </>
        ))}
    </section>
  );
}
