import { useRef, useState, type FocusEvent, type ReactNode } from 'react';
import { smsSegments } from '../../../../core/plan/sms-segments';
import { TOKEN_NAMES, type TokenName } from '../../../../core/plan/tokens';
import type { TestVariable } from '../../../../core/plan/variants';
import { TEST_VARIABLES, type ChannelId, type PlanDocument } from '../../../../core/plan/plan-document';
import { CHANNEL_GUIDE } from '../../../../core/playbook/glossary';
import { CHANNEL_WORDS, TEST_VARIABLE_TITLES } from '../../../../core/vocabulary';
import { TEST_VARIABLE_HINTS } from './test-variable-hints';
import type { PlanEditorActions } from '../../../state/plan-editor-store';
import { usePlanEditor } from '../../../state/store-context';
import { MessagePreview } from './MessagePreview';
import { RecipientsPanel } from './RecipientsPanel';
import { NumberField } from '../../../components/NumberField';

type Messages = PlanDocument['messages'];
type TextElement = HTMLInputElement | HTMLTextAreaElement;
/** Marks a text field as the one the token buttons insert into; `set` writes its new text. */
type TokenFocus = (label: string, set: (text: string) => void) => (event: FocusEvent<TextElement>) => void;

const TOKEN_HELP: Record<TokenName, string> = {
  first_name: 'the customer’s first name',
  last_name: 'the customer’s last name',
  anchor_product: 'the product they bought that the suggestion builds on',
  recommended_product: 'the first approved product they do not own yet',
  discount: 'the offer’s percentage, such as “10 %”',
  code: 'the offer code',
  expiry: 'the day the offer ends',
};

function patchChannel<C extends ChannelId>(
  edit: PlanEditorActions['edit'],
  channel: C,
  field: string,
  change: Partial<Messages[C]>,
) {
  edit(`messages.${channel}.${field}`, (d) => ({
    ...d,
    messages: { ...d.messages, [channel]: { ...d.messages[channel], ...change } },
  }));
}

/** The SMS as the phone shows it: body and opt-out text joined, as the drafts join them. */
const smsText = (sms: Messages['sms']) => [sms.body, sms.optOutText].filter((t) => t.trim()).join(' ');

/** Step 4: the offer, a draft per channel with tokens, a live preview for a real customer, and the A/B test. */
export function MessagesStep() {
  const plan = usePlanEditor((s) => s.open)!.history.present;
  const edit = usePlanEditor((s) => s.edit);
  const target = useRef<{ element: TextElement; set: (text: string) => void } | null>(null);
  const [targetLabel, setTargetLabel] = useState<string | null>(null);

  const focus: TokenFocus = (label, set) => (event) => {
    target.current = { element: event.currentTarget, set };
    setTargetLabel(label);
  };
  const insert = (token: string) => {
    const current = target.current;
    if (!current) return;
    const { element } = current;
    const start = element.selectionStart ?? element.value.length;
    const end = element.selectionEnd ?? start;
    current.set(element.value.slice(0, start) + token + element.value.slice(end));
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <div className="step-messages">
      <OfferFields offer={plan.offer} edit={edit} />
      <div className="messages-layout">
        <div className="messages-editors">
          <EmailEditor email={plan.messages.email} edit={edit} focus={focus} />
          <SmsEditor sms={plan.messages.sms} edit={edit} focus={focus} />
          <WebEditor web={plan.messages.web} edit={edit} focus={focus} />
          <OutreachEditor outreach={plan.messages.outreach} edit={edit} focus={focus} />
        </div>
        <aside className="token-help" aria-labelledby="token-help-heading">
          <h4 id="token-help-heading">Personal details in the text</h4>
          <p className="muted">
            Write a token in braces and it is filled in for each customer. Add a fallback after a bar for customers
            without the detail: <code>{'{first_name|there}'}</code> reads “there” when the first name is missing.
          </p>
          <p className="muted" role="status">
            {targetLabel ? `Inserts into: ${targetLabel}` : 'Click into a text field, then insert a token.'}
          </p>
          <ul>
            {TOKEN_NAMES.map((name) => {
              const token = name === 'first_name' ? '{first_name|there}' : `{${name}}`;
              return (
                <li key={name}>
                  <button
                    type="button"
                    disabled={targetLabel === null}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => insert(token)}
                    aria-label={`Insert ${token}`}
                  >
                    <code>{token}</code>
                  </button>{' '}
                  <span className="muted">{TOKEN_HELP[name]}</span>
                </li>
              );
            })}
          </ul>
        </aside>
      </div>
      <RecipientsPanel />
      <MessagePreview />
      <VariantTest test={plan.messages.test} edit={edit} />
    </div>
  );
}

function OfferFields({ offer, edit }: { offer: PlanDocument['offer']; edit: PlanEditorActions['edit'] }) {
  const set = (field: string, change: Partial<PlanDocument['offer']>) =>
    edit(`offer.${field}`, (d) => ({ ...d, offer: { ...d.offer, ...change } }));
  const percent = offer.kind === 'percent';
  return (
    <fieldset className="plan-group">
      <legend>Offer</legend>
      <div className="field-row">
        <label className="field">
          <span>Kind of offer</span>
          <select
            value={offer.kind}
            onChange={(e) => set('kind', { kind: e.target.value as PlanDocument['offer']['kind'] })}
          >
            <option value="none">No offer: the suggestion alone</option>
            <option value="percent">A percentage off</option>
          </select>
        </label>
        {percent && (
          <>
            <NumberField
              label="Discount"
              value={offer.percent}
              min={0}
              max={100}
              suffix="%"
              onChange={(n) => set('percent', { percent: n })}
            />
            <label className="field">
              <span>Offer code</span>
              <input value={offer.code} maxLength={40} onChange={(e) => set('code', { code: e.target.value })} />
            </label>
            <NumberField
              label="Ends after"
              value={offer.expiresAfterDays}
              min={0}
              max={365}
              integer
              suffix="days"
              onChange={(n) => set('expiresAfterDays', { expiresAfterDays: n })}
            />
          </>
        )}
      </div>
      <p className="muted">
        {percent
          ? 'A deadline gives a reason to act now; keep the discount small enough that customers who would buy anyway do not cost much.'
          : 'Many cross-sells work without a discount when the suggestion fits: start without one and test an offer as variant B.'}
      </p>
    </fieldset>
  );
}

function ChannelEditor<C extends ChannelId>({
  edit,
  channel,
  enabled,
  children,
}: {
  edit: PlanEditorActions['edit'];
  channel: C;
  enabled: boolean;
  children: ReactNode;
}) {
  return (
    <fieldset className={`plan-group channel-editor${enabled ? '' : ' off'}`} data-testid={`editor-${channel}`}>
      <legend>{CHANNEL_WORDS[channel].title}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) =>
            patchChannel(edit, channel, 'enabled', { enabled: e.target.checked } as Partial<Messages[C]>)
          }
        />
        Use this channel
      </label>
      <p className="muted">{CHANNEL_GUIDE[channel].suits}</p>
      {enabled && children}
    </fieldset>
  );
}

function EmailEditor({
  email,
  edit,
  focus,
}: {
  email: Messages['email'];
  edit: PlanEditorActions['edit'];
  focus: TokenFocus;
}) {
  const text = (field: 'subject' | 'preheader' | 'body' | 'callToAction') => {
    const set = (value: string) => patchChannel(edit, 'email', field, { [field]: value });
    return { value: email[field], onChange: (e: { target: { value: string } }) => set(e.target.value), set };
  };
  const subject = text('subject');
  const preheader = text('preheader');
  const body = text('body');
  const cta = text('callToAction');
  return (
    <ChannelEditor edit={edit} channel="email" enabled={email.enabled}>
      <label className="field wide">
        <span>Email subject</span>
        <input
          value={subject.value}
          maxLength={200}
          onChange={subject.onChange}
          onFocus={focus('Email subject', subject.set)}
        />
      </label>
      <label className="field wide">
        <span>Preheader (the line inboxes show after the subject)</span>
        <input
          value={preheader.value}
          maxLength={200}
          onChange={preheader.onChange}
          onFocus={focus('Email preheader', preheader.set)}
        />
      </label>
      <label className="field wide">
        <span>Email body</span>
        <textarea
          rows={5}
          value={body.value}
          maxLength={5000}
          onChange={body.onChange}
          onFocus={focus('Email body', body.set)}
        />
      </label>
      <div className="field-row">
        <label className="field">
          <span>Call to action (the button)</span>
          <input value={cta.value} maxLength={80} onChange={cta.onChange} onFocus={focus('Call to action', cta.set)} />
        </label>
        <NumberField
          label="Product cards"
          value={email.productCards}
          min={0}
          max={6}
          integer
          onChange={(n) => patchChannel(edit, 'email', 'productCards', { productCards: n })}
        />
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={email.unsubscribeFooter}
          onChange={(e) => patchChannel(edit, 'email', 'unsubscribeFooter', { unsubscribeFooter: e.target.checked })}
        />
        Unsubscribe footer
      </label>
      {!email.unsubscribeFooter && (
        <p className="warning">
          Marketing email must give a way to unsubscribe: leave the footer off only if your email tool adds its own.
        </p>
      )}
    </ChannelEditor>
  );
}

function SmsEditor({ sms, edit, focus }: { sms: Messages['sms']; edit: PlanEditorActions['edit']; focus: TokenFocus }) {
  const setBody = (body: string) => patchChannel(edit, 'sms', 'body', { body });
  const count = smsSegments(smsText(sms));
  const over = count.segments > sms.maxSegments;
  return (
    <ChannelEditor edit={edit} channel="sms" enabled={sms.enabled}>
      <label className="field wide">
        <span>Text message</span>
        <textarea
          rows={3}
          value={sms.body}
          maxLength={1600}
          onChange={(e) => setBody(e.target.value)}
          onFocus={focus('Text message', setBody)}
        />
      </label>
      <div className="field-row">
        <label className="field">
          <span>Opt-out text (added at the end)</span>
          <input
            value={sms.optOutText}
            maxLength={100}
            onChange={(e) => patchChannel(edit, 'sms', 'optOutText', { optOutText: e.target.value })}
          />
        </label>
        <NumberField
          label="At most"
          value={sms.maxSegments}
          min={1}
          max={10}
          integer
          suffix="segments"
          onChange={(n) => patchChannel(edit, 'sms', 'maxSegments', { maxSegments: n })}
        />
      </div>
      <p className={over ? 'warning' : 'muted'} data-testid="sms-counter" aria-live="polite">
        {count.characters} characters · {count.encoding} · {count.segments}{' '}
        {count.segments === 1 ? 'segment' : 'segments'} ({count.remaining}{' '}
        {count.encoding === 'GSM-7' ? 'characters' : 'units'} left in the last)
        {over && ` — more than the ${sms.maxSegments} allowed: shorten it, or allow more segments.`}
      </p>
      <p className="muted">
        Counted with the opt-out text and the tokens as written; the preview counts the text a customer gets. Plain
        letters fit 160 in one message (153 per part of a longer one); a single emoji or character outside the basic
        alphabet (UCS-2) cuts that to 70 (67 per part).
      </p>
      {!sms.optOutText.trim() && (
        <p className="warning">Texts need a way to opt out, such as “Reply STOP to opt out”.</p>
      )}
    </ChannelEditor>
  );
}

function WebEditor({ web, edit, focus }: { web: Messages['web']; edit: PlanEditorActions['edit']; focus: TokenFocus }) {
  const setHeadline = (headline: string) => patchChannel(edit, 'web', 'headline', { headline });
  return (
    <ChannelEditor edit={edit} channel="web" enabled={web.enabled}>
      <div className="field-row">
        <label className="field">
          <span>Slot (where on the site)</span>
          <input
            value={web.slot}
            maxLength={100}
            onChange={(e) => patchChannel(edit, 'web', 'slot', { slot: e.target.value })}
          />
        </label>
        <NumberField
          label="Products shown"
          value={web.productCount}
          min={0}
          max={12}
          integer
          onChange={(n) => patchChannel(edit, 'web', 'productCount', { productCount: n })}
        />
      </div>
      <label className="field wide">
        <span>Slot headline</span>
        <input
          value={web.headline}
          maxLength={200}
          onChange={(e) => setHeadline(e.target.value)}
          onFocus={focus('Slot headline', setHeadline)}
        />
      </label>
    </ChannelEditor>
  );
}

function OutreachEditor({
  outreach,
  edit,
  focus,
}: {
  outreach: Messages['outreach'];
  edit: PlanEditorActions['edit'];
  focus: TokenFocus;
}) {
  const points = outreach.talkingPoints;
  const setPoints = (field: string, talkingPoints: string[]) =>
    patchChannel(edit, 'outreach', field, { talkingPoints });
  const setPoint = (i: number) => (text: string) =>
    setPoints(
      `talkingPoints.${i}`,
      points.map((p, j) => (j === i ? text : p)),
    );
  return (
    <ChannelEditor edit={edit} channel="outreach" enabled={outreach.enabled}>
      <ol className="editable-list" aria-label="Talking points">
        {points.map((point, i) => (
          <li key={i}>
            <label className="field wide">
              <span>Talking point {i + 1}</span>
              <input
                value={point}
                maxLength={500}
                onChange={(e) => setPoint(i)(e.target.value)}
                onFocus={focus(`Talking point ${i + 1}`, setPoint(i))}
              />
            </label>
            <button
              type="button"
              aria-label={`Remove talking point ${i + 1}`}
              onClick={() =>
                setPoints(
                  'talkingPoints',
                  points.filter((_, j) => j !== i),
                )
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      {points.length === 0 && (
        <p className="empty">No talking points yet: what should the caller mention, and what should they ask?</p>
      )}
      <button type="button" disabled={points.length >= 20} onClick={() => setPoints('talkingPoints', [...points, ''])}>
        Add a talking point
      </button>
    </ChannelEditor>
  );
}

function VariantTest({ test, edit }: { test: Messages['test']; edit: PlanEditorActions['edit'] }) {
  const view = usePlanEditor((s) => s.open)!.view;
  const set = (field: string, change: Partial<Messages['test']>) =>
    edit(`messages.test.${field}`, (d) => ({
      ...d,
      messages: { ...d.messages, test: { ...d.messages.test, ...change } },
    }));
  return (
    <fieldset className="plan-group" data-testid="variant-test">
      <legend>A/B test</legend>
      <p className="muted">
        Variant A is the plan as written. Variant B changes one thing only, so a difference in results can be put down
        to it.
      </p>
      <div className="field-row">
        <label className="field">
          <span>Variable under test</span>
          <select
            value={test.variable ?? ''}
            onChange={(e) =>
              set('variable', { variable: e.target.value === '' ? null : (e.target.value as TestVariable) })
            }
          >
            <option value="">No test yet</option>
            {TEST_VARIABLES.map((v) => (
              <option key={v} value={v}>
                {TEST_VARIABLE_TITLES[v]}
              </option>
            ))}
          </select>
        </label>
        {test.variable && (
          <label className="field wide">
            <span>{TEST_VARIABLE_HINTS[test.variable]}</span>
            <input
              value={test.variantB}
              maxLength={1000}
              onChange={(e) => set('variantB', { variantB: e.target.value })}
            />
          </label>
        )}
      </div>
      {test.variable &&
        view &&
        (view.variant.problem ? (
          <p className="warning">{view.variant.problem}</p>
        ) : view.variant.differences.length === 1 ? (
          <p className="muted">
            Variant B differs from A in one thing: {TEST_VARIABLE_TITLES[view.variant.differences[0]].toLowerCase()}.
          </p>
        ) : view.variant.differences.length === 0 ? (
          <p className="warning">Variant B is the same as A: change the value for B.</p>
        ) : (
          <p className="warning">
            Variant B differs in more than one thing (
            {view.variant.differences.map((d) => TEST_VARIABLE_TITLES[d].toLowerCase()).join(', ')}): a result could not
            be put down to one of them.
          </p>
        ))}
    </fieldset>
  );
}
