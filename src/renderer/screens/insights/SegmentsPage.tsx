import { useEffect, useMemo, useState } from 'react';
import {
  SEGMENT_DEFAULTS,
  type ScoreGroup,
  type SegmentFilter,
  type SegmentGroup,
  type SegmentParams,
  type SegmentsResult,
} from '../../../core/analysis/segments';
import { BarChartFigure } from '../../components/charts/BarChartFigure';
import type { Column } from '../../components/table/columns';
import { VirtualTable } from '../../components/table/VirtualTable';
import { NumberField } from '../../components/NumberField';
import { useInsights } from '../../state/store-context';
import { AnalysisStatus } from './AnalysisStatus';
import { useAnalysis } from './use-analysis';
import { money, percent } from './format';
import { ParamsForm } from './ParamsForm';

type Measure = 'recency' | 'frequency' | 'monetary';

const span = (min: number, max: number, show: (n: number) => string) =>
  min === max ? show(min) : `${show(min)}–${show(max)}`;
const count = (n: number) => n.toLocaleString('en-US');

const MEASURES: { measure: Measure; label: string; range: (min: number, max: number) => string }[] = [
  { measure: 'recency', label: 'Recency', range: (min, max) => `${span(min, max, count)} days since the last order` },
  {
    measure: 'frequency',
    label: 'Frequency',
    range: (min, max) => `${span(min, max, count)} ${max === 1 ? 'order' : 'orders'}`,
  },
  { measure: 'monetary', label: 'Monetary', range: (min, max) => `${span(min, max, money)} spent` },
];

type ScoreRow = ScoreGroup & { measure: (typeof MEASURES)[number] };

/** Customers and their share of all customers, for any group. */
const groupColumns = (total: number): Column<{ customers: number }>[] => [
  { key: 'customers', label: 'Customers', value: (g) => g.customers, numeric: true },
  {
    key: 'share',
    label: 'Share of customers',
    value: (g) => g.customers / total,
    format: (v) => percent(v as number),
    numeric: true,
    width: '1.2fr',
  },
];

const SAMPLE_COLUMN: Column<SegmentGroup> = {
  key: 'sample',
  label: 'For example',
  value: (g) => g.sampleCustomerIds.join(', '),
  width: '3fr',
};

/** The segment parameters of the shown result, for a drill-down at the same instant. */
function usedParams({ asOf, ...rest }: SegmentsResult['parameters']): SegmentParams {
  return asOf ? { ...rest, asOf } : rest;
}

/** Customer segments: recency, frequency and spend scores, loyalty tiers, category breadth, and their combinations. */
export function SegmentsPage() {
  const slot = useAnalysis('segments');
  const { run, openDrilldown } = useInsights((s) => s);
  const [draft, setDraft] = useState<SegmentParams>({ ...SEGMENT_DEFAULTS, ...slot.params });
  useEffect(() => setDraft({ ...SEGMENT_DEFAULTS, ...slot.params }), [slot.params]);

  const result = slot.answer?.result;
  const total = result?.customers ?? 0;
  const drill = (title: string, filter: SegmentFilter) =>
    void openDrilldown(title, { analysis: 'segments', filter, params: usedParams(result!.parameters) });

  const scoreRows = useMemo(
    () =>
      result
        ? MEASURES.flatMap((measure) => [...result[measure.measure]].reverse().map((group) => ({ ...group, measure })))
        : [],
    [result],
  );
  const columns = useMemo(() => {
    const groups = groupColumns(total);
    return {
      scores: [
        { key: 'measure', label: 'Measure', value: (r) => r.measure.label },
        { key: 'score', label: 'Score', value: (r) => r.score, numeric: true, width: '0.6fr' },
        ...groups,
        {
          key: 'range',
          label: 'Range',
          value: (r) => (r.min === null || r.max === null ? null : r.measure.range(r.min, r.max)),
          width: '3fr',
        },
      ] satisfies Column<ScoreRow>[],
      rfm: [
        { key: 'recency', label: 'Recency', value: (g) => Number(g.key[0]), numeric: true },
        { key: 'frequency', label: 'Frequency', value: (g) => Number(g.key[1]), numeric: true },
        { key: 'monetary', label: 'Monetary', value: (g) => Number(g.key[2]), numeric: true },
        ...groups,
        SAMPLE_COLUMN,
      ] satisfies Column<SegmentGroup>[],
      loyalty: [
        { key: 'tier', label: 'Loyalty tier', value: (g) => g.key },
        ...groups,
        SAMPLE_COLUMN,
      ] satisfies Column<SegmentGroup>[],
      breadth: [
        { key: 'categories', label: 'Categories bought', value: (g) => Number(g.key), numeric: true },
        ...groups,
        SAMPLE_COLUMN,
      ] satisfies Column<SegmentGroup>[],
    };
  }, [total]);

  const asOfShown = (draft.asOf ?? result?.parameters.asOf ?? '').slice(0, 10);

  return (
    <section aria-labelledby="segments-heading">
      <h2 id="segments-heading">Segments</h2>
      <p className="muted">
        Customers who have bought, grouped by how recently, how often and how much they bought (each scored 1 to 5,
        where 5 is the best fifth), by loyalty tier and by how many categories they buy in. A group says who the
        customers are; it does not say why they buy as they do.
      </p>
      <ParamsForm label="Segment settings" running={slot.running} onSubmit={() => void run('segments', draft)}>
        <label className="field">
          <span>As of the start of</span>
          <input
            type="date"
            value={asOfShown}
            onChange={(e) => {
              const { asOf: _previous, ...rest } = draft;
              setDraft(e.target.value ? { ...rest, asOf: e.target.value } : rest);
            }}
          />
        </label>
        <NumberField
          label="Gold"
          suffix="% of customers by spend"
          value={draft.goldShare}
          scale={100}
          min={0}
          max={100}
          onChange={(goldShare) => setDraft({ ...draft, goldShare })}
        />
        <NumberField
          label="Silver"
          suffix="% after the gold ones"
          value={draft.silverShare}
          scale={100}
          min={0}
          max={100}
          onChange={(silverShare) => setDraft({ ...draft, silverShare })}
        />
      </ParamsForm>
      <p className="muted field-hint">
        Left as it is, the date is just after the latest order or event. Gold and silver shares only apply when no
        loyalty tiers were imported.
      </p>
      <AnalysisStatus name="segments" />
      {result &&
        (result.customers === 0 ? (
          <p className="empty" data-testid="segments-empty">
            {result.parameters.asOf === null
              ? 'No customer has bought a product in this workspace yet. Import orders with their lines (the products each order holds) to group customers by what they bought.'
              : 'No customer has bought anything before this date. Pick a later date.'}
          </p>
        ) : (
          <>
            <p data-testid="segments-summary">
              <strong>{result.customers.toLocaleString('en-US')} customers</strong> who bought{' '}
              {result.parameters.asOf === null
                ? 'in the orders imported'
                : `before ${result.parameters.asOf.replace('T', ' ')}`}
              .
            </p>
            {result.undated && (
              <p className="muted" data-testid="segments-undated">
                {result.undated}
              </p>
            )}
            <h3>Recency, frequency and monetary scores</h3>
            <VirtualTable
              caption="Score groups"
              columns={columns.scores}
              rows={scoreRows}
              exportName="segment scores"
              emptyText="No customer has a score."
              openLabel="Show the customers with the selected score"
              onOpen={({ measure, score }) =>
                drill(`Customers with ${measure.label.toLowerCase()} score ${score}`, { [measure.measure]: score })
              }
            />
            <h3>Loyalty tiers</h3>
            <p className="muted">{result.loyalty.explanation}</p>
            <div className="chart-grid">
              <BarChartFigure
                title="Loyalty tiers"
                description="customers per tier"
                data={result.loyalty.tiers.map((t) => ({ label: t.key, value: t.customers }))}
                valueLabel="customers"
                testId="loyalty-chart"
              />
            </div>
            <VirtualTable
              caption="Loyalty tiers"
              columns={columns.loyalty}
              rows={result.loyalty.tiers}
              exportName="loyalty tiers"
              emptyText="No customer has a loyalty tier."
              openLabel="Show the customers in the selected tier"
              onOpen={(g) => drill(`Customers in loyalty tier ${g.key}`, { loyaltyTier: g.key })}
            />
            <h3>Category breadth</h3>
            <div className="chart-grid">
              <BarChartFigure
                title="Category breadth"
                description="customers by how many categories they have bought in"
                data={result.breadth.map((b) => ({ label: b.key, value: b.customers }))}
                valueLabel="customers"
                testId="breadth-chart"
              />
            </div>
            <VirtualTable
              caption="Category breadth"
              columns={columns.breadth}
              rows={result.breadth}
              exportName="category breadth"
              emptyText="No customer has bought in a category."
              openLabel="Show the customers who bought in the selected number of categories"
              onOpen={(g) =>
                drill(`Customers who bought in ${g.key} ${g.key === '1' ? 'category' : 'categories'}`, {
                  categories: Number(g.key),
                })
              }
            />
            <h3>Recency, frequency and monetary combinations</h3>
            <VirtualTable
              caption="Score combinations"
              columns={columns.rfm}
              rows={result.rfmCells}
              exportName="segment combinations"
              initialSort={{ key: 'customers', direction: 'descending' }}
              emptyText="No customer has a score."
              openLabel="Show the customers with the selected scores"
              onOpen={(g) =>
                drill(`Customers scored recency ${g.key[0]}, frequency ${g.key[1]}, monetary ${g.key[2]}`, {
                  recency: Number(g.key[0]),
                  frequency: Number(g.key[1]),
                  monetary: Number(g.key[2]),
                })
              }
            />
          </>
        ))}
    </section>
  );
}
