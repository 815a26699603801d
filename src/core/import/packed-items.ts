/**
 * Reports that list an order's products in one cell, as WooCommerce's Analytics orders download
 * does: "2× Stoneware Mug, 1× Earl Grey Tea" (quantity, "×", name; items joined by ", "). A
 * name may itself hold a comma ("Mug, large"): items are split only where the next one starts
 * with a quantity and "×".
 */
export interface PackedItem {
  name: string;
  quantity: string;
}

const ITEM = /^(\d+(?:[.,]\d+)?)\s*×\s*(.+)$/s;
const NEXT_ITEM = /,\s*(?=\d+(?:[.,]\d+)?\s*×)/;

/** The items of a cell; an item without a quantity is one of its name. */
export function splitPackedItems(cell: string): PackedItem[] {
  return cell
    .split(NEXT_ITEM)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const match = ITEM.exec(part);
      return match ? { quantity: match[1], name: match[2].trim() } : { quantity: '1', name: part };
    });
}
