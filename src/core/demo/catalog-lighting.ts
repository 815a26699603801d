import { defineProduct, type ProductSpec } from './define-product';
import type { DemoProduct } from './types';

/**
 * Families are ecosystems: everything in "Lumora Home" talks to the Lumora Bridge, "Lumora
 * Outdoor" and "Lumora Play" extend it, and "Glowline" is the bridge-free Wi-Fi range. Bulbs
 * climb a ladder (tier) from plain white to full colour; the bridge has a Pro tier for big homes.
 */

export type LightingRole =
  'starter' | 'hub' | 'bulb' | 'strip' | 'switch' | 'sensor' | 'plug' | 'lamp' | 'accessory' | 'wrap';

export interface LightingExtra {
  role: LightingRole;
  /** Devices the product adds to a bridge (a starter kit's bulbs, say). */
  devices: number;
}

export type LightingProduct = DemoProduct & LightingExtra;

function lighting(role: LightingRole, devices: number, spec: ProductSpec): LightingProduct {
  return defineProduct(spec, { role, devices });
}

const HOME = 'Lumora Home';
const OUTDOOR = 'Lumora Outdoor';
const PLAY = 'Lumora Play';
const GLOWLINE = 'Glowline';
export const LIGHTING_PRODUCTS: readonly LightingProduct[] = [
  lighting('starter', 3, {
    id: 'LM101',
    name: 'Lumora Home Colour Starter Kit (Bridge + 3 E27 bulbs)',
    category: 'Starter kits',
    family: HOME,
    price: 159,
  }),
  lighting('starter', 2, {
    id: 'LM102',
    name: 'Lumora Home White Starter Kit (Bridge + 2 E27 bulbs)',
    category: 'Starter kits',
    family: HOME,
    price: 89,
  }),
  lighting('hub', 0, { id: 'LM103', name: 'Lumora Bridge', category: 'Bridges', family: HOME, tier: 1, price: 59 }),
  lighting('hub', 0, {
    id: 'LM104',
    name: 'Lumora Bridge Pro',
    category: 'Bridges',
    family: HOME,
    tier: 2,
    price: 99,
    launched: '2026-02-12',
  }),
  lighting('bulb', 1, {
    id: 'LM111',
    name: 'Lumora White Bulb E27',
    category: 'Bulbs',
    family: HOME,
    tier: 1,
    price: 15,
  }),
  lighting('bulb', 1, {
    id: 'LM112',
    name: 'Lumora Warm-to-Cool White Bulb E27',
    category: 'Bulbs',
    family: HOME,
    tier: 2,
    price: 25,
  }),
  lighting('bulb', 1, {
    id: 'LM113',
    name: 'Lumora Colour Bulb E27',
    category: 'Bulbs',
    family: HOME,
    tier: 3,
    price: 45,
  }),
  lighting('bulb', 1, {
    id: 'LM114',
    name: 'Lumora Colour Candle Bulb E14',
    category: 'Bulbs',
    family: HOME,
    tier: 3,
    price: 42,
  }),
  lighting('bulb', 1, {
    id: 'LM115',
    name: 'Lumora Colour Spot GU10',
    category: 'Bulbs',
    family: HOME,
    tier: 3,
    price: 44,
  }),
  lighting('bulb', 1, {
    id: 'LM116',
    name: 'Lumora Filament Globe E27',
    category: 'Bulbs',
    family: HOME,
    tier: 2,
    price: 35,
    outOfStock: true,
  }),
  lighting('strip', 1, {
    id: 'LM121',
    name: 'Lumora Light Strip 2 m',
    category: 'Light strips',
    family: HOME,
    price: 79,
  }),
  lighting('strip', 0, {
    id: 'LM122',
    name: 'Lumora Light Strip Extension 1 m',
    category: 'Light strips',
    family: HOME,
    price: 24,
  }),
  lighting('switch', 1, { id: 'LM131', name: 'Lumora Dimmer Switch', category: 'Switches', family: HOME, price: 25 }),
  lighting('sensor', 1, { id: 'LM132', name: 'Lumora Motion Sensor', category: 'Sensors', family: HOME, price: 39 }),
  lighting('plug', 1, { id: 'LM133', name: 'Lumora Smart Plug', category: 'Plugs', family: HOME, price: 29 }),
  lighting('switch', 1, {
    id: 'LM134',
    name: 'Lumora Tap Dial Switch',
    category: 'Switches',
    family: HOME,
    price: 49,
    launched: '2026-09-28',
  }),
  lighting('lamp', 1, { id: 'LM141', name: 'Lumora Orb Table Lamp', category: 'Lamps', family: HOME, price: 99 }),

  lighting('starter', 4, {
    id: 'LM201',
    name: 'Lumora Outdoor Path Light Starter (3 lights + power unit)',
    category: 'Starter kits',
    family: OUTDOOR,
    price: 199,
  }),
  lighting('bulb', 1, {
    id: 'LM202',
    name: 'Lumora Outdoor Path Light Extension',
    category: 'Outdoor lights',
    family: OUTDOOR,
    price: 59,
  }),
  lighting('lamp', 1, {
    id: 'LM203',
    name: 'Lumora Outdoor Wall Lantern',
    category: 'Outdoor lights',
    family: OUTDOOR,
    price: 109,
  }),
  lighting('strip', 1, {
    id: 'LM204',
    name: 'Lumora Outdoor Light Strip 5 m',
    category: 'Light strips',
    family: OUTDOOR,
    price: 139,
  }),
  lighting('sensor', 1, {
    id: 'LM205',
    name: 'Lumora Outdoor Motion Sensor',
    category: 'Sensors',
    family: OUTDOOR,
    price: 55,
  }),
  lighting('plug', 1, {
    id: 'LM206',
    name: 'Lumora Outdoor Smart Plug',
    category: 'Plugs',
    family: OUTDOOR,
    price: 45,
    rating: 3.4,
  }),

  lighting('starter', 3, {
    id: 'LM301',
    name: 'Lumora Play Starter Bundle (Sync Box + 2 light bars)',
    category: 'Starter kits',
    family: PLAY,
    price: 319,
  }),
  lighting('hub', 1, {
    id: 'LM302',
    name: 'Lumora Play Sync Box',
    category: 'Entertainment',
    family: PLAY,
    price: 229,
  }),
  lighting('lamp', 2, {
    id: 'LM303',
    name: 'Lumora Play Light Bar (2 pack)',
    category: 'Entertainment',
    family: PLAY,
    price: 129,
  }),
  lighting('strip', 1, {
    id: 'LM304',
    name: 'Lumora Play TV Gradient Strip 55-65 in',
    category: 'Entertainment',
    family: PLAY,
    price: 199,
  }),
  lighting('lamp', 1, {
    id: 'LM305',
    name: 'Lumora Play Gradient Light Tube',
    category: 'Entertainment',
    family: PLAY,
    price: 179,
    launched: '2026-10-06',
  }),

  lighting('starter', 0, {
    id: 'LM401',
    name: 'Glowline Wi-Fi Starter Pack (3 colour bulbs)',
    category: 'Starter kits',
    family: GLOWLINE,
    price: 39,
  }),
  lighting('bulb', 0, {
    id: 'LM402',
    name: 'Glowline Wi-Fi Colour Bulb E27',
    category: 'Bulbs',
    family: GLOWLINE,
    price: 14,
  }),
  lighting('bulb', 0, {
    id: 'LM403',
    name: 'Glowline Wi-Fi Colour Spot GU10',
    category: 'Bulbs',
    family: GLOWLINE,
    price: 13,
    outOfStock: true,
  }),
  lighting('strip', 0, {
    id: 'LM404',
    name: 'Glowline Wi-Fi Light Strip 5 m',
    category: 'Light strips',
    family: GLOWLINE,
    price: 35,
  }),
  lighting('plug', 0, {
    id: 'LM405',
    name: 'Glowline Wi-Fi Smart Plug',
    category: 'Plugs',
    family: GLOWLINE,
    price: 12,
  }),
  lighting('switch', 0, {
    id: 'LM406',
    name: 'Glowline Remote',
    category: 'Switches',
    family: GLOWLINE,
    price: 15,
    rating: 3.2,
  }),

  lighting('accessory', 0, { id: 'LM501', name: 'Switch Wall Mount Kit', category: 'Accessories', price: 9 }),
  lighting('accessory', 0, { id: 'LM502', name: 'USB-C Power Adapter 20 W', category: 'Accessories', price: 15 }),
  lighting('accessory', 0, { id: 'LM503', name: 'Linen Lamp Shade', category: 'Accessories', price: 29 }),

  lighting('wrap', 0, { id: 'LM900', name: 'Gift wrapping', category: 'Service', price: 4.5, isProduct: false }),
];
