import { tooLongMessage, type Drafts, type ProductCard } from '../../../../core/plan/messages';
import { usePlanEditor } from '../../../state/store-context';
import { money } from '../../insights/format';
import { CHANNEL_WORDS } from '../../../../core/vocabulary';

const customerName = (c: { id: string; firstName: string | null; lastName?: string | null }) =>
  [c.firstName, c.lastName].filter(Boolean).join(' ') || `Customer ${c.id} (no name on file)`;

/** The drafts as one real customer of the audience would get them, with the tokens that could not be filled. */
export function MessagePreview() {
  const open = usePlanEditor((s) => s.open)!;
  const edit = usePlanEditor((s) => s.edit);
  const plan = open.history.present;
  const view = open.view;
  const preview = view?.preview ?? null;
  const sample = (view?.recipients?.sample ?? []).map((r) => ({ id: r.customerId, firstName: r.firstName }));
  const chosen = plan.messages.previewCustomerId ?? preview?.customer.id ?? '';
  const choices = preview && !sample.some((c) => c.id === preview.customer.id) ? [preview.customer, ...sample] : sample;

  return (
    <section className="message-preview" aria-labelledby="preview-heading" data-testid="message-preview">
      <h4 id="preview-heading">Preview for one recipient</h4>
      {!view ? (
        <p className="muted">Rendering the preview…</p>
      ) : !preview ? (
        <p className="empty">
          Choose a moment and start date in step 2: the preview shows the messages for a customer in that audience.
        </p>
      ) : (
        <>
          <label className="field">
            <span>Show the messages for</span>
            <select
              value={chosen}
              onChange={(e) =>
                edit('messages.previewCustomerId', (d) => ({
                  ...d,
                  messages: { ...d.messages, previewCustomerId: e.target.value },
                }))
              }
            >
              {choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {customerName(c)}
                  {'email' in c && c.email ? ` · ${c.email}` : ''}
                </option>
              ))}
            </select>
          </label>
          <p className={preview.drafts.recommended ? 'muted' : 'warning'} data-testid="preview-why">
            {preview.why}
          </p>
          <Unresolved unresolved={preview.drafts.unresolved} />
          {preview.drafts.tooLong.map((field) => (
            <p key={`${field.channel}.${field.field}`} className="warning" data-testid="preview-too-long">
              {tooLongMessage(field)}
            </p>
          ))}
          <div className="preview-grid">
            {preview.drafts.email && <EmailPreview email={preview.drafts.email} to={preview.customer} />}
            {preview.drafts.sms && (
              <div className="preview-card" data-testid="preview-sms">
                <h5>{CHANNEL_WORDS.sms.title}</h5>
                <p className="sms-bubble">{preview.drafts.sms.text}</p>
                <p className={preview.drafts.sms.overLimit ? 'warning' : 'muted'}>
                  {preview.drafts.sms.segments.characters} characters · {preview.drafts.sms.segments.encoding} ·{' '}
                  {preview.drafts.sms.segments.segments}{' '}
                  {preview.drafts.sms.segments.segments === 1 ? 'segment' : 'segments'}
                  {preview.drafts.sms.overLimit && ' — over the limit for this customer'}
                </p>
              </div>
            )}
            {preview.drafts.web && (
              <div className="preview-card" data-testid="preview-web">
                <h5>
                  {CHANNEL_WORDS.web.title}: {preview.drafts.web.slot}
                </h5>
                <p className="preview-headline">{preview.drafts.web.headline}</p>
                <Cards cards={preview.drafts.web.cards} />
              </div>
            )}
            {preview.drafts.outreach && (
              <div className="preview-card" data-testid="preview-outreach">
                <h5>{CHANNEL_WORDS.outreach.title}: talking points</h5>
                <ul>
                  {preview.drafts.outreach.talkingPoints.map((point, i) => (
                    <li key={i}>{point}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function Unresolved({ unresolved }: { unresolved: Drafts['unresolved'] }) {
  if (unresolved.length === 0) return null;
  return (
    <div className="warning" data-testid="unresolved-tokens">
      <strong>Tokens that could not be filled for this customer:</strong>
      <ul>
        {unresolved.map((u, i) => (
          <li key={i}>
            <code>{u.token}</code> in the {CHANNEL_WORDS[u.channel].title.toLowerCase()} ({u.field}):{' '}
            {u.reason === 'unknown'
              ? 'there is no such token.'
              : 'the value is missing; add a fallback after a bar, such as {first_name|there}.'}
          </li>
        ))}
      </ul>
    </div>
  );
}

function EmailPreview({
  email,
  to,
}: {
  email: NonNullable<Drafts['email']>;
  to: { id: string; firstName: string | null; lastName: string | null; email: string | null };
}) {
  return (
    <div className="preview-card preview-email" data-testid="preview-email">
      <h5>{CHANNEL_WORDS.email.title}</h5>
      <p className="muted">
        To: {customerName(to)}
        {to.email ? ` <${to.email}>` : ''}
      </p>
      <p className="preview-subject">{email.subject || <span className="muted">(no subject)</span>}</p>
      {email.preheader && <p className="muted">{email.preheader}</p>}
      <p className="preview-body">{email.body}</p>
      <Cards cards={email.cards} />
      {email.callToAction && <span className="preview-cta">{email.callToAction}</span>}
      {email.footer && <p className="preview-footer">{email.footer}</p>}
    </div>
  );
}

function Cards({ cards }: { cards: ProductCard[] }) {
  if (cards.length === 0)
    return <p className="muted">No product cards: no approved product is left for this customer.</p>;
  return (
    <ul className="product-cards">
      {cards.map((card) => (
        <li key={card.id} className="product-card">
          <div className="product-image" role="img" aria-label={card.imageAlt}>
            Photo
          </div>
          <strong>{card.name}</strong>
          <span className="muted">
            {card.rating === null
              ? 'No rating yet'
              : `★ ${card.rating.toFixed(1)}${card.reviewCount === null ? '' : ` (${card.reviewCount} reviews)`}`}
          </span>
          {card.price !== null &&
            (card.discountedPrice === null ? (
              <span>{money(card.price)}</span>
            ) : (
              <span>
                <s>{money(card.price)}</s> <strong>{money(card.discountedPrice)}</strong>
              </span>
            ))}
        </li>
      ))}
    </ul>
  );
}
