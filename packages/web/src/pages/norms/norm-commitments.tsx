import { useCallback } from 'react';
import { Link } from 'react-router';
import { useNormCommitments } from '../../api/norms';
import type { NormCommitment } from '../../api/norms';
import { useDoctrineVersion } from '../../api/doctrines';
import { DataTable } from '../../components/data-table';
import { Badge } from '../../components/badge';
import { Icon } from '../../components/icons';
import { LedgerBadge } from '../../components/ledger-badge';
import { EmptyState, QueryView } from '../../components/states';
import { DateTime } from '../../components/time';
import { ledgerRecordMatches, signedCommitmentDiffers } from '../../lib/doctrine-document';
import type { DecodedLeaf } from '../../lib/ledger';
import { CellBadge, VisibilityBadge } from '../doctrines/doctrine-badges';

/**
 * The ledger entry of the doctrine version a commitment comes from, checked in this browser as
 * on the doctrine page, plus one more check: the signed doctrine holds this very wording.
 */
function CommitmentLedger({ normId, commitment }: { normId: string; commitment: NormCommitment }) {
  const version = useDoctrineVersion(commitment.participant.id, commitment.version);
  const shown = version.data;
  const matches = useCallback(
    (leaf: DecodedLeaf | null) =>
      shown
        ? (ledgerRecordMatches(shown, leaf) ??
          signedCommitmentDiffers(shown.envelope, normId, commitment))
        : 'Not loaded',
    [shown, normId, commitment],
  );
  if (version.isError) {
    return (
      <Badge tone="warning">
        <Icon name="warning" />
        Not checked: the doctrine could not be loaded
      </Badge>
    );
  }
  if (!shown) {
    return (
      <span role="status">
        <Badge tone="neutral">
          <span className="spinner spinner--inline" aria-hidden="true" />
          Loading the doctrine…
        </Badge>
      </span>
    );
  }
  return <LedgerBadge index={shown.ledger.index} matches={matches} />;
}

function CommitmentsTable({ normId, items }: { normId: string; items: NormCommitment[] }) {
  return (
    <DataTable
      labelledBy="norm-commitments-heading"
      head={
        <>
          <th scope="col">Participant</th>
          <th scope="col">Commitment</th>
          <th scope="col">Conditions</th>
          <th scope="col">Doctrine</th>
          <th scope="col">Ledger</th>
        </>
      }
    >
      {items.map((c) => (
        <tr key={c.participant.id}>
          <th scope="row">
            <Link className="cell-primary" to={`/doctrines/${c.participant.id}`}>
              {c.participant.name}
            </Link>
            {c.participant.countryCode ? (
              <span className="cell-sub">{c.participant.countryCode}</span>
            ) : null}
          </th>
          <td className="prose-cell">{c.statement}</td>
          <td className="prose-cell">
            {c.conditions ? (
              <>
                <CellBadge status="conditional" />
                <p className="small">{c.conditions}</p>
              </>
            ) : (
              <span className="muted">None</span>
            )}
          </td>
          <td className="nowrap">
            <Link
              to={`/doctrines/${c.participant.id}/versions/${c.version}`}
              aria-label={`${c.participant.name}, doctrine version ${c.version}`}
            >
              Version {c.version}
            </Link>
            <span className="cell-sub">
              <DateTime value={c.publishedAt} mode="date" />
            </span>
            <VisibilityBadge visibility={c.visibility} />
          </td>
          <td>
            <CommitmentLedger normId={normId} commitment={c} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/**
 * Who committed to this norm and in what words, with conditions, each from the participant's
 * latest doctrine version the reader may see, linked to that version and checked against the
 * ledger.
 */
export function NormCommitments({ normId }: { normId: string }) {
  const commitments = useNormCommitments(normId);
  return (
    <section className="section" aria-labelledby="norm-commitments-heading">
      <div className="section-header">
        <div>
          <h2 id="norm-commitments-heading">Commitments</h2>
          <p>
            What each participant commits to on this norm, in its own words, from its latest
            doctrine you may read.
          </p>
        </div>
        <Link className="btn btn-sm" to="/doctrines/matrix">
          The whole matrix
        </Link>
      </div>
      <QueryView
        query={commitments}
        loadingLabel="Loading commitments…"
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState
            icon="building"
            title="No participant has published a commitment to this norm yet"
            headingLevel={3}
          >
            <p>
              States and regional organisations commit to norms in their doctrines; commitments
              appear here once a doctrine that includes this norm is published.
            </p>
          </EmptyState>
        }
      >
        {({ items }) => {
          const conditional = items.filter((c) => c.conditions).length;
          return (
            <>
              <p className="small">
                {items.length} {items.length === 1 ? 'participant has' : 'participants have'}{' '}
                committed to it
                {conditional > 0 ? `, ${conditional} with conditions` : ''}.
              </p>
              <CommitmentsTable normId={normId} items={items} />
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
