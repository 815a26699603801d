import type { ExportLayout, LayoutId } from './layout';
import { ETSY_ORDER_ITEMS } from './etsy-order-items';
import { ETSY_ORDERS } from './etsy-orders';
import { SQUARE_ITEM_SALES } from './square-item-sales';
import { SQUARESPACE_ORDERS } from './squarespace-orders';
import { WIX_ORDERS } from './wix-orders';
import { SHOPIFY_CUSTOMERS } from './shopify-customers';
import { SHOPIFY_ORDERS } from './shopify-orders';
import { SHOPIFY_PRODUCTS } from './shopify-products';
import { WOOCOMMERCE_ANALYTICS_CUSTOMERS } from './woocommerce-analytics-customers';
import { WOOCOMMERCE_ANALYTICS_ORDERS } from './woocommerce-analytics-orders';
import { WOOCOMMERCE_CUSTOMERS } from './woocommerce-customers';
import { WOOCOMMERCE_ORDER_ITEMS } from './woocommerce-order-items';

/** The export layouts recognised by their column names, tried in this order. */
const LAYOUTS: readonly ExportLayout[] = [
  SHOPIFY_ORDERS,
  SQUARE_ITEM_SALES,
  ETSY_ORDER_ITEMS,
  ETSY_ORDERS,
  SQUARESPACE_ORDERS,
  WIX_ORDERS,
  SHOPIFY_CUSTOMERS,
  SHOPIFY_PRODUCTS,
  WOOCOMMERCE_ORDER_ITEMS,
  WOOCOMMERCE_ANALYTICS_ORDERS,
  WOOCOMMERCE_CUSTOMERS,
  WOOCOMMERCE_ANALYTICS_CUSTOMERS,
];

export function detectLayout(headers: readonly string[]): ExportLayout | null {
  return LAYOUTS.find((layout) => layout.recognise(headers)) ?? null;
}

export function layoutById(id: LayoutId): ExportLayout {
  const layout = LAYOUTS.find((candidate) => candidate.id === id);
  if (!layout) throw new Error(`No export layout “${id}”.`);
  return layout;
}
