import { useState, type ReactNode } from 'react';
import type { Recommendation } from '../../../../core/plan/plan-document';
import { usePlanEditor } from '../../../state/store-context';
import { proposalsMatching } from './proposal-filter';
import { itemName, updateItems } from './recommendation-items';

/** The proposals the plan does not hold yet, each ready to add, filtered by product: "what goes with X?". */
export function ProposalList({
  proposals,
  details,
}: {
  proposals: Recommendation[];
  details: (proposal: Recommendation) => ReactNode;
}) {
  const edit = usePlanEditor((s) => s.edit);
  const [productFilter, setProductFilter] = useState('');
  const shown = proposalsMatching(proposals, productFilter);

  return (
    <>
      <label className="field rec-filter">
        <span>What goes with… (filter by a product’s name or code)</span>
        <input type="search" value={productFilter} maxLength={200} onChange={(e) => setProductFilter(e.target.value)} />
      </label>
      {shown.length === 0 ? (
        <p className="empty" data-testid="proposal-filter-empty">
          No proposal names a product matching “{productFilter.trim()}”. Try part of another name or code, or clear the
          filter.
        </p>
      ) : (
        <ul className="rec-list" aria-label="Proposals">
          {shown.map((proposal) => (
            <li key={proposal.id} className="rec-item" data-testid="proposal">
              {details(proposal)}
              <div className="actions">
                <button
                  type="button"
                  aria-label={`Add ${itemName(proposal)}`}
                  onClick={() =>
                    edit(`recommendations.add.${proposal.id}`, (d) =>
                      updateItems(d, [...d.recommendations.items, proposal]),
                    )
                  }
                >
                  Add to the plan
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
