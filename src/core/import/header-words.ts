/**
 * A first row of plain text can still be a header row: database exports name their columns with
 * words such as “id”, “name” or “category” joined by underscores (aisle_id, product_category_name),
 * where data cells hold values (“beleza_saude”, “fresh fruits”). Every cell must read as such a name.
 */

const COLUMN_WORDS = new Set([
  'id',
  'key',
  'code',
  'name',
  'title',
  'label',
  'category',
  'type',
  'description',
  'english',
  'translation',
  'number',
  'no',
  'ref',
  'value',
  'date',
  'status',
]);

/** The words of a column name: “product_category_name_english” and “productCategoryName” both split. */
export function columnWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

export function looksLikeColumnNames(cells: readonly string[]): boolean {
  return (
    cells.length > 0 &&
    cells.every(
      (cell) => /^[A-Za-z][A-Za-z0-9_ ]*$/.test(cell.trim()) && columnWords(cell).some((w) => COLUMN_WORDS.has(w)),
    )
  );
}
