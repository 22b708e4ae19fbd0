import { Link } from 'react-router';
import { useMe } from '../../auth/session';
import { useUsers } from '../../api/users';
import { useParticipantKeys } from '../../api/participants';
import { roleLabel, useMeta } from '../../api/meta';
import { StatusBadge } from '../../components/badge';
import { Notice } from '../../components/notice';
import { QueryView, noItems } from '../../components/states';
import { AccountCard } from './participant-card';
import { RecentActivityCard } from './recent-activity';

const USERS_SHOWN = 6;

/** For a participant's own administrators: their people and their signing keys. */
export function ParticipantAdminHome() {
  const me = useMe();
  const meta = useMeta();
  const participantId = me.participant.id;
  const users = useUsers({ participantId, limit: USERS_SHOWN });
  const keys = useParticipantKeys(participantId);
  const activeKeys = keys.data?.items.filter((key) => key.status === 'active') ?? [];

  return (
    <>
      {keys.isSuccess && activeKeys.length === 0 ? (
        <Notice tone="warning" title="No active signing key">
          Statements from {me.participant.name} cannot be signed until an Ed25519 public key is
          registered. <Link to={`/admin/participants/${participantId}#keys`}>Register a key</Link>
        </Notice>
      ) : null}
      <div className="card-grid card-grid-wide">
        <section className="card" aria-labelledby="team-card-title">
          <h2 className="card-title" id="team-card-title">
            People at {me.participant.name}
          </h2>
          <QueryView
            query={users}
            loadingLabel="Loading users…"
            retry={false}
            isEmpty={noItems}
            empty={<p className="muted small">No users yet.</p>}
          >
            {(data) => (
              <ul className="plain-list">
                {data.items.map((user) => (
                  <li key={user.id}>
                    <Link to={`/admin/users/${user.id}`}>{user.displayName}</Link>{' '}
                    {user.status !== 'active' ? <StatusBadge status={user.status} /> : null}
                    <span className="cell-sub">
                      {user.roles.map((role) => roleLabel(meta.data, role)).join(', ') ||
                        'No roles'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </QueryView>
          <div className="card-footer">
            <Link to={`/admin/users?participantId=${participantId}`}>All users</Link> ·{' '}
            <Link to={`/admin/users/new?participantId=${participantId}`}>Add a user</Link>
          </div>
        </section>
        <section className="card" aria-labelledby="keys-card-title">
          <h2 className="card-title" id="keys-card-title">
            Signing keys
          </h2>
          <QueryView query={keys} loadingLabel="Loading keys…" retry={false}>
            {(data) => (
              <>
                <p className="stat">{activeKeys.length}</p>
                <p className="stat-label">
                  active Ed25519 {activeKeys.length === 1 ? 'key' : 'keys'}
                  {data.items.length > activeKeys.length
                    ? `, ${data.items.length - activeKeys.length} revoked`
                    : ''}
                </p>
                <ul className="plain-list">
                  {activeKeys.slice(0, 3).map((key) => (
                    <li key={key.id}>
                      {key.label}
                      <span className="cell-sub mono">{key.fingerprint}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </QueryView>
          <div className="card-footer">
            <Link to={`/admin/participants/${participantId}#keys`}>Manage keys</Link>
          </div>
        </section>
        <RecentActivityCard participantId={participantId} />
        <AccountCard linkToParticipant />
      </div>
    </>
  );
}
