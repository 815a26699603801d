import { DAY, DEMO_END, DEMO_START, HOUR, MINUTE } from './calendar';
import type { ShopModel } from './types';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface Campaign {
  name: string;
  at: number;
  productId: string;
}

/**
 * The e-mails a shop sent during the history: a newsletter on the first Tuesday of every month,
 * a Black Friday preview and a Christmas gift guide, each featuring one product.
 */
export function campaignsOf(model: ShopModel): Campaign[] {
  const featured = model.newsletterProducts;
  const campaigns: Campaign[] = [];
  for (let month = 0; ; month++) {
    const first = new Date(DEMO_START);
    first.setUTCMonth(first.getUTCMonth() + month);
    if (first.getTime() >= DEMO_END) break;
    const tuesday = first.getTime() + ((2 - first.getUTCDay() + 7) % 7) * DAY;
    const label = `${MONTH_NAMES[first.getUTCMonth()]} ${first.getUTCFullYear()}`;
    campaigns.push({
      name: `${label} newsletter`,
      at: tuesday + 9 * HOUR + 30 * MINUTE,
      productId: featured[month % featured.length],
    });
  }
  campaigns.push({ name: 'Black Friday preview', at: Date.UTC(2025, 10, 27, 8), productId: featured[1] });
  campaigns.push({
    name: 'Christmas gift guide',
    at: Date.UTC(2025, 11, 4, 10),
    productId: featured[featured.length - 1],
  });
  return campaigns.sort((a, b) => a.at - b.at);
}
