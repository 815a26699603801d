import { useEffect, useMemo, useState } from 'react';
import {
  LADDER_DEFAULTS,
  type AdvancementSignal,
  type LadderCandidate,
  type LadderParams,
  type LadderReport,
  type LaddersResult,
} from '../../../core/analysis/ladders';
import type { Column } from '../../components/table/columns';
import { VirtualTable } from '../../components/table/VirtualTable';
import { NumberField } from '../../components/NumberField';
import { useInsights } from '../../state/store-context';
import { AnalysisStatus } from './AnalysisStatus';
import { useAnalysis } from './use-analysis';
import { ParamsForm } from './ParamsForm';

const SIGNAL_WORDS: Record<AdvancementSignal, string> = {
  'usage-growth': 'using more',
  'orders-rising': 'ordering more often',
  milestone: 'reached a milestone',
  'usage-near-limit': 'near the usage limit',
};

interface CandidateRow {
  category: string;
  candidate: LadderCandidate;
}

const CANDIDATE_COLUMNS: Column<CandidateRow>[] = [
  {
    key: 'category',
    help: 'The category whose price tiers form the ladder.',
    label: 'Category',
    value: (r) => r.category,
    width: '1.3fr',
  },
  {
    key: 'customer',
    help: 'The customer who may be ready for the next tier.',
    label: 'Customer',
    value: (r) => r.candidate.customerId,
  },
  {
    key: 'tier',
    help: 'The tier the customer buys now, and the one above it.',
    label: 'Tier now → next',
    value: (r) => `${r.candidate.currentTier} → ${r.candidate.nextTier}`,
    width: '1.3fr',
  },
  {
    key: 'count',
    help: 'How many signs of moving up the customer shows: more signs, stronger case.',
    label: 'Signs',
    value: (r) => r.candidate.signals.length,
    numeric: true,
    width: '0.8fr',
  },
  {
    key: 'signals',
    help: 'The signs seen in the customer’s purchases.',
    label: 'Signs of moving up',
    value: (r) => r.candidate.signals.map((s) => SIGNAL_WORDS[s]).join(', '),
    width: '3fr',
  },
  {
    key: 'reasons',
    help: 'What in the data each sign rests on.',
    label: 'Behind them',
    value: (r) => r.candidate.reasons.join(' '),
    width: '4fr',
  },
];

/** The parameters a ladder's drill-down reruns with: those of the shown result, at the same instant. */
function usedParams({ asOf, ...rest }: LaddersResult['parameters']): LadderParams {
  return asOf ? { ...rest, asOf } : rest;
}

/** Progression ladders: customers per tier of each tiered category, and who shows signs of being ready for the next tier. */
export function LaddersPage() {
  const slot = useAnalysis('ladders');
  const { run, openDrilldown, openCustomer } = useInsights((s) => s);
  const [draft, setDraft] = useState<LadderParams>({ ...LADDER_DEFAULTS, ...slot.params });
  useEffect(() => setDraft({ ...LADDER_DEFAULTS, ...slot.params }), [slot.params]);

  const result = slot.answer?.result;
  const rows = useMemo(
    () =>
      (result?.ladders ?? []).flatMap((l) => l.candidates.map((candidate) => ({ category: l.category, candidate }))),
    [result],
  );
  const listed = (result?.ladders ?? []).some((l) => l.candidates.length < l.candidateCount);

  const openLadder = (ladder: LadderReport) =>
    openDrilldown(`Candidates for the next tier in ${ladder.category}`, {
      analysis: 'ladders',
      category: ladder.category,
      params: usedParams(result!.parameters),
    });

  return (
    <section aria-labelledby="ladders-heading">
      <h2 id="ladders-heading">Ladders</h2>
      <p className="muted">
        Categories whose products are ranked in tiers, such as beginner, intermediate and expert gear. A customer’s tier
        is the highest one they have bought in the category. Customers below the top who use more, order more often,
        reach milestones or near a usage limit are candidates for the next tier: these signs often go with moving up,
        they do not make it certain.
      </p>
      <ParamsForm label="Ladder settings" running={slot.running} onSubmit={() => void run('ladders', draft)}>
        <NumberField
          label="Recent period"
          suffix="days"
          value={draft.recentDays}
          min={1}
          max={3650}
          onChange={(recentDays) => setDraft({ ...draft, recentDays })}
        />
        <NumberField
          label="Usage growth of at least"
          suffix="%"
          value={draft.usageGrowth}
          scale={100}
          min={0}
          max={10000}
          onChange={(usageGrowth) => setDraft({ ...draft, usageGrowth })}
        />
        <NumberField
          label="Milestones within"
          suffix="days"
          value={draft.milestoneDays}
          min={1}
          max={3650}
          onChange={(milestoneDays) => setDraft({ ...draft, milestoneDays })}
        />
        <NumberField
          label="Usage at least"
          suffix="% of its limit"
          value={draft.usageLimitShare}
          scale={100}
          min={1}
          max={100}
          onChange={(usageLimitShare) => setDraft({ ...draft, usageLimitShare })}
        />
        <NumberField
          label="At least"
          suffix="signs"
          value={draft.minSignals}
          min={1}
          max={4}
          onChange={(minSignals) => setDraft({ ...draft, minSignals })}
        />
      </ParamsForm>
      <AnalysisStatus name="ladders" />
      {result &&
        (result.ladders.length === 0 ? (
          <p className="empty" data-testid="ladders-empty">
            {result.parameters.asOf === null
              ? 'This workspace has no dated orders or events yet, so no one has a tier.'
              : 'No category has products on two or more tiers. Import products with a tier column (each product’s rank on a progression ladder) to see who is ready to move up.'}
          </p>
        ) : (
          <>
            <div className="ladder-list">
              {result.ladders.map((ladder) => (
                <section
                  key={ladder.category}
                  className="ladder"
                  aria-label={`Ladder: ${ladder.category}`}
                  data-testid="ladder"
                >
                  <h3>{ladder.category}</h3>
                  <p className="muted">{ladder.explanation}</p>
                  <div className="table-wrap">
                    <table>
                      <caption>Customers per tier</caption>
                      <thead>
                        <tr>
                          <th scope="col">Tier</th>
                          <th scope="col">Products</th>
                          <th scope="col" className="num">
                            Customers
                          </th>
                          <th scope="col" className="num">
                            Candidates
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {ladder.tiers.map((tier) => (
                          <tr key={tier.tier}>
                            <td>{tier.tier}</td>
                            <td>{tier.products.map((p) => p.label).join(', ')}</td>
                            <td className="num">{tier.customers.toLocaleString('en-US')}</td>
                            <td className="num">{tier.candidates.toLocaleString('en-US')}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  <div className="actions">
                    <button
                      type="button"
                      disabled={ladder.candidateCount === 0}
                      onClick={() => void openLadder(ladder)}
                    >
                      Show all {ladder.candidateCount.toLocaleString('en-US')} candidates
                    </button>
                  </div>
                </section>
              ))}
            </div>
            <h3>Candidates for the next tier</h3>
            {listed && (
              <p className="muted">
                The table lists the first {result.parameters.maxCandidates.toLocaleString('en-US')} candidates of each
                category, most signs first; “Show all candidates” above pages through every one.
              </p>
            )}
            <VirtualTable
              caption="Candidates for the next tier"
              columns={CANDIDATE_COLUMNS}
              rows={rows}
              exportName="ladder candidates"
              initialSort={{ key: 'count', direction: 'descending' }}
              emptyText="No customer below the top tier shows enough signs. Lower the number of signs or widen the periods."
              openLabel="Show the orders of the selected customer"
              onOpen={({ category, candidate }) => {
                void openLadder(result.ladders.find((l) => l.category === category)!);
                void openCustomer(candidate.customerId);
              }}
            />
          </>
        ))}
    </section>
  );
}
