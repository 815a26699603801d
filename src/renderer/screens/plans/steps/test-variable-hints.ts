import type { TestVariable } from '../../../../core/plan/variants';

/** What to write for variant B, by the variable under test. */
export const TEST_VARIABLE_HINTS: Record<TestVariable, string> = {
  subject: 'Variant B’s subject line.',
  offer: 'Variant B’s discount as a percentage, such as 15 (0 for no offer).',
  timing: 'Hours after the trigger of variant B’s first send, such as 24.',
  'call-to-action': 'Variant B’s call to action, such as “See the set”.',
  channel: 'The channel variant B uses for every send: email, sms, web or outreach.',
  products: 'The product ids variant B shows, separated by commas.',
};
