import { approvedRecommendations } from '../../../../core/plan/recommendations';
import { MATCH_RULES, type PlanDocument } from '../../../../core/plan/plan-document';
import { usePlanEditor } from '../../../state/store-context';

const RULE_LABELS: Record<PlanDocument['recommendations']['matchRule'], string> = {
  'strongest-evidence': 'The one with the strongest evidence',
  'list-order': 'The first in the list of step 3 (pinned ones first)',
};

const LEAVE_OUT = '';
const n = (value: number) => value.toLocaleString('en-US');

/**
 * Who gets which recommendation: the rule for customers several approved recommendations match,
 * what customers nothing matches get, and the first recipients with the recommendation each gets
 * and why, each one a click away from its preview.
 */
export function RecipientsPanel() {
  const open = usePlanEditor((s) => s.open)!;
  const edit = usePlanEditor((s) => s.edit);
  const plan = open.history.present;
  const recipients = open.view?.recipients ?? null;
  const fallbackChoices = [
    ...new Map(approvedRecommendations(plan).map((item) => [item.recommended.id, item.recommended])).values(),
  ];
  const { matchRule, fallback } = plan.recommendations;
  const setRecommendations = (key: string, change: Partial<PlanDocument['recommendations']>) =>
    edit(`recommendations.${key}`, (d) => ({ ...d, recommendations: { ...d.recommendations, ...change } }));

  return (
    <section className="recipients" aria-labelledby="recipients-heading" data-testid="recipients">
      <h4 id="recipients-heading">Who gets which recommendation</h4>
      <p className="muted">
        A customer in the moment gets a recommendation when what they bought holds the product it starts from
        {plan.strategy.id === 'completion' ? ' (in the order that brought them into the moment)' : ''} and they own
        neither the product it suggests nor a variant of it. Their messages name their own purchase.
      </p>
      <div className="field-row">
        <label className="field">
          <span>When several recommendations match a customer, they get</span>
          <select
            value={matchRule}
            onChange={(e) => setRecommendations('matchRule', { matchRule: e.target.value as typeof matchRule })}
          >
            {MATCH_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {RULE_LABELS[rule]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Customers nothing matches</span>
          <select
            value={fallback?.id ?? LEAVE_OUT}
            onChange={(e) =>
              setRecommendations('fallback', {
                fallback: fallbackChoices.find((c) => c.id === e.target.value) ?? null,
              })
            }
          >
            <option value={LEAVE_OUT}>Are left out</option>
            {fallback && !fallbackChoices.some((c) => c.id === fallback.id) && (
              <option value={fallback.id}>Get {fallback.label} (no longer approved)</option>
            )}
            {fallbackChoices.map((c) => (
              <option key={c.id} value={c.id}>
                Get {c.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {recipients === null ? (
        <p className="empty">Choose a moment in step 2 to see who the plan is for.</p>
      ) : recipients.count === 0 ? (
        <p className="warning" data-testid="no-recipients">
          {recipients.inMoment === 0
            ? 'Nobody enters the moment in the 30 days from the start date.'
            : `None of the ${n(recipients.inMoment)} customers entering the moment bought what an approved recommendation starts from: approve recommendations in step 3 that start from what they buy, or choose a product for the customers nothing matches.`}
        </p>
      ) : (
        <>
          <p data-testid="recipient-counts">
            Over the 30 days, {n(recipients.inMoment)} customers enter the moment:{' '}
            {n(recipients.count - recipients.fallback)} get a recommendation that matches what they bought
            {recipients.fallback > 0 ? `, ${n(recipients.fallback)} get the fallback product` : ''}
            {recipients.leftOut > 0 ? `, and ${n(recipients.leftOut)} are left out` : ''}.
          </p>
          <div className="recipients-scroll">
            <table className="recipients-table" data-testid="recipients-table">
              <caption>
                A sample: the first {n(recipients.sample.length)} of the {n(recipients.count)} recipients, in the order
                they enter the moment
              </caption>
              <thead>
                <tr>
                  <th scope="col">Customer</th>
                  <th scope="col">Bought</th>
                  <th scope="col">Gets</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {recipients.sample.map((r) => (
                  <tr key={r.customerId}>
                    <td>
                      <button
                        type="button"
                        className="link"
                        aria-label={`Preview the messages for customer ${r.customerId}`}
                        onClick={() =>
                          edit('messages.previewCustomerId', (d) => ({
                            ...d,
                            messages: { ...d.messages, previewCustomerId: r.customerId },
                          }))
                        }
                      >
                        {r.firstName ? `${r.firstName} (${r.customerId})` : r.customerId}
                      </button>
                    </td>
                    <td>{r.anchor ?? '–'}</td>
                    <td>{r.recommended}</td>
                    <td>{r.why}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
