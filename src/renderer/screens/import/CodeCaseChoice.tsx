import type { ImportMapping } from '../../../core/import/mapping';
import { useImport } from '../../state/store-context';

/**
 * Product codes written in two letter cases (84997c, 84997C) under one name are merged into one
 * product unless the user keeps them apart. Shown for files of order lines, which name products.
 */
export function CodeCaseChoice({ mapping }: { mapping: ImportMapping }) {
  const chooseMergeCaseVariants = useImport((s) => s.chooseMergeCaseVariants);
  const linesWithProducts =
    (mapping.kind === 'order_lines' || mapping.kind === 'order_lines_flat') && mapping.columns.product_id;
  if (!linesWithProducts) return null;

  return (
    <label className="import-mode">
      <input
        type="checkbox"
        data-testid="import-merge-code-case"
        checked={mapping.mergeCaseVariants !== false}
        onChange={(event) => chooseMergeCaseVariants(event.target.checked)}
      />
      <span>
        Treat product codes that differ only in capital letters or spaces, such as 84997c and 84997C, as one product
        when they have the same name. The report lists every code merged.
      </span>
    </label>
  );
}
