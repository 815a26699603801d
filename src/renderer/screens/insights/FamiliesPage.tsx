import { useEffect, useMemo, useState } from 'react';
import {
  FAMILY_DEFAULTS,
  type FamilyParams,
  type FamilyReport,
  type OwnershipSet,
} from '../../../core/analysis/families';
import { BarChartFigure } from '../../components/charts/BarChartFigure';
import type { Column } from '../../components/table/columns';
import { VirtualTable } from '../../components/table/VirtualTable';
import { NumberField } from '../../components/NumberField';
import { useInsights } from '../../state/store-context';
import { AnalysisStatus } from './AnalysisStatus';
import { useAnalysis } from './use-analysis';
import { percent } from './format';
import { ParamsForm } from './ParamsForm';

/** More charts than this side by side stop being readable; the table still holds every family. */
const MAX_CHARTS = 6;

interface SetRow {
  family: string;
  set: OwnershipSet;
}

const owning = (set: OwnershipSet) => set.members.map((m) => m.label).join(' + ');

const SET_COLUMNS: Column<SetRow>[] = [
  { key: 'family', help: 'The product family.', label: 'Family', value: (r) => r.family, width: '1.4fr' },
  {
    key: 'owns',
    help: 'The members of the family these customers own.',
    label: 'Owns',
    value: (r) => owning(r.set),
    width: '3fr',
  },
  {
    key: 'ever',
    help: 'Customers who at some point owned exactly these members.',
    label: 'Customers ever',
    value: (r) => r.set.customersEver,
    numeric: true,
    width: '1.3fr',
  },
  {
    key: 'now',
    help: 'Customers who own exactly these members at the end of the data.',
    label: 'Customers now',
    value: (r) => r.set.customersNow,
    numeric: true,
    width: '1.3fr',
  },
  {
    key: 'next',
    help: 'The member customers with this set most often bought next.',
    label: 'Most often added next',
    value: (r) => r.set.next[0]?.member.label ?? null,
    width: '2.4fr',
  },
  {
    key: 'share',
    help: 'Of the customers who added a member to this set, the share who added this one.',
    explain: (r) => r.set.explanation,
    label: 'Share',
    value: (r) => r.set.next[0]?.share ?? null,
    format: (v) => percent(v as number | null),
    numeric: true,
    width: '0.8fr',
  },
  {
    key: 'explanation',
    help: 'The row in a sentence.',
    label: 'In words',
    value: (r) => r.set.explanation,
    sentence: true,
    width: '4fr',
  },
];

const adoption = (family: FamilyReport) =>
  family.ownershipCounts.map((c) => ({ label: String(c.members), value: c.customers }));

/** Product families: how many members customers own, and which member owners of a partial set add next. */
export function FamiliesPage() {
  const slot = useAnalysis('families');
  const { run, openDrilldown } = useInsights((s) => s);
  const [draft, setDraft] = useState<FamilyParams>({ ...FAMILY_DEFAULTS, ...slot.params });
  useEffect(() => setDraft({ ...FAMILY_DEFAULTS, ...slot.params }), [slot.params]);

  const result = slot.answer?.result;
  const rows = useMemo(
    () => (result?.families ?? []).flatMap((f) => f.sets.map((set) => ({ family: f.family, set }))),
    [result],
  );
  const charted = (result?.families ?? []).slice(0, MAX_CHARTS);

  return (
    <section aria-labelledby="families-heading">
      <h2 id="families-heading">Families</h2>
      <p className="muted">
        For each product family (a product line or ecosystem): how many of its products customers own, and for each
        partial set they owned, which product they tended to add next. Customers who own that set today are the audience
        for the missing pieces. It shows the order customers happened to buy in, not that one product leads to another.
      </p>
      <ParamsForm label="Family settings" running={slot.running} onSubmit={() => void run('families', draft)}>
        <NumberField
          label="Sets owned by at least"
          suffix="customers"
          value={draft.minCustomers}
          min={1}
          onChange={(minCustomers) => setDraft({ ...draft, minCustomers })}
        />
        <NumberField
          label="Show at most"
          suffix="sets per family"
          value={draft.maxSets}
          min={1}
          max={1000}
          onChange={(maxSets) => setDraft({ ...draft, maxSets })}
        />
      </ParamsForm>
      <AnalysisStatus name="families" />
      {result &&
        (result.families.length === 0 ? (
          <p className="empty" data-testid="families-empty">
            No product family has two or more products. Import products with a family column (the product line or
            ecosystem each one belongs to) to see how customers build up a family.
          </p>
        ) : (
          <>
            <p data-testid="families-summary">
              <strong>{result.families.length.toLocaleString('en-US')} families</strong>;{' '}
              {rows.length.toLocaleString('en-US')} sets of products owned by at least{' '}
              {result.parameters.minCustomers.toLocaleString('en-US')} customers.
            </p>
            <div className="chart-grid">
              {charted.map((family) => (
                <BarChartFigure
                  key={family.family}
                  title={family.family}
                  description={`customers by how many of its ${family.members.length} products they own. ${family.explanation}`}
                  data={adoption(family)}
                  valueLabel="customers"
                  testId="family-chart"
                />
              ))}
            </div>
            {result.families.length > MAX_CHARTS && (
              <p className="muted">
                The charts show the {MAX_CHARTS} families with the most owners; the table below covers all{' '}
                {result.families.length}.
              </p>
            )}
            <VirtualTable
              caption="Ownership sets"
              columns={SET_COLUMNS}
              rows={rows}
              exportName="family ownership sets"
              initialSort={{ key: 'ever', direction: 'descending' }}
              emptyText={`No set of products was owned by at least ${result.parameters.minCustomers.toLocaleString('en-US')} customers. Lower that number.`}
              openLabel="Show the customers who own exactly the selected set now"
              onOpen={({ family, set }) =>
                void openDrilldown(`Customers who own exactly ${owning(set)} from ${family}`, {
                  analysis: 'families',
                  family,
                  members: set.members.map((m) => m.id),
                  ...(result.parameters.asOf ? { asOf: result.parameters.asOf } : {}),
                })
              }
            />
          </>
        ))}
    </section>
  );
}
