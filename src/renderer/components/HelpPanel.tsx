import { useId, useRef, type ReactNode } from 'react';
import {
  WORKED_EXAMPLE_LABEL,
  glossaryEntry,
  type GlossaryEntry,
  type GlossaryId,
  type GlossaryKind,
} from '../../core/playbook/glossary';
import { explainRuleMeasure, type RuleMeasure } from '../../core/playbook/measure-explanations';
import { HelpProvider, useHelp } from './help-context';
import { useWorkspaceExample } from './use-workspace-example';

const KIND_LABELS: Record<GlossaryKind, string> = {
  strategy: 'Strategy',
  moment: 'Moment',
  channel: 'Channel',
  metric: 'Metric',
  pitfall: 'Pitfall',
  measure: 'Measure',
};

export interface HelpSection {
  title: string;
  topics: GlossaryId[];
}

/** Content with an "Explain this step" toggle (or another label) and, when open, the explanations of what it uses beside it. */
export function WithHelp({
  sections,
  label = 'Explain this step',
  children,
}: {
  sections: HelpSection[];
  label?: string;
  children: ReactNode;
}) {
  return (
    <HelpProvider>
      <HelpLayout sections={sections} label={label}>
        {children}
      </HelpLayout>
    </HelpProvider>
  );
}

function HelpLayout({ sections, label, children }: { sections: HelpSection[]; label: string; children: ReactNode }) {
  const { open, setOpen } = useHelp();
  const panelId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  return (
    <div className={`with-help${open ? ' help-open' : ''}`}>
      <div className="help-toggle-row">
        <button
          ref={toggle}
          type="button"
          className="link help-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide explanations' : label}
        </button>
      </div>
      <div className="help-columns">
        <div className="help-main">{children}</div>
        {open && (
          <HelpPanel
            id={panelId}
            sections={sections}
            onClose={() => {
              setOpen(false);
              toggle.current?.focus();
            }}
          />
        )}
      </div>
    </div>
  );
}

/** The explanations, grouped as the caller names them; Escape closes the panel. */
export function HelpPanel({ id, sections, onClose }: { id: string; sections: HelpSection[]; onClose: () => void }) {
  return (
    <aside
      id={id}
      className="help-panel"
      aria-label="Explanations"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <div className="help-panel-header">
        <h4>Explanations</h4>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </div>
      {sections.map((section) => (
        <section key={section.title} aria-label={section.title}>
          {sections.length > 1 && <h5>{section.title}</h5>}
          {section.topics.map((topic) => {
            const entry = glossaryEntry(topic);
            return entry && <HelpEntry key={topic} entry={entry} />;
          })}
        </section>
      ))}
    </aside>
  );
}

function HelpEntry({ entry }: { entry: GlossaryEntry }) {
  const parts = useWorkedExample(entry);
  return (
    <article className={`help-entry help-${entry.kind}`} data-testid={`help-${entry.id}`}>
      <h6>
        <span className="help-kind">{KIND_LABELS[entry.kind]}:</span> {entry.title}
      </h6>
      <dl>
        {parts.map((part) => (
          <div key={part.label}>
            <dt>{part.label}</dt>
            <dd>{part.text}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

/** A measure's worked example, retold with the workspace's strongest pair once the engine has found one. */
function useWorkedExample(entry: GlossaryEntry): GlossaryEntry['parts'] {
  const example = useWorkspaceExample();
  if (entry.kind !== 'measure' || !example) return entry.parts;
  const measure = entry.id.slice('measure:'.length) as RuleMeasure;
  return entry.parts.map((part) =>
    part.label === WORKED_EXAMPLE_LABEL
      ? {
          label: 'In this workspace’s strongest pair',
          text: explainRuleMeasure(measure, example.counts, example.words),
        }
      : part,
  );
}
