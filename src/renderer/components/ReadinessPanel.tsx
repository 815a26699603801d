import type { ImportKind } from '../../core/import/kinds';
import type { Readiness } from '../../core/analysis/readiness-types';
import { READINESS_LABELS } from '../../core/vocabulary';

/** For each of the three strategies: whether the data is there, the counts behind it, and what would unlock it. */
export function ReadinessPanel({
  readiness,
  onImport,
}: {
  readiness: Readiness | null;
  /** Opens the import, with the kind of file the hint asks for when it names one. */
  onImport: (kind?: ImportKind) => void;
}) {
  return (
    <section aria-labelledby="readiness-heading">
      <h2 id="readiness-heading">Ready for which strategy?</h2>
      {!readiness ? (
        <p className="muted">Checking the data…</p>
      ) : (
        <div className="readiness-grid">
          {readiness.strategies.map((strategy) => (
            <article
              key={strategy.strategy}
              className="readiness-card"
              aria-labelledby={`readiness-${strategy.strategy}`}
              data-testid={`readiness-${strategy.strategy}`}
            >
              <h3 id={`readiness-${strategy.strategy}`}>{strategy.title}</h3>
              <p className={`readiness-status readiness-${strategy.status}`} data-testid="readiness-status">
                {READINESS_LABELS[strategy.status]}
              </p>
              <dl className="readiness-counts">
                {strategy.counts.map((count) => (
                  <div key={count.key} data-testid={`readiness-count-${count.key}`}>
                    <dt>{count.label}</dt>
                    <dd>{count.value.toLocaleString('en')}</dd>
                  </div>
                ))}
              </dl>
              <p className="muted">{strategy.needs}</p>
              {strategy.hint && (
                <>
                  <p data-testid="readiness-hint">
                    <strong>To unlock: </strong>
                    {strategy.hint}
                  </p>
                  <button type="button" onClick={() => onImport(strategy.importKind ?? undefined)}>
                    Import a file…
                  </button>
                </>
              )}
            </article>
          ))}
        </div>
      )}
    </section>
  );
}
