import type { PlanDocument } from '../plan/plan-document';
import { csvLine } from './csv-cell';

/**
 * The plan's recommendations with the measures behind them, one row each, for a client or an
 * analyst to check in a spreadsheet. Shares are fractions from 0 to 1, as the analyses give them.
 */

export const EVIDENCE_COLUMNS = [
  'anchor_id',
  'anchor',
  'recommended_id',
  'recommended',
  'source',
  'decision',
  'pinned',
  'count',
  'support',
  'confidence',
  'lift',
  'share',
  'median_days',
  'note',
  'flags',
] as const;

export function evidenceCsv(plan: PlanDocument): string {
  const lines = [csvLine(EVIDENCE_COLUMNS)];
  for (const r of plan.recommendations.items) {
    const e = r.evidence;
    lines.push(
      csvLine([
        r.anchor?.id,
        r.anchor?.label,
        r.recommended.id,
        r.recommended.label,
        r.source,
        r.decision,
        r.pinned ? 'yes' : 'no',
        e?.count,
        e?.support,
        e?.confidence,
        e?.lift,
        e?.share,
        e?.medianDays,
        e?.note,
        r.flags.join('; '),
      ]),
    );
  }
  return lines.join('');
}
