import type { Amendment, NormVocabulary } from '../../api/norms';
import { categoryLabel, pillarLabel, sectorLabel } from '../../api/norms';
import { termName, useAllTerms } from '../../api/glossary';
import { DiffLegend, DiffText, ListChanges } from '../../components/diff-text';
import { diffStats } from '../../lib/word-diff';

/**
 * What an amendment would do to the catalogue, marked up against the version it was written
 * for (for a new norm, everything is inserted; for a retirement, the text that would go).
 */
export function AmendmentDiff({
  amendment: a,
  vocabulary,
}: {
  amendment: Amendment;
  vocabulary: NormVocabulary | undefined;
}) {
  const terms = useAllTerms();
  const { diff } = a;
  if (a.kind === 'retire') {
    return (
      <>
        <p>
          Version {a.baseVersion} of the norm would be retired: it would no longer be in force, and
          stay on record.
        </p>
        <h3 className="subheading">{a.title}</h3>
        <p className="norm-text">{a.text}</p>
      </>
    );
  }
  const stats = diffStats(diff.text);
  return (
    <>
      {a.kind === 'change' ? (
        <p className="small muted">
          Against version {a.baseVersion}: {stats.inserted}{' '}
          {stats.inserted === 1 ? 'word' : 'words'} inserted, {stats.deleted}{' '}
          {stats.deleted === 1 ? 'word' : 'words'} deleted.
        </p>
      ) : null}
      <DiffLegend />
      <h3 className="subheading">Title</h3>
      <DiffText parts={diff.title} />
      <h3 className="subheading">Text</h3>
      <DiffText parts={diff.text} className="norm-text" />
      {a.kind === 'new' ? (
        <dl className="details">
          <dt>Category</dt>
          <dd>{categoryLabel(vocabulary, a.category)}</dd>
          <dt>Pillar</dt>
          <dd>{pillarLabel(vocabulary, a.pillar)}</dd>
          <dt>Sectors</dt>
          <dd>{a.sectors.length === 0 ? 'Every sector' : a.sectors.map(sectorLabel).join(', ')}</dd>
          <dt>Defined terms</dt>
          <dd>
            {a.termIds.length === 0
              ? 'None'
              : a.termIds.map((id) => termName(terms.data, id)).join(', ')}
          </dd>
        </dl>
      ) : (
        <>
          {diff.category ? (
            <p>
              <strong>Category:</strong>{' '}
              <del className="diff-del">{categoryLabel(vocabulary, diff.category.from)}</del> →{' '}
              <ins className="diff-ins">{categoryLabel(vocabulary, diff.category.to)}</ins>
            </p>
          ) : null}
          {diff.pillar ? (
            <p>
              <strong>Pillar:</strong>{' '}
              <del className="diff-del">{pillarLabel(vocabulary, diff.pillar.from)}</del> →{' '}
              <ins className="diff-ins">{pillarLabel(vocabulary, diff.pillar.to)}</ins>
            </p>
          ) : null}
          <ListChanges label="Sectors" {...diff.sectors} format={sectorLabel} />
          <ListChanges
            label="Defined terms"
            {...diff.termIds}
            format={(id) => termName(terms.data, id)}
          />
        </>
      )}
    </>
  );
}
