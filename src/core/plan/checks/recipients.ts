import { enabledTemplates } from '../messages';
import { approvedRecommendations } from '../recommendations';
import type { RecipientAudit } from '../recipient-audit';
import { fail, listed, pass, plural, warn, type Check, type CheckInput, type Verdict } from './types';

/**
 * Checks over every recipient, not just the preview customer: each message's "your …" names a
 * product that customer bought, and nobody is offered what they own already.
 */

const ANCHOR_TOKEN = /\{anchor_product(\|[^{}]*)?\}/g;

/** Runs `judge` over the audited recipients, or says why there are none to judge. */
const overRecipients =
  (judge: (audit: RecipientAudit, input: CheckInput) => Verdict) =>
  (input: CheckInput): Verdict => {
    const audit = input.context.recipients;
    if (audit === null)
      return warn('The plan has no moment and start date yet, so it has no recipients to check.', 'moment');
    if (approvedRecommendations(input.plan).length === 0)
      return warn('No recommendation is approved yet, so nobody gets a message to check.', 'recommendations');
    if (audit.recipients === 0)
      return warn('Nobody gets a message from this plan yet (see the channel plan), so there is nothing to check.');
    return judge(audit, input);
  };

export const ownPurchase: Check = {
  id: 'messages-own-purchase',
  group: 'messages',
  title: 'Every message names a product the recipient bought',
  why: '“The perfect match for your blue cutlery set”, sent to someone who never bought it, tells them the shop does not know them.',
  step: 'messages',
  run: overRecipients((audit, { plan }) => {
    const all = plural(audit.recipients, 'recipient');
    if (audit.anchorNotBought.length > 0)
      return fail(
        `${plural(audit.anchorNotBought.length, 'recipient')} of the ${audit.recipients.toLocaleString('en')} would read about a product their orders do not show them buying: customers ${listed(audit.anchorNotBought)}.`,
        'recommendations',
      );
    const uses = enabledTemplates(plan).flatMap((t) => [...t.matchAll(ANCHOR_TOKEN)]);
    if (uses.length === 0)
      return warn(
        `The messages never say what the customer bought. Add {anchor_product} (for example “goes with your {anchor_product|last order}”) so each of the ${all} sees why the product is for them.`,
      );
    if (audit.fallback > 0 && uses.some((m) => m[1] === undefined))
      return fail(
        `${plural(audit.fallback, 'recipient')} get the fallback product and have no purchase of theirs to name, yet {anchor_product} has no fallback text: give it one, for example {anchor_product|your last order}.`,
      );
    const fallback =
      audit.fallback > 0
        ? ` The ${plural(audit.fallback, 'recipient')} who get the fallback product read the token’s fallback text instead.`
        : '';
    return pass(
      `For each of the ${plural(audit.recipients - audit.fallback, 'recipient')} matched to a recommendation, the product named as theirs is one their orders show them buying.${fallback}`,
    );
  }),
};

export const alreadyOwned: Check = {
  id: 'relevance-owned',
  group: 'relevance',
  title: 'Items the customer already owns',
  why: 'Suggesting what someone already bought shows the suggestion was not made for them.',
  step: 'recommendations',
  run: overRecipients((audit) => {
    if (audit.sentOwned.length > 0)
      return fail(
        `${plural(audit.sentOwned.length, 'recipient')} of the ${audit.recipients.toLocaleString('en')} would be sent a product they own already, or a variant of it: ${listed(audit.sentOwned.map((s) => `customer ${s.customerId} (${s.product})`))}.`,
      );
    return pass(
      `None of the ${plural(audit.recipients, 'recipient')} is sent a product they own already or a variant of it, checked against their orders with product codes compared regardless of case.`,
    );
  }),
};
