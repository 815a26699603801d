/** Identifiers as the demo shops print them. Order numbers start high enough to look established. */
export const customerId = (index: number): string => `C${10000 + index}`;
export const orderId = (sequence: number): string => String(100_001 + sequence);
