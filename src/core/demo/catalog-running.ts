import { defineProduct, type ProductSpec } from './define-product';
import type { DemoProduct } from './types';

/**
 * Families are progression ladders where `tier` is the rung: 1 for beginners, 2 for regular
 * runners, 3 for racers. Shoes carry the distance they are built to last.
 */

export type RunningRole = 'shoe' | 'watch' | 'hydration' | 'apparel' | 'nutrition' | 'gear' | 'wrap';

export interface RunningExtra {
  role: RunningRole;
  /** Kilometres a shoe is made to last; null for everything but shoes. */
  mileageLimit: number | null;
}

export type RunningProduct = DemoProduct & RunningExtra;

function shoe(spec: ProductSpec, mileageLimit: number): RunningProduct {
  return defineProduct(spec, { role: 'shoe', mileageLimit });
}

function item(role: RunningRole, spec: ProductSpec): RunningProduct {
  return defineProduct(spec, { role, mileageLimit: null });
}

export const RUNNING_PRODUCTS: readonly RunningProduct[] = [
  shoe(
    { id: 'NP101', name: 'Northpace Daystride 5', category: 'Shoes', family: 'Road shoes', tier: 1, price: 95 },
    650,
  ),
  shoe(
    { id: 'NP102', name: 'Northpace Cushion Glide 3', category: 'Shoes', family: 'Road shoes', tier: 1, price: 105 },
    650,
  ),
  shoe(
    {
      id: 'NP103',
      name: 'Northpace Easy Miles',
      category: 'Shoes',
      family: 'Road shoes',
      tier: 1,
      price: 79,
      rating: 3.5,
    },
    600,
  ),
  shoe(
    { id: 'NP111', name: 'Northpace Tempo Flow 2', category: 'Shoes', family: 'Road shoes', tier: 2, price: 140 },
    600,
  ),
  shoe(
    { id: 'NP112', name: 'Northpace Stability Pro 4', category: 'Shoes', family: 'Road shoes', tier: 2, price: 145 },
    600,
  ),
  shoe(
    {
      id: 'NP113',
      name: 'Northpace Long Haul Max',
      category: 'Shoes',
      family: 'Road shoes',
      tier: 2,
      price: 155,
      outOfStock: true,
    },
    650,
  ),
  shoe(
    { id: 'NP121', name: 'Northpace Velocity Carbon 2', category: 'Shoes', family: 'Road shoes', tier: 3, price: 240 },
    450,
  ),
  shoe(
    {
      id: 'NP122',
      name: 'Northpace Race Elite 3',
      category: 'Shoes',
      family: 'Road shoes',
      tier: 3,
      price: 260,
      launched: '2026-09-21',
    },
    400,
  ),
  shoe({ id: 'NP131', name: 'Ridgeline Trail 2', category: 'Shoes', family: 'Trail shoes', tier: 1, price: 110 }, 600),
  shoe(
    { id: 'NP141', name: 'Ridgeline Grip Waterproof', category: 'Shoes', family: 'Trail shoes', tier: 2, price: 150 },
    550,
  ),
  shoe({ id: 'NP151', name: 'Skyline Ultra', category: 'Shoes', family: 'Trail shoes', tier: 3, price: 195 }, 500),

  item('watch', {
    id: 'NP201',
    name: 'Cadence 40 GPS Watch',
    category: 'Watches',
    family: 'GPS watches',
    tier: 1,
    price: 149,
  }),
  item('watch', {
    id: 'NP211',
    name: 'Cadence 260 Music GPS Watch',
    category: 'Watches',
    family: 'GPS watches',
    tier: 2,
    price: 299,
  }),
  item('watch', {
    id: 'NP212',
    name: 'Cadence 270 Music GPS Watch',
    category: 'Watches',
    family: 'GPS watches',
    tier: 2,
    price: 319,
    launched: '2026-03-10',
  }),
  item('watch', {
    id: 'NP221',
    name: 'Cadence Pro Solar Multisport Watch',
    category: 'Watches',
    family: 'GPS watches',
    tier: 3,
    price: 549,
  }),
  item('gear', {
    id: 'NP231',
    name: 'Cadence Heart-Rate Chest Strap',
    category: 'Watches',
    family: 'GPS watches',
    price: 69,
  }),

  item('hydration', {
    id: 'NP301',
    name: 'Quick-Grip Handheld Bottle 500 ml',
    category: 'Hydration',
    family: 'Hydration',
    tier: 1,
    price: 25,
  }),
  item('hydration', {
    id: 'NP302',
    name: 'Flexi Waist Belt',
    category: 'Hydration',
    family: 'Hydration',
    tier: 1,
    price: 32,
  }),
  item('hydration', {
    id: 'NP311',
    name: 'Trail Vest 5 L',
    category: 'Hydration',
    family: 'Hydration',
    tier: 2,
    price: 89,
  }),
  item('hydration', {
    id: 'NP321',
    name: 'Race Vest 12 L',
    category: 'Hydration',
    family: 'Hydration',
    tier: 3,
    price: 139,
    outOfStock: true,
  }),

  item('apparel', { id: 'NP401', name: 'Blister-Guard Running Socks (3 pairs)', category: 'Apparel', price: 18 }),
  item('apparel', { id: 'NP402', name: 'Airlite Running Tee', category: 'Apparel', price: 35 }),
  item('apparel', { id: 'NP403', name: 'Split Running Shorts', category: 'Apparel', price: 40 }),
  item('apparel', { id: 'NP404', name: 'Thermal Running Tights', category: 'Apparel', price: 60 }),
  item('apparel', { id: 'NP405', name: 'Stormshell Rain Jacket', category: 'Apparel', price: 110 }),
  item('apparel', { id: 'NP406', name: 'Reflective Night Vest', category: 'Apparel', price: 28 }),
  item('apparel', { id: 'NP407', name: 'Merino Long-Sleeve Top', category: 'Apparel', price: 70 }),
  item('apparel', { id: 'NP408', name: 'Lightweight Running Cap', category: 'Apparel', price: 24 }),
  item('apparel', { id: 'NP409', name: 'Touchscreen Running Gloves', category: 'Apparel', price: 22 }),
  item('apparel', { id: 'NP410', name: 'High-Support Sports Bra', category: 'Apparel', price: 45 }),

  item('nutrition', { id: 'NP501', name: 'Energy Gels Citrus (12)', category: 'Nutrition', price: 28 }),
  item('nutrition', { id: 'NP502', name: 'Electrolyte Tablets (20)', category: 'Nutrition', price: 9 }),
  item('nutrition', { id: 'NP503', name: 'Oat Recovery Bars (12)', category: 'Nutrition', price: 26 }),
  item('nutrition', {
    id: 'NP504',
    name: 'Caffeine Energy Gels (6)',
    category: 'Nutrition',
    price: 16,
    launched: '2026-10-05',
  }),

  item('gear', { id: 'NP601', name: 'Ridged Foam Roller', category: 'Recovery', price: 30 }),
  item('gear', { id: 'NP602', name: 'Mini Massage Gun', category: 'Recovery', price: 119, outOfStock: true }),
  item('gear', { id: 'NP603', name: 'Rechargeable Headlamp 400 lm', category: 'Accessories', price: 45 }),
  item('gear', { id: 'NP604', name: 'Phone Armband', category: 'Accessories', price: 19, rating: 3.3 }),
  item('gear', { id: 'NP605', name: 'Race Number Belt', category: 'Accessories', price: 12 }),

  item('wrap', { id: 'NP900', name: 'Gift wrapping', category: 'Service', price: 4.5, isProduct: false }),
];
