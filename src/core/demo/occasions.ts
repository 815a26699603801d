import type { CalendarDay } from './calendar';

/** Calendar occasions that move shopping: sales weekends and gift-giving dates. */

const blackFridays = new Map<number, number>();

/** The day of November after the fourth Thursday. */
function blackFridayDate(year: number): number {
  let date = blackFridays.get(year);
  if (date === undefined) {
    const firstWeekday = new Date(Date.UTC(year, 10, 1)).getUTCDay();
    date = 1 + ((4 - firstWeekday + 7) % 7) + 21 + 1;
    blackFridays.set(year, date);
  }
  return date;
}

/** Black Friday to Cyber Monday. */
export function isBlackFridayWeekend(day: CalendarDay): boolean {
  const friday = blackFridayDate(day.year);
  if (day.month === 11) return day.day >= friday;
  return day.month === 12 && friday + 3 > 30 && day.day <= friday + 3 - 30;
}

/** The weeks of Christmas shopping, ending with the last days a parcel still arrives in time. */
export function isChristmasShopping(day: CalendarDay): boolean {
  return day.month === 12 && day.day <= 21;
}

export function isChristmasLull(day: CalendarDay): boolean {
  return day.month === 12 && day.day >= 24 && day.day <= 26;
}

export function isJanuarySale(day: CalendarDay): boolean {
  return (day.month === 12 && day.day >= 27) || (day.month === 1 && day.day <= 14);
}

export function isBeforeValentines(day: CalendarDay): boolean {
  return day.month === 2 && day.day <= 13;
}

/** The ten days before Mother's Day (mid-March in the UK and Ireland, mid-May elsewhere). */
export function isBeforeMothersDay(day: CalendarDay): boolean {
  return (day.month === 3 && day.day >= 4 && day.day <= 14) || (day.month === 5 && day.day <= 10);
}

export function isBeforeFathersDay(day: CalendarDay): boolean {
  return day.month === 6 && day.day >= 6 && day.day <= 20;
}

/** Sunday-evening browsing and Monday catch-up sell a little more than Saturdays. */
const WEEKDAY_WEIGHT = [1.1, 1.08, 1, 1, 0.98, 0.95, 0.88];

export function weekdayWeight(day: CalendarDay): number {
  return WEEKDAY_WEIGHT[day.weekday];
}

/** The share of orders with a discount code, and how large it is, on a day. */
export function discountOffer(day: CalendarDay): { share: number; rates: readonly number[] } {
  if (isBlackFridayWeekend(day)) return { share: 0.75, rates: [0.2, 0.25, 0.3] };
  if (isJanuarySale(day)) return { share: 0.45, rates: [0.15, 0.2] };
  return { share: 0.1, rates: [0.1, 0.15] };
}

/**
 * A shop's order rate for a day: its month's weight, the weekday pattern, a Black Friday weekend
 * boost of its own, and the lull between Christmas and New Year every shop shares.
 */
export function retailSeasonWeight(monthWeights: readonly number[], blackFridayBoost: number) {
  return (day: CalendarDay): number => {
    let weight = monthWeights[day.month - 1] * weekdayWeight(day);
    if (isBlackFridayWeekend(day)) weight *= blackFridayBoost;
    if (isChristmasLull(day)) weight *= 0.5;
    return weight;
  };
}
