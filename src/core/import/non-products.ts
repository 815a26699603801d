/**
 * Codes that appear on order lines but are not products: postage, carriage, fees, manual
 * corrections, discounts, samples, gift vouchers. They stay in the data (they are part of what
 * customers paid) and are marked so that product analysis leaves them out.
 *
 * POST, DOT (postage), C2 (carriage), M (manual), D (discount), S (samples), B (bad debt
 * adjustment), BANK CHARGES, AMAZONFEE, CRUK (charity commission), PADS (cushion pads sold as a
 * filler) are the codes the Online Retail data set uses; the rest are common in other shops (a
 * Shopify export lists a customer's tip as a line item named "Tip", without a SKU; Square's item
 * sales list an amount keyed in at the till as "Custom Amount", and sold gift cards as "Gift Card").
 */
const NON_PRODUCT_CODES = new Set([
  'POST',
  'DOT',
  'C2',
  'M',
  'D',
  'S',
  'B',
  'BANK CHARGES',
  'AMAZONFEE',
  'CRUK',
  'PADS',
  'POSTAGE',
  'SHIPPING',
  'DELIVERY',
  'CARRIAGE',
  'FEE',
  'ADJUST',
  'ADJUSTMENT',
  'DISCOUNT',
  'MANUAL',
  'SAMPLES',
  'TIP',
  'CUSTOM AMOUNT',
  'GIFT CARD',
]);

/** Gift vouchers such as gift_0001_20 (a voucher worth 20). */
const VOUCHER = /^gift_\d+_\d+$/i;
/** Shopify sells gift cards without a SKU, so they are coded by name: "Gift Card", "Gift Card - $25". */
const GIFT_CARD = /^gift card( - .+)?$/i;

export function isNonProductCode(code: string): boolean {
  return NON_PRODUCT_CODES.has(code.toUpperCase()) || VOUCHER.test(code) || GIFT_CARD.test(code);
}
