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

/** For the secretariat's administrators: the size and shape of the community, and what changed. */
export function PlatformAdminHome() {
  const participants = useAllParticipants();
  const meta = useMeta();

  let community;
  if (participants.isPending) {
    community = <Loading label="Counting participants…" />;
  } else if (participants.isError) {
    community = <ErrorState error={participants.error} />;
  } else {
    const all = participants.data;
    const users = all.reduce((sum, p) => sum + p.userCount, 0);
    const suspended = all.filter((p) => p.status === 'suspended').length;
    const byKind = countByKind(all);
    const largest = byKind[0]?.[1] ?? 1;
    community = (
      <div className="card-grid">
        <section className="card" aria-labelledby="participants-stat">
          <h2 className="card-title" id="participants-stat">
            Participants
          </h2>
          <p className="stat">{all.length}</p>
          <p className="stat-label">
            {suspended > 0 ? `${suspended} suspended` : 'All active'}
          </p>
          <ul className="bar-list" aria-label="Participants by kind">
            {byKind.map(([kind, count]) => (
              <li key={kind}>
                <span>{kindLabel(meta.data, kind)}</span>
                <span>{count}</span>
                <span className="bar" aria-hidden="true">
                  <span style={{ width: `${(count / largest) * 100}%` }} />
                </span>
              </li>
            ))}
          </ul>
          <div className="card-footer">
            <Link to="/admin/participants">Manage participants</Link>
          </div>
        </section>
        <section className="card" aria-labelledby="users-stat">
          <h2 className="card-title" id="users-stat">
            Users
          </h2>
          <p className="stat">{users}</p>
          <p className="stat-label">
            accounts across {all.length} {all.length === 1 ? 'participant' : 'participants'}
          </p>
          <div className="card-footer">
            <Link to="/admin/users">Manage users</Link> · <Link to="/admin/users/new">Add a user</Link>
          </div>
        </section>
      </div>
    );
  }

  return (
    <>
      {community}
      <div className="card-grid card-grid-wide">
        <RecentActivityCard />
        <AccountCard linkToParticipant />
      </div>
    </>
  );
}
