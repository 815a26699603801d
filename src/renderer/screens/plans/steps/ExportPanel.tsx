import { useState } from 'react';
import { MessageDetails } from '../../../components/MessageDetails';
import type { PlanExportKind } from '../../../state/plan-exports-store';
import { usePlanExports } from '../../../state/store-context';
import { BrandingDialog } from './BrandingDialog';

const EXPORTS: readonly { kind: PlanExportKind; label: string; what: string }[] = [
  { kind: 'pdf', label: 'the campaign plan (PDF)', what: 'Campaign plan (PDF)…' },
  { kind: 'html', label: 'the campaign plan (HTML)', what: 'Campaign plan (HTML)…' },
  { kind: 'md', label: 'the campaign plan (Markdown)', what: 'Campaign plan (Markdown)…' },
  { kind: 'json', label: 'the plan document', what: 'Plan document (JSON, a template)…' },
  { kind: 'audience-csv', label: 'the audience file', what: 'Audience for the email or SMS tool (CSV)…' },
  { kind: 'evidence-csv', label: 'the evidence file', what: 'Evidence behind the recommendations (CSV)…' },
  { kind: 'ics', label: 'the pilot calendar', what: 'Pilot milestones (calendar)…' },
];

/** The exports of a plan; none while a check fails without an accepted reason. */
export function ExportPanel({ blocked }: { blocked: boolean }) {
  const exporting = usePlanExports((s) => s.exporting);
  const exported = usePlanExports((s) => s.exported);
  const exportPlan = usePlanExports((s) => s.exportPlan);
  const [branding, setBranding] = useState(false);
  const progress = exporting?.progress;

  return (
    <section aria-labelledby="export-heading" className="export-panel">
      <h4 id="export-heading">Export</h4>
      {blocked ? (
        <p className="step-needs" data-testid="export-blocked">
          Export is held back while a check fails. Fix what it points to, or accept it above with a written reason: the
          reason is printed in the exported plan.
        </p>
      ) : (
        <p className="muted">
          The campaign plan carries your agency’s name, logo and colour, set once for this workspace.
        </p>
      )}
      <div className="export-buttons">
        {EXPORTS.map((e) => (
          <button
            key={e.kind}
            type="button"
            disabled={blocked || exporting !== null}
            onClick={() => void exportPlan(e.kind, e.label)}
          >
            {e.what}
          </button>
        ))}
        <button type="button" onClick={() => setBranding(true)}>
          Agency branding…
        </button>
      </div>
      {exporting && (
        <div role="status">
          <progress
            aria-label={`Writing ${exporting.label}`}
            max={progress?.total || undefined}
            value={progress?.total ? progress.done : undefined}
          />
          <span className="muted"> Writing {exporting.label}…</span>
        </div>
      )}
      {exported && (
        <div role="status" data-testid="export-result">
          <p>{exported.text}</p>
          <MessageDetails details={exported.details} />
        </div>
      )}
      {branding && <BrandingDialog onClose={() => setBranding(false)} />}
    </section>
  );
}
