import { CONSENT_CHANNELS, type ConsentChannel } from '../../../../core/plan/consent';
import type { ConsentBasis, ConsentRecord } from '../../../../core/plan/plan-document';
import { CHANNEL_WORDS } from '../../../../core/vocabulary';

/**
 * Where customers agreed to email or texts when the imported data has no consent column: the
 * marketer's own record, per channel, with its source and date. It is printed in the exported plan.
 */
export function ConsentBasisFields({
  basis,
  set,
}: {
  basis: ConsentBasis;
  set: (field: string, basis: ConsentBasis) => void;
}) {
  const change = (channel: ConsentChannel, record: ConsentRecord | null) =>
    set(`consentBasis.${channel}`, { ...basis, [channel]: record });
  return (
    <fieldset className="plan-group" data-testid="consent-basis">
      <legend>Consent recorded elsewhere</legend>
      <p className="muted">
        Email goes only to customers who opted in to email, and texts only to those who opted in to texts. If your data
        has no consent column but the customers did agree somewhere else (at checkout, on a paper form), record where
        and when here. It counts only for customers the data says nothing about; a recorded “no” stays a no. It is your
        record, not data: the checklist and the exported plan print it as such.
      </p>
      {CONSENT_CHANNELS.map((channel) => {
        const record = basis[channel];
        const words = CHANNEL_WORDS[channel].plural;
        return (
          <div key={channel} className="consent-basis">
            <label className="check">
              <input
                type="checkbox"
                checked={record !== null}
                onChange={(e) => change(channel, e.target.checked ? { source: '', date: null } : null)}
              />
              The customers opted in to {words} somewhere the data does not show
            </label>
            {record && (
              <div className="field-row">
                <label className="field">
                  <span>Where they opted in to {words}, and whose records say so</span>
                  <input
                    type="text"
                    maxLength={300}
                    placeholder="e.g. opted in at checkout, per the shop’s records"
                    value={record.source}
                    onChange={(e) => change(channel, { ...record, source: e.target.value })}
                  />
                </label>
                <label className="field">
                  <span>As of</span>
                  <input
                    type="date"
                    value={record.date ?? ''}
                    onChange={(e) => change(channel, { ...record, date: e.target.value || null })}
                  />
                </label>
              </div>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
