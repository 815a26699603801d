import { columnIndexes, type ExportLayout, type RowPreparer } from './layout';
import { cellAt, setAt } from './layout-cells';
import { hasColumns, orderLineColumns } from './layout-columns';

/**
 * Etsy's sold order items (Shop Manager → Settings → Options → Download Data → "Order Items"): one
 * row per item sold, each with its order's details. Dates are written month first with a two-digit
 * year (06/14/25). An item is known by its SKU, else by its listing (Listing ID); with a SKU, the
 * name carries the chosen variations ("Mug (Colour:Blue)"), since each variation has its own SKU,
 * but never a buyer's personalisation, which would make every sale a different product. Etsy
 * writes some characters of names as HTML (&quot;, &#39;, &amp;); they are read back as text.
 *
 * The customer is the Buyer column: the buyer's Etsy username, the one buyer key both of Etsy's
 * files write (the orders file adds a Buyer User ID this file lacks), so importing both files links
 * each order to one customer. Etsy exports carry no email address and no marketing consent.
 */

export const ETSY_BUYER = 'Buyer';

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

/** Written together by no other export. */
const RECOGNISED_BY: readonly Column[] = ['saleDate', 'itemName', 'buyer', 'transaction', 'listing', 'order'];

/** Variation names Etsy uses for what the buyer typed in. */
const PERSONALISATION = /^personali[sz]ation\s*:/i;

export const ETSY_ORDER_ITEMS: ExportLayout = {
  id: 'etsy-order-items',
  label: 'Looks like an Etsy sold order items export',
  kind: 'order_lines_flat',
  dayMonthOrder: 'mdy',

  recognise(headers) {
    return hasColumns(
      headers,
      RECOGNISED_BY.map((column) => COLUMNS[column]),
    );
  },

  columnsFor(kind, headers) {
    return orderLineColumns(kind, headers, {
      order_id: [COLUMNS.order],
      product_id: [COLUMNS.sku, COLUMNS.listing],
      product_name: [COLUMNS.itemName],
      quantity: [COLUMNS.quantity],
      unit_price: [COLUMNS.price],
      customer_id: [COLUMNS.buyer],
      ordered_at: [COLUMNS.saleDate],
      channel: [COLUMNS.orderType],
      country: [COLUMNS.shipCountry],
    });
  },

  rowPreparer(headers) {
    const at = columnIndexes(headers, COLUMNS);
    return at.order === -1 ? null : etsyItemRows(at);
  },
};

function etsyItemRows(at: Record<Column, number>): RowPreparer {
  return (cells) => {
    const out = cells.slice();
    const name = htmlText(cellAt(out, at.itemName).trim());
    const sku = cellAt(out, at.sku).trim();
    const variations = chosenVariations(htmlText(cellAt(out, at.variations)));
    setAt(out, at.itemName, sku !== '' && variations !== '' ? `${name} (${variations})` : name);
    if (sku === '') setAt(out, at.sku, cellAt(out, at.listing));
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
