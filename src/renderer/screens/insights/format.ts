/** How the Insights pages show numbers. */

export const percent = (fraction: number | null) =>
  fraction === null ? '–' : `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)} %`;
export const decimal = (value: number | null, digits = 2) => (value === null ? '–' : value.toFixed(digits));
export const whole = (value: number | null) => (value === null ? '–' : Math.round(value).toLocaleString('en-US'));
export const days = (value: number | null) =>
  value === null ? '–' : `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} d`;
export const money = (value: number | null) =>
  value === null ? '–' : value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const whenComputed = (iso: string) =>
  new Date(iso).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
