import { explainEvidence } from '../../../../core/playbook/measure-explanations';
import type { Recommendation } from '../../../../core/plan/plan-document';
import { useTooltip } from '../../../components/Tooltip';

/** A proposal's measures told in its own numbers; each measure's name carries what it means in general. */
export function MeasuresExplained({ item }: { item: Recommendation }) {
  if (!item.evidence || !item.anchor) return null;
  const explained = explainEvidence(
    item.evidence,
    item.anchor.label || item.anchor.id,
    item.recommended.label || item.recommended.id,
  );
  if (explained.length === 0) return null;
  return (
    <details className="rec-explained" data-testid="measures-explained">
      <summary>What these numbers say</summary>
      <ul>
        {explained.map((m) => (
          <li key={m.title}>
            <Term title={m.title} meaning={m.meaning} />: {m.sentence}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Term({ title, meaning }: { title: string; meaning: string }) {
  const { trigger, tip } = useTooltip(meaning);
  return (
    <>
      <span className="term" tabIndex={0} {...trigger}>
        {title}
      </span>
      {tip}
    </>
  );
}
