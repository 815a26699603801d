import { CHANNEL_IDS, TEST_VARIABLES, type ChannelId, type PlanDocument } from './plan-document';

/**
 * A/B variants. Variant A is the plan as written; variant B changes the one variable under test to
 * what `messages.test.variantB` says: a subject line, a call to action, an offer percentage, the
 * hours after the trigger of the first send (later sends keep their spacing), a channel for every
 * send, or the product ids to show (comma-separated, from the approved ones and the rest).
 */

export type TestVariable = (typeof TEST_VARIABLES)[number];

export interface VariantResult {
  plan: PlanDocument | null;
  /** Why B cannot be made, in words for the user; null when it can. */
  problem: string | null;
}

const number = (text: string) => (/^\s*\d+(\.\d+)?\s*%?\s*$/.test(text) ? Number.parseFloat(text) : null);

export function variantB(plan: PlanDocument): VariantResult {
  const { variable, variantB: change } = plan.messages.test;
  if (variable === null) return { plan: null, problem: 'Choose the one variable the test changes.' };
  if (!change.trim()) return { plan: null, problem: 'Describe what variant B changes.' };
  const b: PlanDocument = structuredClone(plan);
  switch (variable) {
    case 'subject':
      b.messages.email.subject = change;
      break;
    case 'call-to-action':
      b.messages.email.callToAction = change;
      break;
    case 'offer': {
      const percent = number(change);
      if (percent === null || percent > 100)
        return { plan: null, problem: 'For an offer test, give variant B’s discount as a percentage, such as 15.' };
      b.offer = { ...b.offer, kind: percent > 0 ? 'percent' : 'none', percent };
      break;
    }
    case 'timing': {
      const hours = number(change);
      if (hours === null || b.channels.sends.length === 0)
        return {
          plan: null,
          problem: 'For a timing test, give the hours after the trigger of variant B’s first send, such as 24.',
        };
      const shift = hours - b.channels.sends[0].offsetHours;
      b.channels.sends = b.channels.sends.map((s) => ({ ...s, offsetHours: Math.max(0, s.offsetHours + shift) }));
      break;
    }
    case 'channel': {
      const channel = change.trim().toLowerCase();
      if (!(CHANNEL_IDS as readonly string[]).includes(channel))
        return { plan: null, problem: `For a channel test, name variant B’s channel: ${CHANNEL_IDS.join(', ')}.` };
      b.channels.sends = b.channels.sends.map((s) => ({ ...s, channel: channel as ChannelId }));
      break;
    }
    case 'products': {
      const ids = new Set(
        change
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      );
      b.recommendations.items = b.recommendations.items.map((item) => ({
        ...item,
        decision: ids.has(item.recommended.id) ? 'approved' : item.decision === 'approved' ? 'rejected' : item.decision,
      }));
      break;
    }
  }
  return { plan: b, problem: null };
}

/** What each test variable is in a plan, to compare two plans by. */
function valueOf(plan: PlanDocument, variable: TestVariable): string {
  switch (variable) {
    case 'subject':
      return plan.messages.email.subject;
    case 'call-to-action':
      return plan.messages.email.callToAction;
    case 'offer':
      return JSON.stringify(plan.offer.kind === 'none' ? 0 : plan.offer.percent);
    case 'timing':
      return JSON.stringify(plan.channels.sends.map((s) => s.offsetHours));
    case 'channel':
      return JSON.stringify(plan.channels.sends.map((s) => s.channel));
    case 'products':
      return JSON.stringify(
        plan.recommendations.items
          .filter((i) => i.decision === 'approved')
          .map((i) => i.recommended.id)
          .sort(),
      );
  }
}

/** The test variables that differ between A and B; a sound test differs in exactly one. B defaults to the plan's own variant. */
export function variantDifferences(plan: PlanDocument, b: PlanDocument | null = variantB(plan).plan): TestVariable[] {
  if (b === null) return [];
  return TEST_VARIABLES.filter((variable) => valueOf(plan, variable) !== valueOf(b, variable));
}
