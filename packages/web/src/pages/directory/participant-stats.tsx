import { formatDuration, percent } from '../../api/directory';
import type { PingRoundDetail, PingStats } from '../../api/directory';
import { DataTable } from '../../components/data-table';

type ParticipantRow = PingStats['participants'][number] | PingRoundDetail['participants'][number];

/** "Per participant": pings, answer rates and misses, for one round or over many. */
export function ParticipantStats({
  headingId,
  rateLabel,
  participants,
}: {
  headingId: string;
  /** Heading of the response-rate column. */
  rateLabel: string;
  participants: readonly ParticipantRow[];
}) {
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>Per participant</h2>
      <DataTable
        labelledBy={headingId}
        head={
          <>
            <th scope="col">Participant</th>
            <th scope="col" className="num">
              Pings
            </th>
            <th scope="col" className="num">
              {rateLabel}
            </th>
            <th scope="col" className="num">
              On time
            </th>
            <th scope="col" className="num">
              Median response
            </th>
            <th scope="col" className="num">
              Overdue
            </th>
            <th scope="col" className="num">
              Missed
            </th>
          </>
        }
      >
        {participants.map((p) => (
          <tr key={p.participant.id}>
            <th scope="row">{p.participant.name}</th>
            <td className="num">{p.tasks}</td>
            <td className="num">{percent(p.responseRate)}</td>
            <td className="num">{percent(p.onTimeRate)}</td>
            <td className="num">{formatDuration(p.medianResponseSeconds)}</td>
            <td className="num">{p.overdue > 0 ? <strong>{p.overdue}</strong> : 0}</td>
            <td className="num">{p.missed}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
