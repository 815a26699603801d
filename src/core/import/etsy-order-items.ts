import { defineLayout } from './define-layout';
import { buyerOfItem, ETSY_BUYER } from './etsy-buyer';
import type { RowPreparer } from './layout';
import { cellAt, fillBlank, setAt, withVariant } from './layout-cells';

/**
 * Etsy's sold order items (Shop Manager → Settings → Options → Download Data → "Order Items"): one
 * row per item sold, each with its order's details. Dates are written month first with a two-digit
 * year (06/14/25). An item is known by its SKU, else by its listing (Listing ID); with a SKU, the
 * name carries the chosen variations ("Mug (Colour:Blue)"), since each variation has its own SKU,
 * but never a buyer's personalisation, which would make every sale a different product. Etsy
 * writes some characters of names as HTML (&quot;, &#39;, &amp;); they are read back as text.
 *
 * The customer is the buyer's Etsy username, read from the Buyer column (see etsy-buyer.ts). Etsy
 * exports carry no email address and no marketing consent.
 */

const COLUMNS = {
  saleDate: 'Sale Date',
  itemName: 'Item Name',
  buyer: ETSY_BUYER,
  quantity: 'Quantity',
  price: 'Price',
  transaction: 'Transaction ID',
  listing: 'Listing ID',
  order: 'Order ID',
  variations: 'Variations',
  sku: 'SKU',
  orderType: 'Order Type',
  shipCountry: 'Ship Country',
} as const;
type Column = keyof typeof COLUMNS;

/** Variation names Etsy uses for what the buyer typed in. */
const PERSONALISATION = /^personali[sz]ation\s*:/i;

export const ETSY_ORDER_ITEMS = defineLayout({
  id: 'etsy-order-items',
  label: 'Looks like an Etsy sold order items export',
  kind: 'order_lines_flat',
  dayMonthOrder: 'mdy',
  columns: COLUMNS,
  recognisedBy: ['saleDate', 'itemName', 'buyer', 'transaction', 'listing', 'order'],
  mapping: (name) => ({
    order_id: name('order'),
    product_id: name('sku') ?? name('listing'),
    product_name: name('itemName'),
    quantity: name('quantity'),
    unit_price: name('price'),
    customer_id: name('buyer'),
    ordered_at: name('saleDate'),
    channel: name('orderType'),
    country: name('shipCountry'),
  }),
  rowsNeed: 'order',
  prepareRows: etsyItemRows,
});

function etsyItemRows(at: Record<Column, number>): RowPreparer {
  return (cells) => {
    const out = cells.slice();
    setAt(out, at.buyer, buyerOfItem(cellAt(out, at.buyer)));
    const name = htmlText(cellAt(out, at.itemName).trim());
    const sku = cellAt(out, at.sku).trim();
    const variations = chosenVariations(htmlText(cellAt(out, at.variations)));
    setAt(out, at.itemName, withVariant(name, sku !== '' ? variations : ''));
    fillBlank(out, at.sku, cellAt(out, at.listing));
    return [out];
  };
}

/** "Colour:Blue,Personalization:Mia" → "Colour:Blue": a variation is "Name:value", one after another. */
function chosenVariations(text: string): string {
  return text
    .split(/,(?=[^,:]+:)/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && !PERSONALISATION.test(part))
    .join(', ');
}

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: ' ' };

/** Text with the HTML character references Etsy writes (&quot;, &#39;, &#x27;) turned back into characters. */
export function htmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1].toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
