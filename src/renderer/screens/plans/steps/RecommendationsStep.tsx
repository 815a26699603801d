import { useState } from 'react';
import { reviewState } from '../../../../core/plan/recommendations';
import type { Recommendation, RecommendationEvidence } from '../../../../core/plan/plan-document';
import { DECISION_LABELS, FLAG_WARNINGS, SOURCE_LABELS } from '../../../../core/vocabulary';
import { usePlanEditor } from '../../../state/store-context';
import type { ProductMatch } from '../../../../core/plan/product-search';
import { canSwap, proposalKey, swapDirection } from '../../../../core/plan/pair-proposals';
import { AddByHand } from './AddByHand';
import { OtherVariants, OtherWayRound } from './ProposalParts';
import { ProposalList } from './ProposalList';
import { ProductPicker } from './ProductPicker';
import { freshId, itemName, manualItem, updateItem, updateItems, type ItemRef } from './recommendation-items';
import { MeasuresExplained } from './MeasuresExplained';
import { ClippedText } from '../../../components/ClippedText';

const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;

/** Step 3: the products to recommend, proposed from the data, each decided by a person before any message may show it. */
export function RecommendationsStep() {
  const open = usePlanEditor((s) => s.open)!;
  const plan = open.history.present;
  const view = open.view;
  const items = plan.recommendations.items;
  const held = new Set(items.map(proposalKey));
  const proposals = (view?.proposals ?? []).filter((p) => !held.has(proposalKey(p)));
  // The same rule the view uses, on the document as it is now, so the statement never lags a click.
  const review = reviewState(plan);

  return (
    <div className="step-recommendations">
      <div className="advice">
        <p>
          <strong>Nothing reaches a message unreviewed: the messages show only the items approved here.</strong>
        </p>
        <p data-testid="review-state" role="status">
          {review.message}
        </p>
      </div>

      <section aria-labelledby="plan-items-heading">
        <h4 id="plan-items-heading">In this plan ({items.length})</h4>
        {items.length === 0 ? (
          <p className="empty">Nothing yet: add proposals from below, or add a product by hand.</p>
        ) : (
          <ul className="rec-list" aria-label="Recommendations in this plan">
            {items.map((item) => (
              <PlanItem key={item.id} item={item} flaggedApproved={review.flaggedApprovedIds.includes(item.id)} />
            ))}
          </ul>
        )}
        <AddByHand />
      </section>

      <section aria-labelledby="proposals-heading">
        <h4 id="proposals-heading">Proposed from this workspace’s data</h4>
        {!view ? (
          <p className="muted">Reading the data for proposals…</p>
        ) : plan.strategy.id === null ? (
          <p className="empty">Choose a strategy in step 1: the proposals follow from it.</p>
        ) : proposals.length === 0 ? (
          <p className="empty">
            {view.proposals.length === 0
              ? 'The data holds no pairs, ladders or families strong enough to propose for this strategy.'
              : 'Every proposal is in the plan.'}
          </p>
        ) : (
          <ProposalList proposals={proposals} details={(proposal) => <ItemDetails item={proposal} />} />
        )}
      </section>

      <Reviewer unreviewed={review.proposed} />
    </div>
  );
}

/** What an item recommends, where it comes from, the evidence in a sentence and in numbers, and its warnings. */
function ItemDetails({ item }: { item: Recommendation }) {
  return (
    <div className="rec-details">
      <p className="rec-pair">
        {item.anchor ? (
          <>
            <span>
              <ClippedText text={item.anchor.label || item.anchor.id} />
            </span>
            <OtherVariants variants={item.variants?.anchor} /> <span aria-hidden="true">→</span>
            <span className="visually-hidden"> then </span>
          </>
        ) : (
          <span className="muted">Any customer → </span>
        )}{' '}
        <strong>
          <ClippedText text={item.recommended.label || item.recommended.id} />
        </strong>
        <OtherVariants variants={item.variants?.recommended} />{' '}
        <span className="badge">{SOURCE_LABELS[item.source]}</span>
      </p>
      {item.evidence ? (
        <>
          <Evidence evidence={item.evidence} />
          <OtherWayRound item={item} />
        </>
      ) : (
        <p className="muted">No evidence from the data: a person’s choice.</p>
      )}
      <MeasuresExplained item={item} />
      {item.flags.length > 0 && (
        <ul className="rec-flags" aria-label="Warnings">
          {item.flags.map((flag) => (
            <li key={flag} className="warning">
              ⚠ {FLAG_WARNINGS[flag]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Evidence({ evidence }: { evidence: RecommendationEvidence }) {
  const measures = [
    `${evidence.count.toLocaleString('en-US')} ${evidence.support !== null ? 'orders' : 'customers'}`,
    evidence.support !== null && `support ${pct(evidence.support)}`,
    evidence.confidence !== null && `confidence ${pct(evidence.confidence)}`,
    evidence.lift !== null && `lift ${evidence.lift.toFixed(2)}`,
    evidence.share !== null && `later bought by ${pct(evidence.share)}`,
    evidence.medianDays !== null && `typically after ${evidence.medianDays} days`,
  ].filter((m): m is string => typeof m === 'string');
  return (
    <>
      <p className="rec-note">{evidence.note}</p>
      <p className="muted rec-measures">{measures.join(' · ')}</p>
    </>
  );
}

/** An item of the plan with the reviewer's actions. */
function PlanItem({ item, flaggedApproved }: { item: Recommendation; flaggedApproved: boolean }) {
  const edit = usePlanEditor((s) => s.edit);
  const [replacing, setReplacing] = useState(false);
  const name = itemName(item);
  const change = (what: string, update: (i: Recommendation) => Recommendation) =>
    edit(`recommendations.${what}.${item.id}`, (d) => updateItem(d, item.id, update));
  const decide = (decision: Recommendation['decision']) =>
    change('decision', (i) => ({ ...i, decision: i.decision === decision ? 'proposed' : decision }));

  return (
    <li className={`rec-item rec-${item.decision}`} data-testid="plan-item">
      <ItemDetails item={item} />
      <p className="rec-decision" data-testid="item-decision">
        {DECISION_LABELS[item.decision]}
        {item.pinned && ' · pinned first in the messages'}
      </p>
      {flaggedApproved && (
        <p className="warning">Approved despite the warnings above: check it once more before the plan goes out.</p>
      )}
      <div className="actions">
        <button
          type="button"
          aria-pressed={item.decision === 'approved'}
          aria-label={`Approve ${name}`}
          onClick={() => decide('approved')}
        >
          Approve
        </button>
        <button
          type="button"
          aria-pressed={item.decision === 'rejected'}
          aria-label={`Reject ${name}`}
          onClick={() => decide('rejected')}
        >
          Reject
        </button>
        <button
          type="button"
          aria-pressed={item.pinned}
          aria-label={`${item.pinned ? 'Unpin' : 'Pin'} ${name}`}
          onClick={() => change('pinned', (i) => ({ ...i, pinned: !i.pinned }))}
        >
          {item.pinned ? 'Unpin' : 'Pin'}
        </button>
        {canSwap(item) && (
          <button
            type="button"
            aria-label={`Swap ${name}: recommend ${item.anchor!.label || item.anchor!.id} after ${item.recommended.label || item.recommended.id}`}
            onClick={() =>
              edit(`recommendations.swap.${item.id}`, (d) =>
                updateItem(d, item.id, () => {
                  const turned = swapDirection(item);
                  return { ...turned, id: freshId(d, turned.id) };
                }),
              )
            }
          >
            Swap direction ⇄
          </button>
        )}
        <button
          type="button"
          aria-expanded={replacing}
          aria-label={`Replace ${name}`}
          onClick={() => setReplacing((r) => !r)}
        >
          Replace…
        </button>
        <button
          type="button"
          className="danger"
          aria-label={`Remove ${name}`}
          onClick={() =>
            edit(`recommendations.remove.${item.id}`, (d) =>
              updateItems(
                d,
                d.recommendations.items.filter((i) => i.id !== item.id),
              ),
            )
          }
        >
          Remove
        </button>
      </div>
      {replacing && <ReplaceForm item={item} onDone={() => setReplacing(false)} />}
    </li>
  );
}

/**
 * Swaps the recommended product. A product the data proposes for the same anchor brings its
 * evidence along; any other is a person's choice. Either way the item waits for a new decision.
 */
function ReplaceForm({ item, onDone }: { item: Recommendation; onDone: () => void }) {
  const open = usePlanEditor((s) => s.open)!;
  const edit = usePlanEditor((s) => s.edit);
  const proposals = open.view?.proposals ?? [];
  const products = [...new Map(proposals.map((p) => [p.recommended.id, p.recommended])).values()].filter(
    (p) => p.id !== item.recommended.id,
  );
  const resolveManual = usePlanEditor((s) => s.resolveManual);
  const [picked, setPicked] = useState('');
  const [other, setOther] = useState<ProductMatch | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const name = itemName(item);
  const replacement: ItemRef | null = picked
    ? (products.find((p) => p.id === picked) ?? null)
    : other && { id: other.id, label: other.name ?? other.id };

  const replace = async () => {
    if (!replacement) return;
    const backed = proposals.find(
      (p) => p.recommended.id === replacement.id && (p.anchor?.id ?? null) === (item.anchor?.id ?? null),
    );
    // A product the data does not propose is checked against the workspace's products first.
    const found = backed ? null : await resolveManual(null, replacement.id);
    if (found && !found.ok) {
      setProblem(found.error);
      return;
    }
    edit(`recommendations.replace.${item.id}`, (d) => {
      const others = updateItems(
        d,
        d.recommendations.items.filter((i) => i.id !== item.id),
      );
      const next = backed
        ? { ...backed, id: freshId(others, backed.id), pinned: item.pinned }
        : { ...manualItem(others, item.anchor, found!.value.recommended), pinned: item.pinned };
      return updateItem(d, item.id, () => next);
    });
    onDone();
  };

  return (
    <form
      className="rec-replace"
      aria-label={`Replace ${name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void replace();
      }}
    >
      <div className="field-row">
        {products.length > 0 && (
          <label className="field">
            <span>A product the data proposes</span>
            <select value={picked} onChange={(e) => setPicked(e.target.value)}>
              <option value="">Search for another instead…</option>
              {products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label} ({p.id})
                </option>
              ))}
            </select>
          </label>
        )}
        {!picked && <ProductPicker label="Another product of this workspace" value={other} onChange={setOther} />}
      </div>
      {problem && (
        <p className="warning" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={!replacement}>
          Replace with {replacement ? replacement.label : '…'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Who reviewed the list, and the moment they signed it off. */
function Reviewer({ unreviewed }: { unreviewed: number }) {
  const open = usePlanEditor((s) => s.open)!;
  const edit = usePlanEditor((s) => s.edit);
  const { reviewedBy, reviewedAt, items } = open.history.present.recommendations;
  const ready = reviewedBy.trim() !== '' && items.length > 0 && unreviewed === 0;

  return (
    <section aria-labelledby="reviewer-heading" className="rec-reviewer">
      <h4 id="reviewer-heading">Review</h4>
      <div className="field-row">
        <label className="field">
          <span>Reviewer’s name</span>
          <input
            value={reviewedBy}
            maxLength={200}
            onChange={(e) =>
              edit('recommendations.reviewedBy', (d) => ({
                ...d,
                recommendations: { ...d.recommendations, reviewedBy: e.target.value },
              }))
            }
          />
        </label>
        <div className="field">
          <button
            type="button"
            disabled={!ready}
            onClick={() =>
              edit('recommendations.reviewedAt', (d) => ({
                ...d,
                recommendations: { ...d.recommendations, reviewedAt: new Date().toISOString() },
              }))
            }
          >
            Mark reviewed
          </button>
        </div>
      </div>
      <p className="muted" data-testid="reviewed-at">
        {reviewedAt
          ? `Marked reviewed by ${reviewedBy || 'someone'} on ${new Date(reviewedAt).toLocaleString()}.`
          : ready
            ? 'Every item is decided: mark the list reviewed to sign it off.'
            : 'To mark the list reviewed, decide every item and enter the reviewer’s name.'}
      </p>
    </section>
  );
}
