import { defineProduct, type ProductSpec } from './define-product';
import type { DemoProduct } from './types';

/** A skincare routine, in the order it is applied and, for a new customer, usually bought. */
export const ROUTINE_STEPS = ['cleanser', 'toner', 'serum', 'moisturiser', 'spf', 'eye', 'mask'] as const;
export type RoutineStep = (typeof ROUTINE_STEPS)[number];

export type BeautyRole = RoutineStep | 'extra' | 'gift-set' | 'wrap';

const STEP_CATEGORY: Record<RoutineStep, string> = {
  cleanser: 'Cleanser',
  toner: 'Toner',
  serum: 'Serum',
  moisturiser: 'Moisturiser',
  spf: 'SPF',
  eye: 'Eye care',
  mask: 'Mask',
};

/** Days a bottle lasts with daily use; a regular customer re-buys around then. */
const STEP_SUPPLY_DAYS: Record<RoutineStep, number> = {
  cleanser: 75,
  toner: 90,
  serum: 60,
  moisturiser: 70,
  spf: 60,
  eye: 100,
  mask: 90,
};

export interface BeautyExtra {
  role: BeautyRole;
  supplyDays: number | null;
}

function rangeProduct(step: RoutineStep, spec: Omit<ProductSpec, 'category'>): BeautyProduct {
  return defineProduct({ ...spec, category: STEP_CATEGORY[step] }, { role: step, supplyDays: STEP_SUPPLY_DAYS[step] });
}

const GIFT_SET: BeautyExtra = { role: 'gift-set', supplyDays: null };

function extraProduct(spec: ProductSpec, supplyDays: number | null): BeautyProduct {
  return defineProduct(spec, { role: 'extra', supplyDays });
}

export type BeautyProduct = DemoProduct & BeautyExtra;

/** Four skincare ranges (the families), each a complete routine for one kind of skin, and extras around them. */
export const BEAUTY_PRODUCTS: readonly BeautyProduct[] = [
  rangeProduct('cleanser', {
    id: 'GC101',
    name: 'Clear Balance Foaming Gel Cleanser 150 ml',
    family: 'Clear Balance',
    price: 16,
  }),
  rangeProduct('toner', {
    id: 'GC102',
    name: 'Clear Balance BHA Pore Toner 200 ml',
    family: 'Clear Balance',
    price: 19,
  }),
  rangeProduct('serum', {
    id: 'GC103',
    name: 'Clear Balance Niacinamide Serum 30 ml',
    family: 'Clear Balance',
    price: 29,
  }),
  rangeProduct('moisturiser', {
    id: 'GC104',
    name: 'Clear Balance Oil-Free Gel Moisturiser 50 ml',
    family: 'Clear Balance',
    price: 26,
  }),
  rangeProduct('spf', { id: 'GC105', name: 'Clear Balance Matte Fluid SPF 50', family: 'Clear Balance', price: 24 }),
  rangeProduct('eye', { id: 'GC106', name: 'Clear Balance Cooling Eye Gel 15 ml', family: 'Clear Balance', price: 24 }),
  rangeProduct('mask', {
    id: 'GC107',
    name: 'Clear Balance Kaolin Clay Mask 75 ml',
    family: 'Clear Balance',
    price: 22,
  }),

  rangeProduct('cleanser', { id: 'GC111', name: 'Calm Skin Cream Cleanser 150 ml', family: 'Calm Skin', price: 17 }),
  rangeProduct('toner', { id: 'GC112', name: 'Calm Skin Oat Milk Toner 200 ml', family: 'Calm Skin', price: 18 }),
  rangeProduct('serum', { id: 'GC113', name: 'Calm Skin Ceramide Serum 30 ml', family: 'Calm Skin', price: 32 }),
  rangeProduct('moisturiser', { id: 'GC114', name: 'Calm Skin Barrier Cream 50 ml', family: 'Calm Skin', price: 29 }),
  rangeProduct('spf', { id: 'GC115', name: 'Calm Skin Mineral Sunscreen SPF 30', family: 'Calm Skin', price: 25 }),
  rangeProduct('eye', { id: 'GC116', name: 'Calm Skin Soothing Eye Balm 15 ml', family: 'Calm Skin', price: 27 }),
  rangeProduct('mask', {
    id: 'GC117',
    name: 'Calm Skin Overnight Hydration Mask 75 ml',
    family: 'Calm Skin',
    price: 26,
  }),

  rangeProduct('cleanser', {
    id: 'GC121',
    name: 'Bright Boost Enzyme Powder Cleanser 60 g',
    family: 'Bright Boost',
    price: 19,
  }),
  rangeProduct('toner', { id: 'GC122', name: 'Bright Boost Glow Toner 200 ml', family: 'Bright Boost', price: 21 }),
  rangeProduct('serum', {
    id: 'GC123',
    name: 'Bright Boost Vitamin C Serum 15% 30 ml',
    family: 'Bright Boost',
    price: 39,
  }),
  rangeProduct('moisturiser', {
    id: 'GC124',
    name: 'Bright Boost Radiance Moisturiser 50 ml',
    family: 'Bright Boost',
    price: 34,
  }),
  rangeProduct('spf', {
    id: 'GC125',
    name: 'Bright Boost Invisible Sun Gel SPF 50',
    family: 'Bright Boost',
    price: 27,
  }),
  rangeProduct('eye', {
    id: 'GC126',
    name: 'Bright Boost Illuminating Eye Cream 15 ml',
    family: 'Bright Boost',
    price: 33,
  }),
  rangeProduct('mask', {
    id: 'GC127',
    name: 'Bright Boost Vitamin Sheet Masks (5 pack)',
    family: 'Bright Boost',
    price: 18,
  }),
  rangeProduct('eye', {
    id: 'GC128',
    name: 'Bright Boost Vitamin C Eye Patches (15 pairs)',
    family: 'Bright Boost',
    price: 26,
    launched: '2026-09-17',
  }),

  rangeProduct('cleanser', {
    id: 'GC131',
    name: 'Age Renew Melting Cleansing Balm 100 ml',
    family: 'Age Renew',
    price: 24,
  }),
  rangeProduct('toner', { id: 'GC132', name: 'Age Renew Peptide Essence 150 ml', family: 'Age Renew', price: 28 }),
  rangeProduct('serum', {
    id: 'GC133',
    name: 'Age Renew Retinal Night Serum 0.1% 30 ml',
    family: 'Age Renew',
    price: 48,
  }),
  rangeProduct('moisturiser', {
    id: 'GC134',
    name: 'Age Renew Firming Day Cream 50 ml',
    family: 'Age Renew',
    price: 42,
  }),
  rangeProduct('spf', { id: 'GC135', name: 'Age Renew Day Shield SPF 30', family: 'Age Renew', price: 32 }),
  rangeProduct('eye', { id: 'GC136', name: 'Age Renew Lifting Eye Cream 15 ml', family: 'Age Renew', price: 45 }),
  rangeProduct('mask', {
    id: 'GC137',
    name: 'Age Renew Overnight Repair Mask 50 ml',
    family: 'Age Renew',
    price: 38,
    outOfStock: true,
  }),
  rangeProduct('serum', {
    id: 'GC138',
    name: 'Age Renew Bakuchiol Face Oil 30 ml',
    family: 'Age Renew',
    price: 36,
    launched: '2026-03-02',
  }),

  extraProduct({ id: 'GC201', name: 'Gentle AHA Exfoliating Pads (60)', category: 'Exfoliant', price: 24 }, 60),
  extraProduct(
    { id: 'GC202', name: 'Micro-Polish Face Scrub 75 ml', category: 'Exfoliant', price: 17, rating: 3.4 },
    90,
  ),
  extraProduct({ id: 'GC211', name: 'Lip Repair Balm 15 ml', category: 'Lip care', price: 9 }, 90),
  extraProduct(
    { id: 'GC212', name: 'Tinted Lip Oil Rose 6 ml', category: 'Lip care', price: 14, outOfStock: true },
    90,
  ),
  extraProduct({ id: 'GC213', name: 'Overnight Lip Mask 12 g', category: 'Lip care', price: 15 }, 120),
  extraProduct({ id: 'GC221', name: 'Silk Body Lotion 250 ml', category: 'Body', price: 19 }, 60),
  extraProduct({ id: 'GC222', name: 'Neroli Body Wash 300 ml', category: 'Body', price: 14 }, 45),
  extraProduct({ id: 'GC223', name: 'Hand Cream Trio (3 x 30 ml)', category: 'Body', price: 18 }, 90),
  extraProduct({ id: 'GC224', name: 'Firming Body Oil 100 ml', category: 'Body', price: 29, outOfStock: true }, 90),
  extraProduct({ id: 'GC231', name: 'Rose Water Face Mist 100 ml', category: 'Mist', price: 15 }, 90),
  extraProduct({ id: 'GC232', name: 'Squalane Face Oil 30 ml', category: 'Face oil', price: 27 }, 90),
  extraProduct(
    { id: 'GC233', name: 'Dew Drops Hydrating Primer 30 ml', category: 'Primer', price: 28, launched: '2026-10-08' },
    90,
  ),
  extraProduct(
    {
      id: 'GC234',
      name: 'Clear Balance Azelaic Spot Gel 15 ml',
      category: 'Treatment',
      family: 'Clear Balance',
      price: 18,
      launched: '2026-09-24',
    },
    90,
  ),
  extraProduct({ id: 'GC241', name: 'Rose Quartz Facial Roller', category: 'Tools', price: 22 }, null),
  extraProduct({ id: 'GC242', name: 'Microfibre Cleansing Cloths (3)', category: 'Tools', price: 12 }, null),
  extraProduct({ id: 'GC243', name: 'Reusable Bamboo Cotton Rounds (10)', category: 'Tools', price: 9 }, null),

  defineProduct(
    { id: 'GC301', name: 'Routine Starter Set: Cleanser, Toner & Cream Minis', category: 'Gift set', price: 39 },
    GIFT_SET,
  ),
  defineProduct({ id: 'GC302', name: 'Glow Ritual Gift Box', category: 'Gift set', price: 65 }, GIFT_SET),
  defineProduct(
    { id: 'GC303', name: 'Calm Skin Travel Trio', category: 'Gift set', family: 'Calm Skin', price: 35 },
    GIFT_SET,
  ),
  defineProduct(
    { id: 'GC304', name: 'Age Renew Discovery Kit', category: 'Gift set', family: 'Age Renew', price: 55 },
    GIFT_SET,
  ),
  defineProduct(
    {
      id: 'GC305',
      name: '24 Days of Skincare Advent Calendar',
      category: 'Gift set',
      price: 89,
      launched: '2025-10-01',
      outOfStock: true,
    },
    GIFT_SET,
  ),

  defineProduct(
    { id: 'GC900', name: 'Gift wrapping', category: 'Service', price: 4.5, isProduct: false },
    { role: 'wrap', supplyDays: null },
  ),
];
