import { Link } from 'react-router';
import type { Norm, NormVocabulary } from '../../api/norms';
import { pillarLabel, sectorLabel } from '../../api/norms';
import { CategoryBadge, NormStatusBadge } from './norm-badges';

/** One norm in the catalogue: its title (the link), identifier, kind, status and text. */
export function NormCard({
  norm,
  vocabulary,
}: {
  norm: Norm;
  vocabulary: NormVocabulary | undefined;
}) {
  const { current } = norm;
  return (
    <article className="norm-card" aria-labelledby={`norm-${norm.id}-title`}>
      <div className="norm-card-head">
        <h2 className="norm-card-title" id={`norm-${norm.id}-title`}>
          <Link to={`/norms/${norm.id}`}>{current.title}</Link>
        </h2>
        <span className="norm-id mono">{norm.id}</span>
      </div>
      <div className="badge-list">
        <CategoryBadge category={current.category} vocabulary={vocabulary} />
        {norm.status !== 'adopted' ? <NormStatusBadge status={norm.status} /> : null}
      </div>
      <p className="norm-card-text">{current.text}</p>
      <p className="norm-card-meta small muted">
        {pillarLabel(vocabulary, current.pillar)} ·{' '}
        {current.sectors.length === 0
          ? 'Every sector'
          : current.sectors.map(sectorLabel).join(', ')}{' '}
        · Version {norm.currentVersion}
        {norm.source ? ` · ${norm.source}` : ''}
      </p>
    </article>
  );
}
