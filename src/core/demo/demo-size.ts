/** How big a demo is unless told otherwise: about 5,000 customers and 50,000 order lines. */
export const DEFAULT_SEED = 1;
export const DEFAULT_CUSTOMERS = 5_000;
export const LINES_PER_CUSTOMER = 10;

/** Rejects sizes and seeds that are not whole numbers in range, naming the option at fault. */
export function checkWholeNumber(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `${name} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}, not ${value}.`,
    );
  }
  return value;
}
