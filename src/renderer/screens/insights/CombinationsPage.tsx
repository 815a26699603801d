import { useEffect, useMemo, useState } from 'react';
import type { AssociationRule, CombinationsParameters } from '../../../core/analysis/combinations/types';
import { BarChartFigure } from '../../components/charts/BarChartFigure';
import type { Column } from '../../components/table/columns';
import { VirtualTable } from '../../components/table/VirtualTable';
import { NumberField } from '../../components/NumberField';
import { useInsights } from '../../state/store-context';
import { AnalysisStatus } from './AnalysisStatus';
import { useAnalysis } from './use-analysis';
import { decimal, percent } from './format';
import { ParamsForm } from './ParamsForm';
import {
  RULE_MEASURE_MEANINGS,
  countsFromMeasures,
  explainRuleMeasure,
  wordsOfRule,
  type RuleMeasure,
} from '../../../core/playbook/measure-explanations';

/** Products (or categories) bought together: association rules with their measures. */
export function CombinationsPage() {
  const slot = useAnalysis('combinations');
  const run = useInsights((s) => s.run);
  const openDrilldown = useInsights((s) => s.openDrilldown);
  const [draft, setDraft] = useState<CombinationsParameters>(slot.params);
  useEffect(() => setDraft(slot.params), [slot.params]);

  const result = slot.answer?.result;
  const label = (items: string[]) => items.map((id) => result?.names[id] ?? id).join(' + ');
  const columns = useMemo<Column<AssociationRule>[]>(() => {
    const measure = (key: RuleMeasure) => ({
      key,
      label: RULE_MEASURE_MEANINGS[key].title,
      help: RULE_MEASURE_MEANINGS[key].meaning,
      numeric: true,
      explain: (r: AssociationRule) => {
        const counts = countsFromMeasures(r);
        return counts && result ? explainRuleMeasure(key, counts, wordsOfRule(r, result)) : '';
      },
    });
    return [
      {
        key: 'antecedent',
        label: 'Bought',
        help: 'What a basket held: the first side of the rule.',
        value: (r) => label(r.antecedent),
        width: '3fr',
      },
      {
        key: 'consequent',
        label: 'Also bought',
        help: 'What those baskets also held: the second side of the rule.',
        value: (r) => label(r.consequent),
        width: '3fr',
      },
      { ...measure('count'), value: (r) => r.count },
      { ...measure('support'), value: (r) => r.support, format: (v) => percent(v as number) },
      { ...measure('confidence'), value: (r) => r.confidence, format: (v) => percent(v as number) },
      { ...measure('lift'), value: (r) => r.lift, format: (v) => decimal(v as number) },
      { ...measure('leverage'), value: (r) => r.leverage, format: (v) => decimal(v as number, 4) },
      {
        ...measure('conviction'),
        value: (r) => r.conviction,
        format: (v) => (v === null ? '∞' : decimal(v as number)),
      },
    ];
  }, [result]);
  const top = (result?.rules ?? [])
    .slice(0, 10)
    .map((r) => ({ label: `${label(r.antecedent)} → ${label(r.consequent)}`, value: Math.round(r.lift * 100) / 100 }));
  const levelWord = slot.params.level === 'category' ? 'categories' : 'products';

  return (
    <section aria-labelledby="combinations-heading">
      <h2 id="combinations-heading">Bought together</h2>
      <p className="muted">
        Which {levelWord} turn up in the same baskets more often than chance would give. Returns, cancelled orders and
        codes that are not products (postage, fees) are left out. A strong pair is a candidate for a completion offer;
        it shows association, not that one purchase causes the other.
      </p>
      <ParamsForm label="Combination settings" running={slot.running} onSubmit={() => void run('combinations', draft)}>
        <NumberField
          label="Minimum support"
          suffix="% of baskets"
          value={draft.minSupport}
          scale={100}
          step={0.01}
          min={0.01}
          max={100}
          onChange={(minSupport) => setDraft({ ...draft, minSupport })}
        />
        <NumberField
          label="Minimum confidence"
          suffix="%"
          value={draft.minConfidence}
          scale={100}
          step={1}
          min={0}
          max={100}
          onChange={(minConfidence) => setDraft({ ...draft, minConfidence })}
        />
        <NumberField
          label="Largest combination"
          suffix="items"
          value={draft.maxLength}
          min={2}
          max={5}
          onChange={(maxLength) => setDraft({ ...draft, maxLength })}
        />
        <label className="field">
          <span>Items</span>
          <select
            value={draft.level}
            onChange={(e) => setDraft({ ...draft, level: e.target.value as CombinationsParameters['level'] })}
          >
            <option value="product">Products</option>
            <option value="category">Categories</option>
          </select>
        </label>
        <label className="field">
          <span>A basket is</span>
          <select
            value={draft.basket.kind === 'order' ? 'order' : 'days'}
            onChange={(e) =>
              setDraft({
                ...draft,
                basket: e.target.value === 'order' ? { kind: 'order' } : { kind: 'days', days: 30 },
              })
            }
          >
            <option value="order">One order</option>
            <option value="days">A customer’s orders within some days</option>
          </select>
        </label>
        {draft.basket.kind === 'days' && (
          <NumberField
            label="Days"
            value={draft.basket.days}
            min={0}
            max={3650}
            onChange={(days) => setDraft({ ...draft, basket: { kind: 'days', days } })}
          />
        )}
      </ParamsForm>
      <AnalysisStatus name="combinations" />
      {result && (
        <>
          <p data-testid="rules-summary">
            <strong>{result.rules.length.toLocaleString('en-US')} rules</strong> from{' '}
            {result.baskets.toLocaleString('en-US')} baskets ({result.itemsets.toLocaleString('en-US')} combinations
            bought in at least {result.minCount.toLocaleString('en-US')} baskets).
          </p>
          <BarChartFigure
            title="Strongest combinations"
            description="how many times more often the pair is bought together than if the two were unrelated (lift)"
            data={top}
            valueLabel="lift"
            layout="rows"
          />
          <VirtualTable
            caption="Association rules"
            columns={columns}
            rows={result.rules}
            exportName="combinations"
            initialSort={{ key: 'lift', direction: 'descending' }}
            emptyText="No combination reaches these thresholds. Lower the minimum support or confidence."
            openLabel="Show the customers behind the selected rule"
            onOpen={(rule) =>
              void openDrilldown(`Customers who bought ${label(rule.antecedent)} with ${label(rule.consequent)}`, {
                analysis: 'combinations',
                options: { level: result.parameters.level, basket: result.parameters.basket },
                antecedent: rule.antecedent,
                consequent: rule.consequent,
              })
            }
          />
        </>
      )}
    </section>
  );
}
