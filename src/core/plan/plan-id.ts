import { z } from 'zod';

/**
 * A plan's id, as the workspace gives them (`plan-1`, `plan-2`, …). Ids travel into file names,
 * calendar event ids and command output, so one read back from a file must match this safe
 * pattern; a plan stored under any other id is left out.
 */
export const planIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);

export const isSafePlanId = (id: unknown): id is string => planIdSchema.safeParse(id).success;
