import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@concord/api-client';
import { useDoctrineVersion, useDoctrineVersions } from '../../api/doctrines';
import type { DoctrineSummary, DoctrineVersion } from '../../api/doctrines';
import { useMe } from '../../auth/session';
import { canPublishDoctrine } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import { Badge } from '../../components/badge';
import { Confirmation } from '../../components/notice';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/time';
import { LedgerBadge } from '../../components/ledger-badge';
import { useFlash } from '../../hooks/use-flash';
import { ledgerRecordMatches } from '../../lib/doctrine-document';
import type { DecodedLeaf } from '../../lib/ledger';
import { CellBadge, VisibilityBadge } from './doctrine-badges';
import { SignatureBadge } from './signature-badge';

const breadcrumbs = [{ label: 'Doctrines', to: '/doctrines' }];
/** A doctrine with more versions than this pages them on the versions list. */
const VERSION_LIST_SIZE = 100;

function ItemList({ title, items, empty }: { title: string; items: string[]; empty: string }) {
  const id = `doctrine-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id}>
      <h3 className="subheading" id={id}>
        {title}
      </h3>
      {items.length === 0 ? (
        <p className="muted small">{empty}</p>
      ) : (
        <ul className="doctrine-items">
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Commitments({ version }: { version: DoctrineVersion }) {
  return (
    <section className="section" aria-labelledby="commitments-heading">
      <div className="section-header">
        <div>
          <h2 id="commitments-heading">Commitments</h2>
          <p>The norms {version.participant.name} commits to in this version, in its own words.</p>
        </div>
        <Link className="btn btn-sm" to="/doctrines/matrix">
          Compare in the matrix
        </Link>
      </div>
      {version.commitments.length === 0 ? (
        <EmptyState icon="inbox" title="No commitments in this version" headingLevel={3} />
      ) : (
        <DataTable
          labelledBy="commitments-heading"
          head={
            <>
              <th scope="col">Norm</th>
              <th scope="col">Commitment</th>
              <th scope="col">Conditions</th>
            </>
          }
        >
          {version.commitments.map((c) => (
            <tr key={c.normId}>
              <td>
                <Link className="cell-primary" to={`/norms/${c.normId}`}>
                  {c.normTitle ?? c.normId}
                </Link>
                <span className="cell-sub mono">{c.normId}</span>
              </td>
              <td className="prose-cell">{c.statement}</td>
              <td className="prose-cell">
                <CellBadge status={c.conditions ? 'conditional' : 'committed'} />
                {c.conditions ? <p className="small">{c.conditions}</p> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function VersionList({
  participantId,
  versions,
  current,
}: {
  participantId: string;
  versions: DoctrineSummary[];
  current: number;
}) {
  return (
    <section className="card" aria-labelledby="versions-heading">
      <h2 className="card-title" id="versions-heading">
        Versions
      </h2>
      <ol className="plain-list" reversed>
        {versions.map((v) => (
          <li key={v.id}>
            {v.version === current ? (
              <strong aria-current="page">Version {v.version} (shown)</strong>
            ) : (
              <Link to={`/doctrines/${participantId}/versions/${v.version}`}>
                Version {v.version}
              </Link>
            )}
            <span className="cell-sub">
              <DateTime value={v.publishedAt} mode="date" /> · {v.title}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The page for one version. A function, not a component, so that its PageHeader is the same
 * element as the loading state's and keeps the focus AppShell gave it (see recordPageFallback).
 */
function doctrineView({
  version: v,
  versions,
  own,
  flash,
  dismissFlash,
  matches,
}: {
  version: DoctrineVersion;
  versions: DoctrineSummary[];
  own: boolean;
  flash: string | null;
  dismissFlash: () => void;
  matches: (leaf: DecodedLeaf | null) => string | null;
}) {
  const latest = versions[0]?.version ?? v.version;
  return (
    <>
      <PageHeader
        title={v.title}
        documentTitle={`${v.participant.name}: ${v.title} (version ${v.version})`}
        breadcrumbs={breadcrumbs}
        meta={
          <>
            <Badge tone="neutral">Version {v.version}</Badge>
            <VisibilityBadge visibility={v.visibility} />
            {v.version === latest ? (
              <Badge tone="success">Latest</Badge>
            ) : (
              <Badge tone="warning">Superseded by version {latest}</Badge>
            )}
          </>
        }
        description={
          <>
            The doctrine of {v.participant.name}, published <DateTime value={v.publishedAt} />.
          </>
        }
        actions={
          <>
            {v.previousVersion !== null ? (
              <Link
                className="btn"
                to={`/doctrines/${v.participant.id}/compare?from=${v.previousVersion}&to=${v.version}`}
              >
                Compare with version {v.previousVersion}
              </Link>
            ) : null}
            {own ? (
              <Link className="btn btn-primary" to="/doctrines/publish">
                Publish a new version
              </Link>
            ) : null}
          </>
        }
      />
      <Confirmation message={flash} onDismiss={dismissFlash} />
      <div className="two-col">
        <section className="card" aria-labelledby="doctrine-heading">
          <h2 className="card-title" id="doctrine-heading">
            Summary
          </h2>
          <p className="norm-text">{v.summary}</p>
          <ItemList title="Red lines" items={v.redLines} empty="None stated." />
          <ItemList title="Thresholds" items={v.thresholds} empty="None stated." />
          <ItemList title="Legitimate defence" items={v.permissibleDefence} empty="None stated." />
        </section>
        <div className="stack">
          <section className="card" aria-labelledby="record-heading">
            <h2 className="card-title" id="record-heading">
              On the record
            </h2>
            <ul className="badge-stack">
              <li>
                <LedgerBadge index={v.ledger.index} matches={matches} />
              </li>
              <li>
                <SignatureBadge version={v} />
              </li>
            </ul>
            <p className="small muted">
              {v.ledger.kind === 'statement'
                ? 'A public version: the ledger holds the signed statement itself.'
                : 'A community version: the public ledger holds only a salted commitment to it, which this browser opens with the salt members are given.'}
            </p>
            <dl className="details details--stacked">
              <dt>Signing key</dt>
              <dd className="mono">{v.keyId}</dd>
            </dl>
          </section>
          <VersionList participantId={v.participant.id} versions={versions} current={v.version} />
        </div>
      </div>
      <Commitments version={v} />
    </>
  );
}

/** A participant's doctrine: the latest version, or the one the address names. */
export function DoctrinePage() {
  const { participantId = '', version: param } = useParams();
  const versions = useDoctrineVersions(participantId, { limit: VERSION_LIST_SIZE });
  const requested =
    param === undefined ? null : /^[1-9][0-9]{0,5}$/.test(param) ? Number(param) : -1;
  const number = requested ?? versions.data?.items[0]?.version ?? null;
  const version = useDoctrineVersion(participantId, number !== null && number > 0 ? number : null);
  const me = useMe();
  const [flash, dismissFlash] = useFlash();
  const shown = version.data;
  const matches = useCallback(
    (leaf: DecodedLeaf | null) => (shown ? ledgerRecordMatches(shown, leaf) : 'Not loaded'),
    [shown],
  );

  const notFound =
    requested === -1 ||
    (versions.isSuccess && versions.data.items.length === 0) ||
    (version.isError && isApiError(version.error) && version.error.status === 404);
  if (notFound) {
    return (
      <>
        <PageHeader title="Doctrine not found" breadcrumbs={breadcrumbs} />
        <EmptyState
          icon="search"
          title={param ? `There is no version ${param} you can read` : 'No doctrine you can read'}
          action={
            <Link className="btn" to="/doctrines">
              All doctrines
            </Link>
          }
        >
          <p>The participant has not published it, or it is not visible to you.</p>
        </EmptyState>
      </>
    );
  }
  if (versions.isError || version.isError) {
    return (
      <>
        <PageHeader title="Doctrine" breadcrumbs={breadcrumbs} />
        <ErrorState
          error={versions.error ?? version.error}
          onRetry={() => {
            void versions.refetch();
            void version.refetch();
          }}
        />
      </>
    );
  }
  if (!versions.isSuccess || !version.isSuccess) {
    return (
      <>
        <PageHeader title="Doctrine" breadcrumbs={breadcrumbs} />
        <Loading label="Loading the doctrine…" />
      </>
    );
  }
  return doctrineView({
    version: version.data,
    versions: versions.data.items,
    own: me.participant.id === version.data.participant.id && canPublishDoctrine(me),
    flash,
    dismissFlash,
    matches,
  });
}
