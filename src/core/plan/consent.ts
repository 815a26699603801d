import { queryAll, type Database } from '../store/sqlite';
import type { ConsentBasis, ConsentRecord, PlanDocument } from './plan-document';

/**
 * Who agreed to email and text messages, among a plan's customers: the imported opt-in columns,
 * and for customers those say nothing about, the consent basis the marketer recorded on the plan.
 * A recorded "no" in the data stays a no whatever the basis says.
 */

export type ConsentChannel = keyof ConsentBasis;
export const CONSENT_CHANNELS: readonly ConsentChannel[] = ['email', 'sms'];

/** A recorded basis counts once it says where and when the customers agreed. */
export const basisIsComplete = (record: ConsentRecord | null): record is ConsentRecord & { date: string } =>
  record !== null && record.source.trim() !== '' && record.date !== null;

export interface Consent {
  email: boolean;
  sms: boolean;
}

/** Consent per customer id; `byBasis` lists, per channel, the customers counted only through the recorded basis. */
export interface AudienceConsent {
  consent: Map<string, Consent>;
  byBasis: Record<ConsentChannel, Set<string>>;
}

export function audienceConsent(db: Database, plan: PlanDocument, ids: readonly string[]): AudienceConsent {
  const basis = plan.channels.consentBasis;
  const byBasis: AudienceConsent['byBasis'] = { email: new Set(), sms: new Set() };
  const rows = queryAll<{ customer_id: string; email_opt_in: number | null; sms_opt_in: number | null }>(
    db,
    'SELECT customer_id, email_opt_in, sms_opt_in FROM customers WHERE customer_id IN (SELECT value FROM json_each(?))',
    [JSON.stringify(ids)],
  );
  const agreed = (id: string, channel: ConsentChannel, optIn: number | null) => {
    if (optIn !== null) return optIn === 1;
    if (!basisIsComplete(basis[channel])) return false;
    byBasis[channel].add(id);
    return true;
  };
  const consent = new Map(
    rows.map((r) => [
      r.customer_id,
      { email: agreed(r.customer_id, 'email', r.email_opt_in), sms: agreed(r.customer_id, 'sms', r.sms_opt_in) },
    ]),
  );
  return { consent, byBasis };
}
