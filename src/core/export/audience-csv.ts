import { csvLine } from './csv-cell';
import type { AudienceRow } from '../plan/pilot-audience';

/** The columns of the audience file an email or SMS tool loads. */
export const AUDIENCE_COLUMNS = [
  'customer_id',
  'email',
  'first_name',
  'group',
  'variant',
  'channel',
  'scheduled_send_time',
  'anchor_products',
  'recommended_products',
] as const;

/** The rows as CSV: UTF-8 (the caller encodes), a header row, CRLF line ends, formula-safe cells. */
export function audienceCsv(rows: readonly AudienceRow[]): string {
  const lines = [csvLine(AUDIENCE_COLUMNS)];
  for (const r of rows)
    lines.push(
      csvLine([
        r.customerId,
        r.email,
        r.firstName,
        r.group,
        r.variant,
        r.channel,
        r.sendTime,
        r.anchorProducts.join('; '),
        r.products.join('; '),
      ]),
    );
  return lines.join('');
}
