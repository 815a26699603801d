import { useCombobox } from 'downshift';
import { useEffect, useState } from 'react';
import type { ProductMatch } from '../../../../core/plan/product-search';
import { usePlanEditor } from '../../../state/store-context';

const SEARCH_AFTER_MS = 150;

const productName = (product: ProductMatch | null) => (product ? (product.name ?? product.id) : '');

/**
 * A product of the workspace, found by part of its name or code: type, move through the matches
 * with the arrow keys, pick one with Enter (or a click). Only products the workspace holds can be picked.
 */
export function ProductPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: ProductMatch | null;
  onChange: (product: ProductMatch | null) => void;
}) {
  const search = usePlanEditor((s) => s.searchProducts);
  const [typed, setTyped] = useState('');
  const [matches, setMatches] = useState<{ query: string; found: ProductMatch[] }>({ query: '', found: [] });

  const { isOpen, getLabelProps, getInputProps, getMenuProps, getItemProps, setHighlightedIndex } = useCombobox({
    items: matches.found,
    itemToString: productName,
    itemToKey: (product) => product?.id,
    selectedItem: value,
    defaultHighlightedIndex: 0,
    onInputValueChange: ({ inputValue, selectedItem }) => {
      setTyped(inputValue);
      // Typing over a picked product takes the pick back: what the field shows is what will be added.
      if (selectedItem && inputValue !== productName(selectedItem)) onChange(null);
    },
    onSelectedItemChange: ({ selectedItem }) => onChange(selectedItem ?? null),
  });
  const searched = typed.trim() !== '' && matches.query === typed;

  useEffect(() => {
    let current = true;
    const timer = setTimeout(
      () =>
        void search(typed).then((found) => {
          if (!current) return;
          setMatches({ query: typed, found });
          // Matches arrive after the typing: the first is ready for Enter, as if it had been there at once.
          if (found.length > 0) setHighlightedIndex(0);
        }),
      SEARCH_AFTER_MS,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [typed, search, setHighlightedIndex]);

  return (
    <div className="field product-picker">
      <label {...getLabelProps()}>{label}</label>
      <div className="picker-anchor">
        <input {...getInputProps({ placeholder: 'Type part of a name or code', maxLength: 200 })} />
        <ul {...getMenuProps()} className="picker-options">
          {isOpen &&
            matches.found.map((product, index) => (
              <li key={product.id} {...getItemProps({ item: product, index })}>
                {product.name ?? product.id} <span className="muted">{product.id}</span>
              </li>
            ))}
        </ul>
      </div>
      <p className="muted picker-status" role="status">
        {value
          ? `Picked ${productName(value)} (${value.id}).`
          : searched && matches.found.length === 0
            ? `No product of this workspace matches “${typed.trim()}”.`
            : ''}
      </p>
    </div>
  );
}
