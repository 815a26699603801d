import { useEffect, useMemo, useState } from 'react';
import type { SecondPurchaseGroup, SequenceParams, SequenceRow } from '../../../core/analysis/sequences';
import { BarChartFigure } from '../../components/charts/BarChartFigure';
import type { Column } from '../../components/table/columns';
import { VirtualTable } from '../../components/table/VirtualTable';
import { NumberField } from '../../components/NumberField';
import { useInsights } from '../../state/store-context';
import { AnalysisStatus } from './AnalysisStatus';
import { useAnalysis } from './use-analysis';
import { days, percent } from './format';
import { ParamsForm } from './ParamsForm';
import {
  SECOND_ORDER_MEANINGS,
  SEQUENCE_MEASURE_MEANINGS,
  explainSecondOrderMeasure,
  explainSequenceMeasure,
  type SecondOrderMeasure,
  type SequenceMeasure,
} from '../../../core/playbook/measure-explanations';

const sequenceMeasure = (key: SequenceMeasure) => ({
  key,
  label: SEQUENCE_MEASURE_MEANINGS[key].title,
  help: SEQUENCE_MEASURE_MEANINGS[key].meaning,
  numeric: true,
  explain: (r: SequenceRow) => explainSequenceMeasure(key, r, { a: r.from.label, b: r.to.label }),
});

const SEQUENCE_COLUMNS: Column<SequenceRow>[] = [
  {
    key: 'from',
    label: 'First bought',
    help: 'What the customers bought first.',
    value: (r) => r.from.label,
    width: '3fr',
  },
  {
    key: 'to',
    label: 'Later bought',
    help: 'What they bought in a later order.',
    value: (r) => r.to.label,
    width: '3fr',
  },
  { ...sequenceMeasure('customers'), value: (r) => r.customers },
  { ...sequenceMeasure('share'), value: (r) => r.share, format: (v) => percent(v as number), width: '1.3fr' },
  { ...sequenceMeasure('median'), value: (r) => r.days.median, format: (v) => days(v as number | null) },
  { ...sequenceMeasure('q1'), value: (r) => r.days.q1, format: (v) => days(v as number | null) },
  { ...sequenceMeasure('q3'), value: (r) => r.days.q3, format: (v) => days(v as number | null) },
];

const secondOrderMeasure = (key: SecondOrderMeasure) => ({
  key,
  label: SECOND_ORDER_MEANINGS[key].title,
  help: SECOND_ORDER_MEANINGS[key].meaning,
  numeric: true,
  explain: (g: SecondPurchaseGroup) => explainSecondOrderMeasure(key, { ...g, medianDays: g.days.median }, g.category),
});

const SECOND_COLUMNS: Column<SecondPurchaseGroup>[] = [
  {
    key: 'category',
    label: 'First order included',
    help: 'The category the first order held, or every customer.',
    value: (g) => g.category ?? 'Any category',
    width: '3fr',
  },
  { ...secondOrderMeasure('customers'), value: (g) => g.customers },
  { ...secondOrderMeasure('repeat'), value: (g) => g.repeatShare, format: (v) => percent(v as number) },
  {
    ...secondOrderMeasure('median'),
    value: (g) => g.days.median,
    format: (v) => days(v as number | null),
    width: '1.6fr',
  },
];

/** "Bought A, later bought B", and how long customers take to come back for a second order. */
export function SequencesPage() {
  const slot = useAnalysis('sequences');
  const second = useAnalysis('secondPurchase');
  const { run, openDrilldown } = useInsights((s) => s);
  const [draft, setDraft] = useState<SequenceParams>(slot.params);
  useEffect(() => setDraft(slot.params), [slot.params]);

  const result = slot.answer?.result;
  const timing = second.answer?.result;
  const topSequences = useMemo(
    () =>
      (result?.rows ?? []).slice(0, 10).map((r) => ({ label: `${r.from.label} → ${r.to.label}`, value: r.customers })),
    [result],
  );
  const histogram = (timing?.overall.buckets ?? []).map((b) => ({ label: b.label, value: b.count }));

  return (
    <section aria-labelledby="sequences-heading">
      <h2 id="sequences-heading">Bought next</h2>
      <p className="muted">
        For customers with two or more orders: what they bought in a later order after buying something first, and how
        many days lay between. A common sequence suggests what to offer after an anchor purchase, and when.
      </p>
      <ParamsForm label="Sequence settings" running={slot.running} onSubmit={() => void run('sequences', draft)}>
        <label className="field">
          <span>Items</span>
          <select
            value={draft.level ?? 'product'}
            onChange={(e) => setDraft({ ...draft, level: e.target.value as SequenceParams['level'] })}
          >
            <option value="product">Products</option>
            <option value="category">Categories</option>
          </select>
        </label>
        <NumberField
          label="At least"
          suffix="customers"
          value={draft.minCustomers}
          min={1}
          onChange={(minCustomers) => setDraft({ ...draft, minCustomers })}
        />
        <NumberField
          label="Show at most"
          suffix="sequences"
          value={draft.limit}
          min={1}
          max={100000}
          onChange={(limit) => setDraft({ ...draft, limit })}
        />
      </ParamsForm>
      <AnalysisStatus name="sequences" />
      {result && (
        <>
          <p data-testid="sequences-summary">{result.explanation}</p>
          <BarChartFigure
            title="Most common sequences"
            description="customers who bought the first, then the second in a later order"
            data={topSequences}
            valueLabel="customers"
            layout="rows"
          />
          <VirtualTable
            caption="Purchase sequences"
            columns={SEQUENCE_COLUMNS}
            rows={result.rows}
            exportName="sequences"
            initialSort={{ key: 'customers', direction: 'descending' }}
            emptyText="No sequence is shared by enough customers. Lower the number of customers."
            openLabel="Show the customers behind the selected sequence"
            onOpen={(row) =>
              void openDrilldown(`Customers who bought ${row.from.label}, then ${row.to.label}`, {
                analysis: 'sequences',
                level: result.parameters.level,
                from: row.from.id,
                to: row.to.id,
                ...(result.parameters.asOf ? { asOf: result.parameters.asOf } : {}),
              })
            }
          />
        </>
      )}
      <h3>Time to a second order</h3>
      <AnalysisStatus name="secondPurchase" />
      {timing && (
        <>
          <p data-testid="second-purchase-summary">{timing.overall.explanation}</p>
          <BarChartFigure
            title="Days from the first to the second order"
            description="customers by how long they took to order again"
            data={histogram}
            valueLabel="customers"
            testId="second-purchase-chart"
          />
          <VirtualTable
            caption="Time to a second order by the first order's category"
            columns={SECOND_COLUMNS}
            rows={[timing.overall, ...timing.byFirstCategory]}
            exportName="time to second order"
            emptyText="No customer has ordered yet."
          />
        </>
      )}
    </section>
  );
}
