import { useEffect, useState, type ReactNode } from 'react';
import {
  BASELINE_DEFAULTS,
  type AcceptanceRow,
  type BaselineParams,
  type BaselinesResult,
} from '../../../core/analysis/baselines';
import { BarChartFigure } from '../../components/charts/BarChartFigure';
import type { Column } from '../../components/table/columns';
import { VirtualTable } from '../../components/table/VirtualTable';
import { NumberField } from '../../components/NumberField';
import { useInsights } from '../../state/store-context';
import { AnalysisStatus } from './AnalysisStatus';
import { useAnalysis } from './use-analysis';
import { days, decimal, money, percent } from './format';
import { ParamsForm } from './ParamsForm';

const PAIR_COLUMNS: Column<AcceptanceRow>[] = [
  {
    key: 'anchor',
    help: 'What the customers bought first.',
    label: 'Bought first',
    value: (r) => r.anchor.label,
    width: '2.5fr',
  },
  {
    key: 'recommended',
    help: 'The product that could be suggested next.',
    label: 'Then',
    value: (r) => r.recommended.label,
    width: '2.5fr',
  },
  {
    key: 'anchorCustomers',
    help: 'Customers whose first order of the first product left a whole window before the end of the data and who did not own the second yet.',
    label: 'Customers',
    value: (r) => r.anchorCustomers,
    numeric: true,
  },
  {
    key: 'accepted',
    help: 'Of those customers, how many bought the second product within the window.',
    explain: (r) => r.explanation,
    label: 'Bought it',
    value: (r) => r.accepted,
    numeric: true,
  },
  {
    key: 'rate',
    help: 'Bought it as a share of the customers: how often this suggestion came true on its own, without any campaign.',
    explain: (r) => r.explanation,
    label: 'Rate',
    value: (r) => r.rate,
    format: (v) => percent(v as number),
    numeric: true,
    width: '0.8fr',
  },
  {
    key: 'explanation',
    help: 'The row in a sentence.',
    label: 'In words',
    value: (r) => r.explanation,
    width: '4fr',
    sentence: true,
  },
];

/** One baseline: what it measures, its figure, and the sentence behind it. */
function Baseline({
  id,
  title,
  value,
  detail,
  explanation,
}: {
  id: string;
  title: string;
  value: string;
  detail: ReactNode;
  explanation: string;
}) {
  return (
    <article className="baseline" aria-labelledby={`baseline-${id}`} data-testid={`baseline-${id}`}>
      <h3 id={`baseline-${id}`}>{title}</h3>
      <p className="baseline-value">{value}</p>
      <p className="baseline-detail">{detail}</p>
      <p className="muted">{explanation}</p>
    </article>
  );
}

/** Baselines: the five campaign measures as customers already show them in past orders, without any campaign. */
export function BaselinesPage() {
  const slot = useAnalysis('baselines');
  const { run } = useInsights((s) => s);
  const [draft, setDraft] = useState<BaselineParams>({ ...BASELINE_DEFAULTS, ...slot.params });
  useEffect(() => setDraft({ ...BASELINE_DEFAULTS, ...slot.params }), [slot.params]);

  const result = slot.answer?.result;

  return (
    <section aria-labelledby="baselines-heading">
      <h2 id="baselines-heading">Baselines</h2>
      <p className="muted">
        The five measures a cross-sell plan is judged by, taken from past orders before any campaign: how often buyers
        of a product went on to buy its usual follow-up, how long until customers buy from a new category, how many
        spread to a second category, what orders that add a category are worth, and how often such purchases come back.
        They are a yardstick for a plan’s targets, not a forecast.
      </p>
      <ParamsForm label="Baseline settings" running={slot.running} onSubmit={() => void run('baselines', draft)}>
        <NumberField
          label="Follow-on window"
          suffix="days"
          value={draft.windowDays}
          min={1}
          max={3650}
          onChange={(windowDays) => setDraft({ ...draft, windowDays })}
        />
        <NumberField
          label="Product pairs"
          suffix="most common sequences"
          value={draft.topPairs}
          min={1}
          max={1000}
          onChange={(topPairs) => setDraft({ ...draft, topPairs })}
        />
        <NumberField
          label="Pairs bought in turn by at least"
          suffix="customers"
          value={draft.minCustomers}
          min={1}
          onChange={(minCustomers) => setDraft({ ...draft, minCustomers })}
        />
      </ParamsForm>
      <AnalysisStatus name="baselines" />
      {result &&
        (result.crossSellAov.anchorOrders === 0 ? (
          <p className="empty" data-testid="baselines-empty">
            No customer in this workspace has an order holding a product yet, so there is no history to measure. Import
            orders with their customers and lines (the products each order holds) to see the baselines.
          </p>
        ) : (
          <BaselineFigures result={result} />
        ))}
    </section>
  );
}

function BaselineFigures({ result }: { result: BaselinesResult }) {
  const { acceptance, secondaryPurchase, categoryExpansion, crossSellAov, returnRate, parameters } = result;
  const pairRates = [...acceptance.pairs]
    .sort((a, b) => b.rate - a.rate)
    .map((p) => ({ label: `${p.anchor.label} → ${p.recommended.label}`, value: Math.round(p.rate * 1000) / 10 }));
  return (
    <>
      <div className="baseline-grid">
        <Baseline
          id="acceptance"
          title="Cross-sell acceptance"
          value={percent(acceptance.overall.rate)}
          detail={`${acceptance.overall.accepted.toLocaleString('en-US')} of ${acceptance.overall.anchorCustomers.toLocaleString('en-US')} buyers of an anchor product, over the ${acceptance.pairs.length} most common pairs`}
          explanation={acceptance.explanation}
        />
        <Baseline
          id="secondary"
          title="Time to a purchase from a new category"
          value={days(secondaryPurchase.days.median)}
          detail={
            secondaryPurchase.days.median === null
              ? 'no customer yet'
              : `the median; half of ${secondaryPurchase.customers.toLocaleString('en-US')} customers took between ${days(secondaryPurchase.days.q1)} and ${days(secondaryPurchase.days.q3)}`
          }
          explanation={secondaryPurchase.explanation}
        />
        <Baseline
          id="expansion"
          title="Category expansion"
          value={categoryExpansion.customers === 0 ? '–' : percent(categoryExpansion.rate)}
          detail={`${categoryExpansion.expanded.toLocaleString('en-US')} of ${categoryExpansion.customers.toLocaleString('en-US')} customers bought from two or more categories within ${parameters.windowDays} days`}
          explanation={categoryExpansion.explanation}
        />
        <Baseline
          id="aov"
          title="Value of orders that add a category"
          value={crossSellAov.ratio === null ? '–' : `${decimal(crossSellAov.ratio)} ×`}
          detail={`of a first order’s value: ${money(crossSellAov.followOnAov)} on average over ${crossSellAov.followOnOrders.toLocaleString('en-US')} such orders, against ${money(crossSellAov.anchorAov)}`}
          explanation={crossSellAov.explanation}
        />
        <Baseline
          id="returns"
          title="Returns of products from a new category"
          value={returnRate.followOnItems === 0 ? '–' : percent(returnRate.followOnRate)}
          detail={`against ${percent(returnRate.allRate)} of all ${returnRate.allItems.toLocaleString('en-US')} products bought`}
          explanation={returnRate.explanation}
        />
      </div>
      <h3>Acceptance by product pair</h3>
      <BarChartFigure
        title="Acceptance rate by pair"
        description={`share of buyers of the first product who bought the second within ${parameters.windowDays} days`}
        data={pairRates}
        valueLabel="% bought it"
        layout="rows"
      />
      <VirtualTable
        caption="Acceptance by product pair"
        columns={PAIR_COLUMNS}
        rows={acceptance.pairs}
        exportName="acceptance baseline"
        initialSort={{ key: 'rate', direction: 'descending' }}
        emptyText="No product is followed by another often enough to measure. Lower the number of customers a pair needs; customers need two or more orders to count."
      />
    </>
  );
}
