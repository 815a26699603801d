import { z } from 'zod';
import { CHANNEL_IDS } from '../plan/plan-document';
import { readStoredJson } from '../store/stored-json';
import { queryAll, type Database } from '../store/sqlite';

/**
 * The columns pilot sends and kept audiences share, as they are written: read back, a row of
 * another shape (a file from elsewhere may hold anything) is left out rather than trusted.
 */

const productsSchema = z.array(z.string());

export const storedPilotRowSchema = z.object({
  customer_id: z.string(),
  grp: z.enum(['treatment', 'control']),
  variant: z.string().nullable(),
  channel: z.enum(CHANNEL_IDS),
  products: z.string().transform((text, context) => {
    const products = readStoredJson(text, productsSchema);
    if (products === null) context.addIssue({ code: 'custom', message: 'products is not a list of names' });
    return products ?? [];
  }),
});

/** How many stored pilot sends and kept audience rows are not in the shape they were written in. */
export function unreadablePilotRows(db: Database): number {
  return ['pilot_sends', 'pilot_audiences']
    .flatMap((table) => queryAll(db, `SELECT customer_id, grp, variant, channel, products FROM ${table}`))
    .filter((row) => !storedPilotRowSchema.safeParse(row).success).length;
}
