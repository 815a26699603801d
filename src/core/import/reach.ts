import { queryAll, type Database } from '../store/sqlite';
import { CHANNEL_WORDS } from '../vocabulary';
import { count } from './messages';

/** Customers who may be sent messages: those whose consent to the channel is recorded as yes. */
export interface CustomerReach {
  customers: number;
  email: number;
  sms: number;
}

export function customerReach(db: Database): CustomerReach {
  const [row] = queryAll<{ customers: number; email: number | null; sms: number | null }>(
    db,
    'SELECT COUNT(*) AS customers, SUM(email_opt_in = 1) AS email, SUM(sms_opt_in = 1) AS sms FROM customers',
  );
  return { customers: row.customers, email: row.email ?? 0, sms: row.sms ?? 0 };
}

/** Who can be sent messages after an import, by channel; null while the workspace has no customers. */
export function describeReach({ customers, email, sms }: CustomerReach): string | null {
  if (customers === 0) return null;
  const agreed = `Of the workspace's ${count(customers)} ${customers === 1 ? 'customer' : 'customers'}, ${count(email)} agreed to ${CHANNEL_WORDS.email.plural} and ${count(sms)} to ${CHANNEL_WORDS.sms.plural}`;
  if (email + sms > 0) return `${agreed}.`;
  return `${agreed}, so nobody can be sent a message yet: import customers with their consent (an opt-in, subscribed or accepts-marketing column).`;
}
