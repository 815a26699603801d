import type { PlanDocument, Recommendation } from './plan-document';
import type { Assignment } from './recipients';
import { smsSegments, type SmsSegments } from './sms-segments';
import { clipText } from '../util/clip-text';
import { RENDERED_TEXT_MAX, renderTokens, TOKEN_VALUE_MAX, type TokenValues, type UnresolvedToken } from './tokens';

/**
 * Message drafts rendered for one recipient: email, SMS, web slot and outreach talking points, from
 * the plan's texts and the recommendations assigned to them (see recipients.ts).
 */

export interface PreviewCustomer {
  id: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
}

export interface ProductDetails {
  id: string;
  name: string | null;
  price: number | null;
  rating: number | null;
  reviewCount: number | null;
}

export interface DraftContext {
  /** Details of the products the recommendations name, by id. */
  products: Readonly<Record<string, ProductDetails>>;
  /** The recommendations the customer gets and what they bought that the first starts from; null for someone who gets none. */
  assignment: Pick<Assignment, 'items' | 'anchor'> | null;
  /** 'YYYY-MM-DD' the message goes out, for the offer's expiry. */
  sendDate: string;
}

export interface ProductCard {
  id: string;
  name: string;
  /** Stands in for the product photo in the preview. */
  imageAlt: string;
  rating: number | null;
  reviewCount: number | null;
  price: number | null;
  /** The price after the offer's discount; null without a percentage offer or a price. */
  discountedPrice: number | null;
}

export interface EmailDraft {
  subject: string;
  preheader: string;
  body: string;
  cards: ProductCard[];
  callToAction: string;
  footer: string | null;
}

export interface SmsDraft {
  /** The body and the opt-out text, as the phone shows it. */
  text: string;
  segments: SmsSegments;
  overLimit: boolean;
}

export interface WebDraft {
  slot: string;
  headline: string;
  cards: ProductCard[];
}

export interface Drafts {
  customerId: string;
  anchor: string | null;
  recommended: string | null;
  email: EmailDraft | null;
  sms: SmsDraft | null;
  web: WebDraft | null;
  outreach: { talkingPoints: string[] } | null;
  unresolved: (UnresolvedToken & DraftField)[];
  /** Texts that came out too long once their tokens were filled in, and were cut. */
  tooLong: DraftField[];
}

export interface DraftField {
  channel: 'email' | 'sms' | 'web' | 'outreach';
  field: string;
}

const CHANNEL_NAMES: Record<DraftField['channel'], string> = {
  email: 'email',
  sms: 'SMS',
  web: 'website',
  outreach: 'outreach',
};
const FIELD_NAMES: Record<string, string> = {
  subject: 'subject',
  preheader: 'preheader',
  body: 'text',
  callToAction: 'button',
  headline: 'headline',
};

/** What the preview and the report say about a text cut for its length. */
export function tooLongMessage({ channel, field }: DraftField): string {
  const point = /^talkingPoints\.(\d+)$/.exec(field);
  const name = point ? `talking point ${Number(point[1]) + 1}` : (FIELD_NAMES[field] ?? field);
  return `The ${CHANNEL_NAMES[channel]} ${name} is too long for the channel once its tokens are filled in, so it is cut at ${RENDERED_TEXT_MAX.toLocaleString('en')} characters. Use fewer tokens or a shorter text.`;
}

export const UNSUBSCRIBE_FOOTER =
  'You receive this because you agreed to hear from us. Unsubscribe at any time with the link below.';

const round2 = (n: number) => Math.round(n * 100) / 100;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The tokens' values for one customer: the anchor is what they bought, the recommendation theirs. */
export function tokenValues(
  plan: PlanDocument,
  customer: PreviewCustomer,
  assignment: DraftContext['assignment'],
  sendDate: string,
): TokenValues {
  const offer = plan.offer.kind === 'percent' && plan.offer.percent > 0;
  const item = assignment?.items[0];
  return {
    first_name: customer.firstName,
    last_name: customer.lastName,
    anchor_product: assignment?.anchor?.label ?? null,
    recommended_product: item?.recommended.label ?? null,
    discount: offer ? `${plan.offer.percent} %` : null,
    code: offer && plan.offer.code ? plan.offer.code : null,
    expiry: offer ? addDays(sendDate, plan.offer.expiresAfterDays) : null,
  };
}

function card(item: Recommendation, plan: PlanDocument, products: DraftContext['products']): ProductCard {
  const details = products[item.recommended.id];
  const price = details?.price ?? null;
  const name = clipText(details?.name ?? item.recommended.label, TOKEN_VALUE_MAX);
  return {
    id: item.recommended.id,
    name,
    imageAlt: `Photo of ${name}`,
    rating: details?.rating ?? null,
    reviewCount: details?.reviewCount ?? null,
    price,
    discountedPrice:
      plan.offer.kind === 'percent' && plan.offer.percent > 0 && price !== null
        ? round2(price * (1 - plan.offer.percent / 100))
        : null,
  };
}

/** The texts of the plan's channels in use, each with its tokens as written. */
export function enabledTemplates(plan: PlanDocument): string[] {
  const { email, sms, web, outreach } = plan.messages;
  return [
    ...(email.enabled ? [email.subject, email.preheader, email.body, email.callToAction] : []),
    ...(sms.enabled ? [sms.body] : []),
    ...(web.enabled ? [web.headline] : []),
    ...(outreach.enabled ? outreach.talkingPoints : []),
  ];
}

export function renderDrafts(plan: PlanDocument, customer: PreviewCustomer, context: DraftContext): Drafts {
  const items = context.assignment?.items ?? [];
  const values = tokenValues(plan, customer, context.assignment, context.sendDate);
  const unresolved: Drafts['unresolved'] = [];
  const tooLong: DraftField[] = [];
  const render = (channel: DraftField['channel'], field: string, template: string) => {
    const result = renderTokens(template, values);
    unresolved.push(...result.unresolved.map((u) => ({ ...u, channel, field })));
    if (result.cut) tooLong.push({ channel, field });
    return result.text;
  };
  const { email, sms, web, outreach } = plan.messages;

  const emailDraft: EmailDraft | null = email.enabled
    ? {
        subject: render('email', 'subject', email.subject),
        preheader: render('email', 'preheader', email.preheader),
        body: render('email', 'body', email.body),
        cards: items.slice(0, email.productCards).map((item) => card(item, plan, context.products)),
        callToAction: render('email', 'callToAction', email.callToAction),
        footer: email.unsubscribeFooter ? UNSUBSCRIBE_FOOTER : null,
      }
    : null;
  let smsDraft: SmsDraft | null = null;
  if (sms.enabled) {
    const text = [render('sms', 'body', sms.body), sms.optOutText].filter((t) => t.trim()).join(' ');
    const segments = smsSegments(text);
    smsDraft = { text, segments, overLimit: segments.segments > sms.maxSegments };
  }
  return {
    customerId: customer.id,
    anchor: values.anchor_product ?? null,
    recommended: values.recommended_product ?? null,
    email: emailDraft,
    sms: smsDraft,
    web: web.enabled
      ? {
          slot: web.slot,
          headline: render('web', 'headline', web.headline),
          cards: items.slice(0, web.productCount).map((item) => card(item, plan, context.products)),
        }
      : null,
    outreach: outreach.enabled
      ? { talkingPoints: outreach.talkingPoints.map((point, i) => render('outreach', `talkingPoints.${i}`, point)) }
      : null,
    unresolved,
    tooLong,
  };
}
