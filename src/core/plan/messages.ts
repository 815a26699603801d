import type { PlanDocument, Recommendation } from './plan-document';
import { approvedRecommendations } from './recommendations';
import { smsSegments, type SmsSegments } from './sms-segments';
import { renderTokens, type TokenValues, type UnresolvedToken } from './tokens';

/**
 * Message drafts rendered for one audience customer: email, SMS, web slot and outreach talking
 * points, from the plan's texts and its approved recommendations only.
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
  /** Items the customer owns: anchors are chosen from them, and owned recommendations left out. */
  owned: ReadonlySet<string>;
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
  unresolved: (UnresolvedToken & { channel: 'email' | 'sms' | 'web' | 'outreach'; field: string })[];
}

export const UNSUBSCRIBE_FOOTER =
  'You receive this because you agreed to hear from us. Unsubscribe at any time with the link below.';

const round2 = (n: number) => Math.round(n * 100) / 100;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The approved items for this customer: owned recommendations left out, items whose anchor they own first. */
export function itemsFor(plan: PlanDocument, owned: ReadonlySet<string>): Recommendation[] {
  const usable = approvedRecommendations(plan).filter((item) => !owned.has(item.recommended.id));
  const ordered = [
    ...usable.filter((i) => i.anchor !== null && anchorOwned(i.anchor.id, owned)),
    ...usable.filter((i) => !(i.anchor !== null && anchorOwned(i.anchor.id, owned))),
  ];
  // Two anchors can lead to the same product: a message shows it once, with the best-fitting anchor.
  const seen = new Set<string>();
  return ordered.filter((item) => !seen.has(item.recommended.id) && Boolean(seen.add(item.recommended.id)));
}

/** Family anchors name several members joined with '+': the customer must own them all. */
const anchorOwned = (id: string, owned: ReadonlySet<string>) => id.split('+').every((part) => owned.has(part));

export function tokenValues(
  plan: PlanDocument,
  customer: PreviewCustomer,
  item: Recommendation | undefined,
  sendDate: string,
): TokenValues {
  const offer = plan.offer.kind === 'percent' && plan.offer.percent > 0;
  return {
    first_name: customer.firstName,
    last_name: customer.lastName,
    anchor_product: item?.anchor?.label ?? null,
    recommended_product: item?.recommended.label ?? null,
    discount: offer ? `${plan.offer.percent} %` : null,
    code: offer && plan.offer.code ? plan.offer.code : null,
    expiry: offer ? addDays(sendDate, plan.offer.expiresAfterDays) : null,
  };
}

function card(item: Recommendation, plan: PlanDocument, products: DraftContext['products']): ProductCard {
  const details = products[item.recommended.id];
  const price = details?.price ?? null;
  const name = details?.name ?? item.recommended.label;
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

export function renderDrafts(plan: PlanDocument, customer: PreviewCustomer, context: DraftContext): Drafts {
  const items = itemsFor(plan, context.owned);
  const values = tokenValues(plan, customer, items[0], context.sendDate);
  const unresolved: Drafts['unresolved'] = [];
  const render = (channel: Drafts['unresolved'][number]['channel'], field: string, template: string) => {
    const result = renderTokens(template, values);
    unresolved.push(...result.unresolved.map((u) => ({ ...u, channel, field })));
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
  };
}
