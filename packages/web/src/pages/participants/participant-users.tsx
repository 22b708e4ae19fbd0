import { Link } from 'react-router';
import type { Participant } from '@concord/api-client';
import { useUsers } from '../../api/users';
import { roleLabel, useMeta } from '../../api/meta';
import { StatusBadge } from '../../components/badge';
import { EmptyState, QueryView, noItems } from '../../components/states';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/time';
import { UserNameCell } from '../users/user-name-cell';

const USERS_SHOWN = 10;

export function ParticipantUsers({
  participant,
  canManage,
}: {
  participant: Participant;
  canManage: boolean;
}) {
  const meta = useMeta();
  const users = useUsers({ participantId: participant.id, limit: USERS_SHOWN }, canManage);

  return (
    <section className="section" aria-labelledby="participant-users-heading">
      <div className="section-header">
        <div>
          <h2 id="participant-users-heading">Users</h2>
          <p>
            {participant.userCount === 1
              ? `1 account acts for ${participant.name}.`
              : `${participant.userCount} accounts act for ${participant.name}.`}
          </p>
        </div>
        {canManage && participant.userCount > USERS_SHOWN ? (
          <Link to={`/admin/users?participantId=${participant.id}`}>View all users</Link>
        ) : null}
      </div>
      {!canManage ? (
        <p className="muted small">Only this participant’s administrators can see its users.</p>
      ) : (
        <QueryView
          query={users}
          loadingLabel="Loading users…"
          isEmpty={noItems}
          empty={
            <EmptyState
              icon="users"
              headingLevel={3}
              title="No users yet"
              action={
                <Link
                  className="btn btn-primary"
                  to={`/admin/users/new?participantId=${participant.id}`}
                >
                  Add the first user
                </Link>
              }
            >
              <p>Nobody can act for {participant.name} until it has at least one user.</p>
            </EmptyState>
          }
        >
          {(data) => (
            <DataTable
              labelledBy="participant-users-heading"
              head={
                <>
                  <th scope="col">Name</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last sign-in</th>
                </>
              }
            >
              {data.items.map((user) => (
                <tr key={user.id}>
                  <UserNameCell user={user} />
                  <td>{user.roles.map((role) => roleLabel(meta.data, role)).join(', ') || '—'}</td>
                  <td>
                    <StatusBadge status={user.status} />
                  </td>
                  <td className="nowrap">
                    <DateTime value={user.lastLoginAt} empty="Never" />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </QueryView>
      )}
    </section>
  );
}
