/**
 * Customers' consent to email and SMS as order lines give it: for each channel the answer on the
 * customer's latest order that gives one wins (a customer who opted out after an earlier order is
 * not reachable), and orders that leave it blank change nothing.
 */

interface Answer {
  at: string;
  value: number;
}

export interface Consent {
  email: number | null;
  sms: number | null;
}

export class LatestConsent {
  private readonly email = new Map<string, Answer>();
  private readonly sms = new Map<string, Answer>();

  /** `at` is the order's date ('YYYY-MM-DDTHH:MM:SS'); an order without one counts as the oldest. */
  add(customerId: string, at: string | null, email: number | null, sms: number | null): void {
    if (email !== null) keepLatest(this.email, customerId, at ?? '', email);
    if (sms !== null) keepLatest(this.sms, customerId, at ?? '', sms);
  }

  of(customerId: string): Consent {
    return { email: this.email.get(customerId)?.value ?? null, sms: this.sms.get(customerId)?.value ?? null };
  }
}

function keepLatest(answers: Map<string, Answer>, customerId: string, at: string, value: number): void {
  const seen = answers.get(customerId);
  if (!seen) answers.set(customerId, { at, value });
  else if (at >= seen.at) {
    seen.at = at;
    seen.value = value;
  }
}
