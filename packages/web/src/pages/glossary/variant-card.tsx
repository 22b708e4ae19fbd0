import { useId, useState } from 'react';
import type { Variant } from '../../api/glossary';
import { Badge } from '../../components/badge';
import { DiffText } from '../../components/diff-text';
import { DateTime } from '../../components/time';
import { ALIGNMENT_LABELS, DivergenceBadge, Similarity } from './similarity';

/**
 * One participant's own definition: its words, source, declared alignment, similarity to the
 * harmonised text and, on demand, the word diff from the harmonised definition to it.
 */
export function VariantCard({ variant: v, mine = false }: { variant: Variant; mine?: boolean }) {
  const [showDiff, setShowDiff] = useState(false);
  const headingId = useId();
  return (
    <article
      className={v.diverging ? 'card variant-card variant-card--diverging' : 'card variant-card'}
      aria-labelledby={headingId}
    >
      <div className="card-heading">
        <h3 id={headingId}>
          {v.participant.name}
          {v.participant.countryCode ? (
            <span className="muted"> ({v.participant.countryCode})</span>
          ) : null}
        </h3>
        {mine ? <Badge tone="info">Yours</Badge> : null}
      </div>
      <div className="badge-list">
        <DivergenceBadge variant={v} />
        <Badge tone="neutral">{ALIGNMENT_LABELS[v.aligned]}</Badge>
      </div>
      <Similarity value={v.similarity} />
      {showDiff ? (
        <>
          <p className="small muted">Changes from the harmonised definition:</p>
          <DiffText parts={v.diff} className="variant-text" />
        </>
      ) : (
        <p className="variant-text">{v.definition}</p>
      )}
      <p className="small">
        <button
          type="button"
          className="btn btn-link"
          aria-pressed={showDiff}
          onClick={() => setShowDiff((shown) => !shown)}
        >
          {showDiff ? 'Show the definition as written' : 'Show changes from the harmonised text'}
        </button>
      </p>
      <p className="small muted">
        Source:{' '}
        {v.sourceUrl ? (
          <a href={v.sourceUrl} rel="noopener noreferrer" target="_blank">
            {v.source}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        ) : (
          v.source
        )}
        {' · '}updated <DateTime value={v.updatedAt} mode="date" />
      </p>
    </article>
  );
}
