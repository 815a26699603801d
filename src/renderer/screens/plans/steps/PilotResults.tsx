import { useEffect, useState } from 'react';
import {
  measure,
  resultDifference,
  resultLines,
  RESULT_HEADERS,
  RESULTS_CAVEAT,
} from '../../../../core/export/report-format';
import type { PilotResults as Results } from '../../../../core/results/result-types';
import { criterionLabel } from '../../../../core/vocabulary';
import type { Outcome } from '../../../../shared/engine-api';
import { useImport, usePilot, usePlanEditor, useWorkspace } from '../../../state/store-context';

/**
 * The pilot's results below the checklist: load the sends the pilot went out from (the audience
 * file or the email tool's send log), import the orders since the start, and read each measure,
 * treatment against control, and the verdict.
 */
export function PilotResults() {
  const planId = usePlanEditor((s) => s.open?.planId);
  const recordPilotSends = usePilot((s) => s.recordPilotSends);
  const pilotResults = usePilot((s) => s.pilotResults);
  const importOrders = useImport((s) => s.pickAndPreview);
  // Every committed change (an import, the sends) moves the revision on: the results follow it.
  const revision = useWorkspace((s) => s.summary?.revision);
  const [results, setResults] = useState<Outcome<{ value: Results }> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void pilotResults().then((answer) => current && setResults(answer));
    return () => {
      current = false;
    };
  }, [pilotResults, planId, revision]);

  return (
    <section className="pilot-results" aria-labelledby="pilot-results-heading">
      <h4 id="pilot-results-heading">Results</h4>
      <p>
        Once the pilot has run, load the audience file it was sent from or the email tool’s send log, then import the
        orders since its start as a normal order import. With a send log, the control group is the one the exported
        audience file held back, so export that file from this workspace before the pilot is sent. The results compare
        the treated customers with the control group.
      </p>
      <div className="actions">
        <button type="button" onClick={() => void recordPilotSends().then(setNotice)}>
          Load the sends (audience CSV or send log)…
        </button>
        <button type="button" onClick={() => void importOrders()}>
          Import the orders since the start…
        </button>
      </div>
      {notice && (
        <p className="notice" role="status" data-testid="pilot-sends-notice">
          {notice}
        </p>
      )}
      {results === null ? (
        <p className="muted">Looking for the pilot’s results…</p>
      ) : results.ok ? (
        <ResultsView results={results.value} />
      ) : (
        <p className="muted" data-testid="pilot-results-missing">
          {results.failure.message}
        </p>
      )}
    </section>
  );
}

function ResultsView({ results }: { results: Results }) {
  const { verdict } = results;
  return (
    <div data-testid="pilot-results">
      {resultLines(results).map((line) => (
        <p key={line}>{line}</p>
      ))}
      <table>
        <caption>Each measure, treated against control</caption>
        <thead>
          <tr>
            {RESULT_HEADERS.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {results.measures.map((m) => (
            <tr key={m.id} data-testid={`result-${m.id}`} title={m.basis}>
              <td>{m.label}</td>
              <td>{measure(m.treatment, m.unit)}</td>
              <td>{measure(m.control, m.unit)}</td>
              <td>{resultDifference(m)}</td>
              <td>{measure(m.baseline, m.unit)}</td>
              <td>{measure(m.target, m.unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h5>Verdict</h5>
      <p className={`verdict verdict-${verdict.decision}`} data-testid="pilot-verdict" data-decision={verdict.decision}>
        <strong>{verdict.headline}</strong>
      </p>
      <ul aria-label="Scale criteria">
        {verdict.criteria.map((c) => (
          <li key={c.id} data-testid={`criterion-${c.id}`}>
            <strong>{criterionLabel(c.met)}:</strong> {c.reason}
          </li>
        ))}
      </ul>
      <p className="muted">{RESULTS_CAVEAT}</p>
    </div>
  );
}
