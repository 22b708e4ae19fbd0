import { Link } from 'react-router';
import type { AmendmentSummary } from '../../api/norms';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/time';
import { AMENDMENT_KIND_LABELS, AmendmentStatusBadge } from './norm-badges';

/** Amendments as a table: what they propose, by whom, how far they got. */
export function AmendmentsTable({
  amendments,
  labelledBy,
  caption,
  showNorm = true,
}: {
  amendments: readonly AmendmentSummary[];
  labelledBy: string;
  caption?: string;
  showNorm?: boolean;
}) {
  return (
    <DataTable
      labelledBy={labelledBy}
      caption={caption}
      head={
        <>
          <th scope="col">Amendment</th>
          {showNorm ? <th scope="col">Norm</th> : null}
          <th scope="col">Proposed by</th>
          <th scope="col" className="num">
            Endorsements
          </th>
          <th scope="col" className="num">
            Comments
          </th>
          <th scope="col">Status</th>
          <th scope="col">Proposed</th>
        </>
      }
    >
      {amendments.map((a) => (
        <tr key={a.id}>
          <td>
            <Link className="cell-primary" to={`/norms/amendments/${a.id}`}>
              {a.title}
            </Link>
            <span className="cell-sub">
              {AMENDMENT_KIND_LABELS[a.kind]}
              {a.baseVersion !== null ? ` of version ${a.baseVersion}` : ''}
            </span>
          </td>
          {showNorm ? (
            <td>
              <Link className="mono" to={`/norms/${a.normId}`}>
                {a.normId}
              </Link>
            </td>
          ) : null}
          <td>{a.proposedBy.name}</td>
          <td className="num">{a.endorsements}</td>
          <td className="num">{a.comments}</td>
          <td>
            <AmendmentStatusBadge status={a.status} />
          </td>
          <td className="nowrap">
            <DateTime value={a.createdAt} mode="date" />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
