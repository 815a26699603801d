import type { TestVariable } from '../../../../core/plan/variants';
import type { ChannelId } from '../../../../core/plan/plan-document';

/** The names of channels and test variables, and what each channel suits, as the plan steps show them. */

export const CHANNELS: Record<ChannelId, { title: string; suits: string }> = {
  email: {
    title: 'Email',
    suits:
      'Room to explain: why the product goes with what they bought, and how to use it. Only to customers who opted in to email.',
  },
  sms: {
    title: 'Text message (SMS)',
    suits:
      'Short and time-bound: an offer that ends soon or a quick reminder. Only to customers who opted in to texts.',
  },
  web: {
    title: 'Website slot',
    suits:
      'Shown while they browse, so they discover the product themselves. Nothing is sent, so it needs no opt-in and does not count against the cap.',
  },
  outreach: {
    title: 'Direct outreach',
    suits: 'A call or a visit from a person: keep it for valuable customers and purchases that need advice.',
  },
};

export const TEST_VARIABLE_LABELS: Record<TestVariable, { title: string; hint: string }> = {
  subject: { title: 'Email subject line', hint: 'Variant B’s subject line.' },
  offer: { title: 'Offer', hint: 'Variant B’s discount as a percentage, such as 15 (0 for no offer).' },
  timing: { title: 'Timing', hint: 'Hours after the trigger of variant B’s first send, such as 24.' },
  'call-to-action': { title: 'Call to action', hint: 'Variant B’s call to action, such as “See the set”.' },
  channel: { title: 'Channel', hint: 'The channel variant B uses for every send: email, sms, web or outreach.' },
  products: { title: 'Products shown', hint: 'The product ids variant B shows, separated by commas.' },
};
