import { Link } from 'react-router';
import type { Participant, ParticipantKind } from '@concord/api-client';
import { useAllParticipants } from '../../api/participants';
import { kindLabel, useMeta } from '../../api/meta';
import { ErrorState, Loading } from '../../components/states';
import { AccountCard } from './participant-card';
import { RecentActivityCard } from './recent-activity';

function countByKind(participants: readonly Participant[]): [ParticipantKind, number][] {
  const counts = new Map<ParticipantKind, number>();
  for (const p of participants) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

function StatCard({
  id,
  title,
  value,
  caption,
  to,
}: {
  id: string;
  title: string;
  value: number;
  caption: string;
  to: string;
}) {
  return (
    <section className="card stat-card" aria-labelledby={id}>
      <h2 className="card-title" id={id}>
        <Link to={to}>{title}</Link>
      </h2>
      <p className="stat">{value}</p>
      <p className="stat-label">{caption}</p>
    </section>
  );
}

/** For the secretariat's administrators: the size and shape of the community, and what changed. */
export function PlatformAdminHome() {
  const participants = useAllParticipants();
  const meta = useMeta();

  if (participants.isPending) return <Loading label="Counting participants…" />;
  if (participants.isError) {
    return <ErrorState error={participants.error} onRetry={() => void participants.refetch()} />;
  }

  const all = participants.data;
  const users = all.reduce((sum, p) => sum + p.userCount, 0);
  const suspended = all.filter((p) => p.status === 'suspended').length;
  const states = all.filter((p) => p.kind === 'state').length;
  const byKind = countByKind(all);
  const largest = byKind[0]?.[1] ?? 1;

  return (
    <>
      <div className="stat-grid">
        <StatCard
          id="stat-participants"
          title="Participants"
          value={all.length}
          caption={suspended > 0 ? `${suspended} suspended` : 'All active'}
          to="/admin/participants"
        />
        <StatCard
          id="stat-states"
          title="States"
          value={states}
          caption={states === 1 ? 'state takes part' : 'states take part'}
          to="/admin/participants?kind=state"
        />
        <StatCard
          id="stat-users"
          title="Users"
          value={users}
          caption={`across ${all.length} ${all.length === 1 ? 'participant' : 'participants'}`}
          to="/admin/users"
        />
      </div>
      <div className="card-grid card-grid-wide">
        <section className="card" aria-labelledby="kinds-title">
          <h2 className="card-title" id="kinds-title">
            Participants by kind
          </h2>
          <ul className="bar-list">
            {byKind.map(([kind, count]) => (
              <li key={kind}>
                <Link to={`/admin/participants?kind=${kind}`}>{kindLabel(meta.data, kind)}</Link>
                <span>{count}</span>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${(count / largest) * 100}%` }} />
                </span>
              </li>
            ))}
          </ul>
        </section>
        <RecentActivityCard />
      </div>
      <AccountCard linkToParticipant />
    </>
  );
}
