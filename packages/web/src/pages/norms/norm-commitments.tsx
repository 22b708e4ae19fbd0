import { Link } from 'react-router';
import { useCommitmentsMatrix } from '../../api/doctrines';
import { DataTable } from '../../components/data-table';
import { EmptyState, QueryView } from '../../components/states';
import { CellBadge } from '../doctrines/doctrine-badges';

/**
 * Every state and regional organisation and where it stands on this norm, from its latest
 * doctrine the reader may see: committed, committed with conditions, or no statement.
 */
export function NormCommitments({ normId }: { normId: string }) {
  const matrix = useCommitmentsMatrix({ normId });
  return (
    <section className="section" aria-labelledby="norm-commitments-heading">
      <div className="section-header">
        <div>
          <h2 id="norm-commitments-heading">Commitments</h2>
          <p>Where each participant stands on this norm, from its latest doctrine.</p>
        </div>
        <Link className="btn btn-sm" to="/doctrines/matrix">
          The whole matrix
        </Link>
      </div>
      <QueryView
        query={matrix}
        loadingLabel="Loading commitments…"
        isEmpty={(m) => m.participants.length === 0}
        empty={
          <EmptyState icon="building" title="No states or organisations yet" headingLevel={3}>
            <p>Commitments appear here once doctrines are published.</p>
          </EmptyState>
        }
      >
        {(m) => {
          const cells = m.rows[0]?.cells ?? [];
          const status = (id: string) =>
            cells.find((c) => c.participantId === id)?.status ?? 'none';
          const committed = cells.filter((c) => c.status !== 'none').length;
          return (
            <>
              <p className="small">
                {committed} of {m.participants.length}{' '}
                {m.participants.length === 1 ? 'participant has' : 'participants have'} committed to
                it.
              </p>
              <DataTable
                labelledBy="norm-commitments-heading"
                head={
                  <>
                    <th scope="col">Participant</th>
                    <th scope="col">Standing</th>
                    <th scope="col">Doctrine</th>
                  </>
                }
              >
                {m.participants.map((p) => (
                  <tr key={p.id}>
                    <td>
                      {p.name}
                      {p.countryCode ? <span className="muted"> ({p.countryCode})</span> : null}
                    </td>
                    <td>
                      <CellBadge status={status(p.id)} />
                    </td>
                    <td>
                      {p.version === null ? (
                        <span className="muted">None published</span>
                      ) : (
                        <Link to={`/doctrines/${p.id}/versions/${p.version}`}>
                          Version {p.version}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
