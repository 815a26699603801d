/** Demo workspaces and demo order-line exports: invented shops with each cross-sell strategy's pattern planted. */
export { DEMO_WORKSPACES, demoWorkspace, type DemoStrategy, type DemoWorkspace } from './demo-workspaces';
export { generateDemoWorkspace, type DemoOptions } from './generate-workspace';
export {
  ORDER_LINES_CSV_COLUMNS,
  writeOrderLinesCsv,
  type OrderLinesCsvOptions,
  type OrderLinesCsvSummary,
} from './order-lines-csv';
export { SHOPIFY_ORDER_COLUMNS, writeShopifyOrdersCsv, type ShopifyOrdersCsvSummary } from './shopify-orders-csv';
export { DEFAULT_CUSTOMERS, DEFAULT_SEED, LINES_PER_CUSTOMER } from './demo-size';
export { DEMO_EVENT_TYPES, type DemoEventType } from './types';
