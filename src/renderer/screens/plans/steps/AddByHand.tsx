import { useState } from 'react';
import type { ProductMatch } from '../../../../core/plan/product-search';
import { usePlanEditor } from '../../../state/store-context';
import { ProductPicker } from './ProductPicker';
import { manualItem, updateItems } from './recommendation-items';

/**
 * A product the data did not propose, added by a person from the workspace's products: it carries
 * no evidence, so it is flagged as such. A product the workspace does not hold is refused.
 */
export function AddByHand() {
  const edit = usePlanEditor((s) => s.edit);
  const resolveManual = usePlanEditor((s) => s.resolveManual);
  const [anchor, setAnchor] = useState<ProductMatch | null>(null);
  const [recommended, setRecommended] = useState<ProductMatch | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // A new key empties both pickers once an item is added.
  const [round, setRound] = useState(0);

  const add = async () => {
    if (!recommended) return;
    const found = await resolveManual(anchor?.id ?? null, recommended.id);
    if (!found.ok) {
      setProblem(found.error);
      return;
    }
    edit(`recommendations.manual.${Date.now()}`, (d) =>
      updateItems(d, [...d.recommendations.items, manualItem(d, found.value.anchor, found.value.recommended)]),
    );
    setProblem(null);
    setAnchor(null);
    setRecommended(null);
    setRound((r) => r + 1);
  };

  return (
    <details className="rec-by-hand">
      <summary>Add by hand</summary>
      <form
        aria-label="Add a recommendation by hand"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <div className="field-row" key={round}>
          <ProductPicker
            label="What the customer bought (optional)"
            value={anchor}
            onChange={(product) => {
              setAnchor(product);
              setProblem(null);
            }}
          />
          <ProductPicker
            label="Product to recommend"
            value={recommended}
            onChange={(product) => {
              setRecommended(product);
              setProblem(null);
            }}
          />
        </div>
        {problem && (
          <p className="warning" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" disabled={!recommended}>
          Add this recommendation
        </button>
      </form>
    </details>
  );
}
