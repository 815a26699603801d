import type { z } from 'zod';

/**
 * A JSON value read back from the workspace, checked with the schema it was written by: a file
 * from elsewhere may hold anything in any column. Null when it is not JSON or not of that shape.
 */
export function readStoredJson<T>(stored: unknown, schema: z.ZodType<T>): T | null {
  if (typeof stored !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(stored);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The rows that read as the app wrote them, each parsed by `schema`; the others are left out. */
export function readableRows<S extends z.ZodType>(rows: unknown[], schema: S): z.output<S>[] {
  return rows.flatMap((row) => {
    const parsed = schema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}
