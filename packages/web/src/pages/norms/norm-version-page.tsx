import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import {
  categoryLabel,
  pillarLabel,
  sectorLabel,
  useNorm,
  useNormVocabulary,
} from '../../api/norms';
import type { NormVersion, NormVocabulary } from '../../api/norms';
import { termName, useAllTerms } from '../../api/glossary';
import { PageHeader } from '../../components/page-header';
import { recordPageFallback } from '../../components/record-page-fallback';
import { EmptyState } from '../../components/states';
import { LedgerBadge } from '../../components/ledger-badge';
import { Badge } from '../../components/badge';
import { DiffLegend, DiffText, ListChanges } from '../../components/diff-text';
import { listDiff, wordDiff } from '../../lib/word-diff';
import { pendingLabel, VersionFacts } from './norm-page';

/** What changed from one version of a norm to the next. */
function VersionChanges({
  before,
  after,
  vocabulary,
}: {
  before: NormVersion;
  after: NormVersion;
  vocabulary: NormVocabulary | undefined;
}) {
  const terms = useAllTerms();
  const title = useMemo(() => wordDiff(before.title, after.title), [before, after]);
  const text = useMemo(() => wordDiff(before.text, after.text), [before, after]);
  const sectors = listDiff(before.sectors, after.sectors);
  const termIds = listDiff(before.termIds, after.termIds);
  return (
    <section className="card section" aria-labelledby="changes-heading">
      <h2 className="card-title" id="changes-heading">
        Changes from version {before.version}
      </h2>
      <DiffLegend />
      <h3 className="subheading">Title</h3>
      <DiffText parts={title} />
      <h3 className="subheading">Text</h3>
      <DiffText parts={text} className="norm-text" />
      {before.category !== after.category ? (
        <p>
          <strong>Category:</strong>{' '}
          <del className="diff-del">{categoryLabel(vocabulary, before.category)}</del> →{' '}
          <ins className="diff-ins">{categoryLabel(vocabulary, after.category)}</ins>
        </p>
      ) : null}
      {before.pillar !== after.pillar ? (
        <p>
          <strong>Pillar:</strong>{' '}
          <del className="diff-del">{pillarLabel(vocabulary, before.pillar)}</del> →{' '}
          <ins className="diff-ins">{pillarLabel(vocabulary, after.pillar)}</ins>
        </p>
      ) : null}
      <ListChanges label="Sectors" {...sectors} format={sectorLabel} />
      <ListChanges label="Defined terms" {...termIds} format={(id) => termName(terms.data, id)} />
    </section>
  );
}

/** One version of a norm as adopted, with its ledger entry and what it changed. */
export function NormVersionPage() {
  const { normId = '', version: param = '' } = useParams();
  const norm = useNorm(normId);
  const vocabulary = useNormVocabulary();
  const number = /^[1-9][0-9]{0,5}$/.test(param) ? Number(param) : null;
  const breadcrumbs = [
    { label: 'Norms', to: '/norms' },
    { label: normId, to: `/norms/${normId}` },
  ];

  if (!norm.isSuccess) {
    return recordPageFallback(norm, {
      title: `Version ${param}`,
      breadcrumbs,
      loadingLabel: 'Loading the version…',
    });
  }
  const n = norm.data;
  const version = n.versions.find((v) => v.version === number);
  if (!version) {
    return (
      <>
        <PageHeader title={`Version ${param}`} breadcrumbs={breadcrumbs} />
        <EmptyState
          icon="search"
          title={`${n.id} has no version ${param}`}
          action={
            <Link className="btn" to={`/norms/${n.id}`}>
              Back to the norm
            </Link>
          }
        >
          <p>
            It has {n.versions.length} {n.versions.length === 1 ? 'version' : 'versions'}, numbered
            from 1.
          </p>
        </EmptyState>
      </>
    );
  }
  const previous = n.versions.find((v) => v.version === version.version - 1);
  const next = n.versions.find((v) => v.version === version.version + 1);
  return (
    <>
      <PageHeader
        title={`${version.title} (version ${version.version})`}
        documentTitle={`${n.id} version ${version.version}`}
        breadcrumbs={breadcrumbs}
        meta={
          <>
            <Badge tone="neutral">
              <span className="mono">{n.id}</span>
            </Badge>
            {version.version === n.currentVersion ? (
              <Badge tone="success">Current version</Badge>
            ) : (
              <Badge tone="warning">Superseded</Badge>
            )}
          </>
        }
      />
      <nav className="button-row" aria-label="Versions">
        {previous ? (
          <Link className="btn btn-sm" to={`/norms/${n.id}/versions/${previous.version}`}>
            Version {previous.version}
          </Link>
        ) : null}
        {next ? (
          <Link className="btn btn-sm" to={`/norms/${n.id}/versions/${next.version}`}>
            Version {next.version}
          </Link>
        ) : null}
        {version.version !== n.currentVersion ? (
          <Link className="btn btn-sm" to={`/norms/${n.id}`}>
            Current version
          </Link>
        ) : null}
      </nav>
      <div className="two-col">
        <section className="card" aria-labelledby="text-heading">
          <div className="card-heading">
            <h2 id="text-heading">Text of version {version.version}</h2>
            <LedgerBadge index={version.ledgerIndex} pendingLabel={pendingLabel(n.status)} />
          </div>
          <p className="norm-text">{version.text}</p>
        </section>
        <section className="card" aria-labelledby="facts-heading">
          <h2 className="card-title" id="facts-heading">
            About this version
          </h2>
          <VersionFacts version={version} vocabulary={vocabulary.data} />
        </section>
      </div>
      {previous ? (
        <VersionChanges before={previous} after={version} vocabulary={vocabulary.data} />
      ) : null}
    </>
  );
}
