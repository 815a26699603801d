import { expect, test } from '@playwright/test';
import { renderDrafts, type DraftContext, type PreviewCustomer } from '../../src/core/plan/messages';
import { renderTokens } from '../../src/core/plan/tokens';
import { variantB, variantDifferences } from '../../src/core/plan/variants';
import { blankPlan, type PlanDocument, type Recommendation } from '../../src/core/plan/plan-document';

test('tokens take their value, else their fallback, and unknown or empty ones are reported', () => {
  expect(renderTokens('Hi {first_name|there}!', { first_name: 'Maya' })).toEqual({
    text: 'Hi Maya!',
    unresolved: [],
    cut: false,
  });
  expect(renderTokens('Hi {first_name|there}!', { first_name: null })).toEqual({
    text: 'Hi there!',
    unresolved: [],
    cut: false,
  });
  expect(renderTokens('Hi {first_name|}!', {})).toEqual({ text: 'Hi !', unresolved: [], cut: false });
  expect(renderTokens('{discount} off with {code}, {shoe_size}', { discount: '10 %' })).toEqual({
    text: '10 % off with , {shoe_size}',
    unresolved: [
      { token: '{code}', reason: 'missing' },
      { token: '{shoe_size}', reason: 'unknown' },
    ],
    cut: false,
  });
});

function item(
  id: string,
  anchor: string | null,
  recommended: string,
  decision: Recommendation['decision'],
  pinned = false,
): Recommendation {
  return {
    id,
    anchor: anchor === null ? null : { id: anchor, label: `Anchor ${anchor}` },
    recommended: { id: recommended, label: `Product ${recommended}` },
    source: 'pair',
    evidence: null,
    decision,
    pinned,
    flags: [],
  };
}

function plan(): PlanDocument {
  const p = blankPlan('Drafts');
  p.recommendations.items = [
    item('r1', 'A', 'B', 'approved'),
    item('r2', 'X', 'C', 'approved'),
    item('r3', 'A', 'D', 'proposed'),
    item('r4', 'A', 'E', 'rejected'),
    item('r5', 'A', 'F', 'approved'),
  ];
  p.offer = { kind: 'percent', percent: 15, code: 'PAIR15', expiresAfterDays: 14 };
  p.messages.email = {
    enabled: true,
    subject: '{first_name|Hello}, {recommended_product} goes with your {anchor_product}',
    preheader: '{discount} off until {expiry}',
    body: 'Use {code} at checkout.',
    callToAction: 'Shop {recommended_product}',
    productCards: 3,
    unsubscribeFooter: true,
  };
  p.messages.sms = {
    enabled: true,
    body: '{first_name|Hi}: {discount} off {recommended_product} with {code}.',
    optOutText: 'Reply STOP to opt out',
    maxSegments: 1,
  };
  p.messages.web = { enabled: true, slot: 'Basket page', headline: 'Goes with {anchor_product}', productCount: 2 };
  p.messages.outreach = {
    enabled: true,
    talkingPoints: ['Ask how {anchor_product} is working out', 'Mention {size_guide}'],
  };
  return p;
}

const customer: PreviewCustomer = { id: 'c1', firstName: 'Maya', lastName: 'Stone', email: 'maya@example.org' };
const context: DraftContext = {
  products: {
    B: { id: 'B', name: 'Balm', price: 20, rating: 4.6, reviewCount: 12 },
    F: { id: 'F', name: 'Fluid', price: 9.99, rating: null, reviewCount: null },
  },
  // The recipient bought A: of the approved items, B and F start from it (see recipients.ts for the choice).
  assignment: {
    items: plan().recommendations.items.filter((i) => i.id === 'r1' || i.id === 'r5'),
    anchor: { productIds: ['A'], label: 'Anchor A', orderId: 'O1', day: 20_000 },
  },
  sendDate: '2025-06-01',
};

test('drafts show the recipient’s own recommendations, for a real customer, with every channel filled in', () => {
  const drafts = renderDrafts(plan(), customer, context);
  expect(drafts.email!.subject).toBe('Maya, Product B goes with your Anchor A');
  expect(drafts.email!.preheader).toBe('15 % off until 2025-06-15');
  expect(drafts.email!.body).toBe('Use PAIR15 at checkout.');
  expect(drafts.email!.callToAction).toBe('Shop Product B');
  expect(drafts.email!.cards).toEqual([
    { id: 'B', name: 'Balm', imageAlt: 'Photo of Balm', rating: 4.6, reviewCount: 12, price: 20, discountedPrice: 17 },
    {
      id: 'F',
      name: 'Fluid',
      imageAlt: 'Photo of Fluid',
      rating: null,
      reviewCount: null,
      price: 9.99,
      discountedPrice: 8.49,
    },
  ]);
  expect(drafts.email!.footer).toMatch(/Unsubscribe/);
  expect(drafts.sms!.text).toBe('Maya: 15 % off Product B with PAIR15. Reply STOP to opt out');
  expect(drafts.sms!.segments).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  expect(drafts.sms!.overLimit).toBe(false);
  expect(drafts.web).toMatchObject({
    slot: 'Basket page',
    headline: 'Goes with Anchor A',
    cards: [{ id: 'B' }, { id: 'F' }],
  });
  expect(drafts.outreach!.talkingPoints[0]).toBe('Ask how Anchor A is working out');
  expect(drafts.unresolved).toEqual([
    { token: '{size_guide}', reason: 'unknown', channel: 'outreach', field: 'talkingPoints.1' },
  ]);
});

test('a missing value without fallback is reported, and a long SMS is over its limit', () => {
  const p = plan();
  p.offer = { kind: 'none', percent: 0, code: '', expiresAfterDays: 14 };
  p.messages.sms.body = `${'Long text '.repeat(20)}{code}`;
  const drafts = renderDrafts(p, { ...customer, firstName: null }, context);
  expect(drafts.email!.subject).toBe('Hello, Product B goes with your Anchor A');
  expect(drafts.email!.cards[0].discountedPrice).toBeNull();
  expect(drafts.sms!.segments.segments).toBe(2);
  expect(drafts.sms!.overLimit).toBe(true);
  expect(
    drafts.unresolved.filter((u) => u.reason === 'missing').map((u) => `${u.channel}.${u.field} ${u.token}`),
  ).toEqual(['email.preheader {discount}', 'email.preheader {expiry}', 'email.body {code}', 'sms.body {code}']);
  p.messages.email.enabled = false;
  expect(renderDrafts(p, customer, context).email).toBeNull();
});

test('variant B differs from A in exactly the variable under test', () => {
  const p = plan();
  expect(variantDifferences(p)).toEqual([]);
  expect(variantB(p).problem).toMatch(/variable/);

  p.messages.test = { variable: 'subject', variantB: 'Complete your routine, {first_name|friend}' };
  expect(variantB(p).plan!.messages.email.subject).toBe('Complete your routine, {first_name|friend}');
  expect(variantDifferences(p)).toEqual(['subject']);

  p.messages.test = { variable: 'offer', variantB: '20 %' };
  expect(variantB(p).plan!.offer.percent).toBe(20);
  expect(variantDifferences(p)).toEqual(['offer']);
  p.messages.test = { variable: 'offer', variantB: 'a lot' };
  expect(variantB(p).problem).toMatch(/percentage/);
  expect(variantDifferences(p)).toEqual([]);

  p.channels.sends = [
    { channel: 'email', offsetHours: 48 },
    { channel: 'sms', offsetHours: 72 },
  ];
  p.messages.test = { variable: 'timing', variantB: '24' };
  expect(variantB(p).plan!.channels.sends.map((s) => s.offsetHours)).toEqual([24, 48]);
  expect(variantDifferences(p)).toEqual(['timing']);

  p.messages.test = { variable: 'channel', variantB: 'SMS' };
  expect(variantDifferences(p)).toEqual(['channel']);
  p.messages.test = { variable: 'products', variantB: 'B, D' };
  expect(variantDifferences(p)).toEqual(['products']);

  // Comparing two plans directly finds every variable they differ in.
  const b = structuredClone(p);
  b.messages.email.subject = 'Other';
  b.messages.email.callToAction = 'Other';
  expect(variantDifferences(p, b)).toEqual(['subject', 'call-to-action']);
});
