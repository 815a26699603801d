import { smsSegments } from '../sms-segments';
import { renderTokens } from '../tokens';
import { enabledTemplates } from '../messages';
import { fail, listed, pass, plural, quoted, warn, type Check } from './types';

/** What a careful planner adds to the messages: a way out, texts that fit, tokens that resolve, one variable per test. */

/** An SMS with fewer units than this left in its last segment warns: a longer name can push it into another one. */
export const SMS_MARGIN_UNITS = 10;
/** Tokens whose value some customers lack; without a fallback their message shows a gap. */
const PERSONAL_TOKENS = new Set(['first_name', 'last_name']);

export const unsubscribe: Check = {
  id: 'messages-unsubscribe',
  group: 'messages',
  title: 'A way to unsubscribe',
  why: 'Every marketing email needs an unsubscribe link and every text a way to opt out; a customer who cannot leave will mark the message as spam.',
  step: 'messages',
  run({ plan }) {
    const { email, sms } = plan.messages;
    const sent = new Set(plan.channels.sends.map((s) => s.channel));
    const missing = [
      ...(email.enabled && sent.has('email') && !email.unsubscribeFooter
        ? ['The email has no unsubscribe footer.']
        : []),
      ...(sms.enabled && sent.has('sms') && !sms.optOutText.trim() ? ['The text message has no opt-out text.'] : []),
    ];
    if (missing.length > 0) return fail(missing.join(' '));
    if (!plan.channels.stopOn.unsubscribe && (sent.has('email') || sent.has('sms'))) {
      return warn(
        'The messages offer a way out, but the plan does not stop its later sends when a customer unsubscribes.',
        'channels',
      );
    }
    return pass('The messages offer a way out, and an unsubscribe stops the plan’s later sends.');
  },
};

export const smsLength: Check = {
  id: 'messages-sms-length',
  group: 'messages',
  title: 'Text message within its segment limit',
  why: 'A text longer than its segments is split into more messages: it costs more and can arrive in pieces.',
  step: 'messages',
  run({ plan, view }) {
    const sms = plan.messages.sms;
    if (!sms.enabled) return pass('The plan has no text message.');
    const draft = view.preview?.drafts.sms ?? null;
    const text = draft?.text ?? [sms.body, sms.optOutText].filter((t) => t.trim()).join(' ');
    const segments = draft?.segments ?? smsSegments(text);
    const as = draft ? `Rendered for customer ${view.preview!.customer.id}, the text` : 'The text as written';
    const size = `${as} takes ${segments.units} ${segments.encoding} units: ${plural(segments.segments, 'segment')}, with ${segments.remaining} units left in the last`;
    const limit = `the limit is ${plural(sms.maxSegments, 'segment')}`;
    if (segments.segments > sms.maxSegments) return fail(`${size}; ${limit}.`);
    if (segments.segments === sms.maxSegments && segments.remaining < SMS_MARGIN_UNITS)
      return warn(`${size}; ${limit}, so a longer name or product can push it over.`);
    return pass(`${size}; ${limit}.`);
  },
};

export const unresolvedTokens: Check = {
  id: 'messages-tokens',
  group: 'messages',
  title: 'Tokens that resolve',
  why: 'A message reading “Hi {first_name}” or “Hi ,” tells the customer it was sent by a machine that did not know them.',
  step: 'messages',
  run({ plan, view }) {
    const drafts = view.preview?.drafts;
    const found = (drafts?.unresolved ?? []).map(
      (u) =>
        `${u.token} in the ${u.channel} ${u.field.replace(/\.\d+$/, '')} (${u.reason === 'unknown' ? 'not a known token' : 'no value and no fallback'})`,
    );
    if (found.length > 0) return fail(`For customer ${view.preview!.customer.id}: ${listed([...new Set(found)])}.`);
    const templates = enabledTemplates(plan);
    const bare = new Set(
      templates.flatMap((t) =>
        renderTokens(t, {})
          .unresolved.filter((u) => u.reason === 'missing' && PERSONAL_TOKENS.has(u.token.slice(1, -1)))
          .map((u) => u.token),
      ),
    );
    if (bare.size > 0)
      return warn(
        `${listed([...bare].map(quoted))} ${bare.size === 1 ? 'has' : 'have'} no fallback: customers without ${bare.size === 1 ? 'that detail' : 'those details'} get a gap in their message.`,
      );
    return pass(
      drafts
        ? `Every token resolves for customer ${view.preview!.customer.id}, and personal ones have a fallback.`
        : 'Personal tokens have a fallback; the rest are checked once the plan has an audience to preview.',
    );
  },
};

export const oneVariable: Check = {
  id: 'messages-one-variable',
  group: 'messages',
  title: 'One variable under test',
  why: 'When variant B changes two things at once, nobody can tell which of them made the difference.',
  step: 'messages',
  run({ plan, view }) {
    const { variable } = plan.messages.test;
    const { differences, problem } = view.variant;
    if (variable === null)
      return pass('The plan tests no variant: the pilot compares the messages with the control group only.');
    if (problem !== null)
      return warn(`The test is set up for the ${variable}, but variant B cannot be made yet: ${problem}`);
    if (differences.length > 1)
      return fail(`Variant B differs from A in ${differences.length} things: ${listed(differences)}.`);
    if (differences.length === 0) return warn(`Variant B is the same as A: it changes nothing in the ${variable}.`);
    return pass(`Variant B differs from A in the ${differences[0]} only.`);
  },
};
