import { Link, useParams } from 'react-router';
import { pillarLabel, sectorLabel, useNorm, useNormVocabulary } from '../../api/norms';
import type { NormDetail, NormVersion, NormVocabulary } from '../../api/norms';
import { termName, useAllTerms } from '../../api/glossary';
import { PageHeader } from '../../components/page-header';
import { recordPageFallback } from '../../components/record-page-fallback';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/states';
import { LedgerBadge } from '../../components/ledger-badge';
import { DateTime } from '../../components/time';
import { Icon } from '../../components/icons';
import { Badge } from '../../components/badge';
import { CategoryBadge, NormStatusBadge } from './norm-badges';
import { AmendmentsTable } from './amendments-table';
import { NormCommitments } from './norm-commitments';

const breadcrumbs = [{ label: 'Norms', to: '/norms' }];

/** A version without a ledger entry: adopted ones are on their way, others never will be. */
export const pendingLabel = (status: string): string =>
  status === 'adopted' || status === 'retired' ? 'Waiting to be logged' : 'Not adopted';

/** Pillar, sectors and glossary terms of a version, as a description list. */
export function VersionFacts({
  version,
  vocabulary,
}: {
  version: NormVersion;
  vocabulary: NormVocabulary | undefined;
}) {
  const terms = useAllTerms();
  return (
    <dl className="details">
      <dt>Category</dt>
      <dd>
        <CategoryBadge category={version.category} vocabulary={vocabulary} />
      </dd>
      <dt>Pillar</dt>
      <dd>{pillarLabel(vocabulary, version.pillar)}</dd>
      <dt>Sectors</dt>
      <dd>
        {version.sectors.length === 0
          ? 'Every sector'
          : version.sectors.map(sectorLabel).join(', ')}
      </dd>
      <dt>Defined terms</dt>
      <dd>
        {version.termIds.length === 0 ? (
          <span className="muted">None</span>
        ) : (
          <ul className="inline-list">
            {version.termIds.map((id) => (
              <li key={id}>
                <Link to={`/glossary/${id}`}>{termName(terms.data, id)}</Link>
              </li>
            ))}
          </ul>
        )}
      </dd>
      <dt>Adopted</dt>
      <dd>
        <DateTime value={version.createdAt} />
        {version.amendmentId ? (
          <>
            {' '}
            by <Link to={`/norms/amendments/${version.amendmentId}`}>amendment</Link>
          </>
        ) : null}
      </dd>
    </dl>
  );
}

function VersionHistory({ norm }: { norm: NormDetail }) {
  const versions = [...norm.versions].sort((a, b) => b.version - a.version);
  return (
    <section className="section" aria-labelledby="versions-heading">
      <div className="section-header">
        <div>
          <h2 id="versions-heading">Version history</h2>
          <p>Every version stays on record; each adoption is a statement in the ledger.</p>
        </div>
      </div>
      <DataTable
        labelledBy="versions-heading"
        head={
          <>
            <th scope="col" className="num">
              Version
            </th>
            <th scope="col">Title</th>
            <th scope="col">Adopted</th>
            <th scope="col">Ledger</th>
          </>
        }
      >
        {versions.map((version) => (
          <tr key={version.version}>
            <td className="num">
              <Link
                to={`/norms/${norm.id}/versions/${version.version}`}
                aria-label={`Version ${version.version}`}
              >
                {version.version}
              </Link>
              {version.version === norm.currentVersion ? (
                <span className="cell-sub">current</span>
              ) : null}
            </td>
            <td>{version.title}</td>
            <td className="nowrap">
              <DateTime value={version.createdAt} mode="date" />
            </td>
            <td>
              <LedgerBadge index={version.ledgerIndex} pendingLabel={pendingLabel(norm.status)} />
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** A norm: its current text, its history, the amendments to it and who committed to it. */
export function NormPage() {
  const { normId = '' } = useParams();
  const norm = useNorm(normId);
  const vocabulary = useNormVocabulary();

  if (!norm.isSuccess) {
    return recordPageFallback(norm, { title: 'Norm', breadcrumbs, loadingLabel: 'Loading norm…' });
  }
  const n = norm.data;
  const open = n.amendments.filter((a) => a.status === 'open').length;
  const amendable = n.status === 'adopted';
  return (
    <>
      <PageHeader
        title={n.current.title}
        breadcrumbs={breadcrumbs}
        meta={
          <>
            <Badge tone="neutral">
              <span className="mono">{n.id}</span>
            </Badge>
            <CategoryBadge category={n.current.category} vocabulary={vocabulary.data} />
            <NormStatusBadge status={n.status} />
            <Badge tone="neutral">Version {n.currentVersion}</Badge>
          </>
        }
        description={n.source ?? undefined}
        actions={
          amendable ? (
            <>
              <Link
                className="btn btn-primary"
                to={`/norms/amendments/new?kind=change&normId=${encodeURIComponent(n.id)}`}
              >
                Propose a change
              </Link>
              <Link
                className="btn"
                to={`/norms/amendments/new?kind=retire&normId=${encodeURIComponent(n.id)}`}
              >
                Propose retirement
              </Link>
            </>
          ) : null
        }
      />
      <div className="two-col">
        <section className="card" aria-labelledby="text-heading">
          <div className="card-heading">
            <h2 id="text-heading">The norm</h2>
            <LedgerBadge index={n.current.ledgerIndex} pendingLabel={pendingLabel(n.status)} />
          </div>
          <p className="norm-text">{n.current.text}</p>
        </section>
        <section className="card" aria-labelledby="facts-heading">
          <h2 className="card-title" id="facts-heading">
            About this version
          </h2>
          <VersionFacts version={n.current} vocabulary={vocabulary.data} />
        </section>
      </div>

      <section className="section" aria-labelledby="amendments-heading">
        <div className="section-header">
          <div>
            <h2 id="amendments-heading">Amendments</h2>
            {n.amendments.length > 0 ? (
              <p>
                {open === 0
                  ? 'None is open at the moment.'
                  : `${open} ${open === 1 ? 'amendment is' : 'amendments are'} open for comment and endorsement.`}
              </p>
            ) : null}
          </div>
          {amendable ? (
            <Link
              className="btn btn-sm"
              to={`/norms/amendments/new?kind=change&normId=${encodeURIComponent(n.id)}`}
            >
              <Icon name="plus" />
              Propose a change
            </Link>
          ) : null}
        </div>
        {n.amendments.length === 0 ? (
          <EmptyState icon="inbox" title="No amendments yet" headingLevel={3}>
            <p>Proposals to change or retire this norm will be listed here.</p>
          </EmptyState>
        ) : (
          <AmendmentsTable
            amendments={n.amendments}
            labelledBy="amendments-heading"
            showNorm={false}
          />
        )}
      </section>

      <NormCommitments normId={n.id} />
      <VersionHistory norm={n} />
    </>
  );
}
