import { percentText, shownPercent } from '../../../core/playbook/measure-explanations';

/** How the Insights pages show numbers. */

export const percent = (fraction: number | null) => (fraction === null ? '–' : percentText(fraction));
export const decimal = (value: number | null, digits = 2) => (value === null ? '–' : value.toFixed(digits));
export const whole = (value: number | null) => (value === null ? '–' : Math.round(value).toLocaleString('en-US'));
export const days = (value: number | null) =>
  value === null ? '–' : `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} d`;
export const money = (value: number | null) =>
  value === null ? '–' : value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Values rounded as `days` and `money` show them, so a number filled from a shown figure is that figure. */
export const shownDays = (value: number) => Math.round(value * 10) / 10;
export const shownMoney = (value: number) => Math.round(value * 100) / 100;
export { shownPercent };

export const whenComputed = (iso: string) =>
  new Date(iso).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
