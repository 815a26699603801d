import { defineLayout, presentColumns, type PreparedFile } from './define-layout';
import { OrderFillDown } from './fill-down';
import type { RowPreparer } from './layout';
import { cellAt, fillBlank, withAddedCells } from './layout-cells';

/**
 * Shopify's products export (Products → Export): one row per variant, grouped by the product's
 * handle, with the product's own details (title, vendor, category, type, tags, option names) on
 * its first row only; further rows of a handle that carry only a picture follow. Exports since
 * 2025 rename many columns ("URL handle", "SKU", "Price", "Product image URL" for "Handle",
 * "Variant SKU", "Variant Price", "Image Src"); both are read.
 *
 * Each variant is a product, coded as Shopify's orders export codes its line items: by SKU, else
 * by the line item's name, which is the title followed by the option values ("Stoneware Mug -
 * Blue / Large"; a product without options has the single value "Default Title" and is named by
 * its title). Its category is the last step of the Product category ("… > Drinkware > Mugs"),
 * else the product type (also when the category is "Uncategorized"). Picture-only rows are left
 * out and counted.
 */

const COLUMNS = {
  handle: ['Handle', 'URL handle'],
  title: 'Title',
  vendor: 'Vendor',
  productCategory: 'Product Category',
  type: 'Type',
  tags: 'Tags',
  published: ['Published', 'Published on online store'],
  status: 'Status',
  option1Name: 'Option1 Name',
  option1Value: 'Option1 Value',
  option2Name: 'Option2 Name',
  option2Value: 'Option2 Value',
  option3Name: 'Option3 Name',
  option3Value: 'Option3 Value',
  sku: ['Variant SKU', 'SKU'],
  price: ['Variant Price', 'Price'],
  image: ['Image Src', 'Product image URL'],
} as const;
type Column = keyof typeof COLUMNS;

/** Product-level columns, written on a handle's first row only. */
const PRODUCT_LEVEL: readonly Column[] = [
  'title',
  'vendor',
  'productCategory',
  'type',
  'tags',
  'published',
  'status',
  'option1Name',
  'option2Name',
  'option3Name',
];

const OPTION_VALUES: readonly Column[] = ['option1Value', 'option2Value', 'option3Value'];
/** The variant's own cells: a row with none of them holds only a picture. */
const VARIANT_CELLS: readonly Column[] = ['sku', 'price', ...OPTION_VALUES];
/** The value Shopify gives the single option of a product without variants. */
const NO_OPTIONS = 'default title';

const NAME_COLUMN = 'Name with options';
const CATEGORY_COLUMN = 'Category or type';

export const SHOPIFY_PRODUCTS = defineLayout({
  id: 'shopify-products',
  label: 'Looks like a Shopify products export',
  kind: 'products',
  columns: COLUMNS,
  recognisedBy: ['handle', 'title', 'option1Name', 'option1Value', 'sku', 'price', 'image'],
  addedColumns: [NAME_COLUMN, CATEGORY_COLUMN],
  mapping: (name) => ({
    product_id: name('sku'),
    name: NAME_COLUMN,
    category: CATEGORY_COLUMN,
    price: name('price'),
  }),
  rowsNeed: 'handle',
  prepareRows: variantRows,
});

function variantRows(at: Record<Column, number>, { width, warnings }: PreparedFile): RowPreparer {
  const fillDown = new OrderFillDown(at.handle, presentColumns(at, PRODUCT_LEVEL));
  const optionValues = presentColumns(at, OPTION_VALUES);
  const variantCells = presentColumns(at, VARIANT_CELLS);

  return (cells, row) => {
    const out = cells.slice();
    fillDown.fill(out);
    if (variantCells.every((index) => cellAt(out, index).trim() === '')) {
      warnings.add('skipped_rows', row);
      warnings.detail('skipped_rows', 'rows holding only a further picture of a product');
      return [];
    }
    const values = optionValues.map((index) => cellAt(out, index).trim()).filter((value) => value !== '');
    const title = cellAt(out, at.title).trim();
    const options = values.length === 1 && values[0].toLowerCase() === NO_OPTIONS ? [] : values;
    const name = options.length > 0 ? `${title} - ${options.join(' / ')}` : title;
    fillBlank(out, at.sku, name);
    return [withAddedCells(out, width, [name, categoryOf(cellAt(out, at.productCategory), cellAt(out, at.type))])];
  };
}

/** Shopify's Product Category of a product given none. */
const NO_CATEGORY = 'uncategorized';

/**
 * The last step of Shopify's category path ("Home & Garden > … > Mugs" is "Mugs"), else the
 * product type; "Uncategorized" is no category, so products given none are not grouped as one.
 */
function categoryOf(productCategory: string, type: string): string {
  const leaf = productCategory.split('>').pop()?.trim() ?? '';
  return leaf !== '' && leaf.toLowerCase() !== NO_CATEGORY ? leaf : type.trim();
}
