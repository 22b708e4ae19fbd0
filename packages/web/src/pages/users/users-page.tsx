import { Link } from 'react-router';
import type { Role, UserQuery, UserStatus } from '@concord/api-client';
import { useMe } from '../../auth/session';
import { isPlatformAdmin } from '../../auth/permissions';
import { useUsers } from '../../api/users';
import { useAllParticipants } from '../../api/participants';
import { roleLabel, useMeta } from '../../api/meta';
import { PageHeader } from '../../components/page-header';
import { FilterBar, bindFilters } from '../../components/filter-bar';
import { SelectField } from '../../components/field';
import { PagedList } from '../../components/pagination';
import { DataTable } from '../../components/data-table';
import { MetaOptions, ParticipantOptions } from '../../components/options';
import { Badge, StatusBadge } from '../../components/badge';
import { EmptyState } from '../../components/states';
import { DateTime } from '../../components/time';
import { Icon } from '../../components/icons';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { isLocked } from '../../lib/users';
import { UserNameCell } from './user-name-cell';

const FILTERS = ['q', 'participantId', 'role', 'status'] as const;
const PAGE_SIZE = 25;
const ID = 'user-filters';

export function UsersPage() {
  const me = useMe();
  const meta = useMeta();
  const platform = isPlatformAdmin(me);
  const participants = useAllParticipants(platform);
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter = bindFilters(ID, filters, setFilters);
  // A participant's admins only ever see their own people; the server enforces it too.
  const participantId = platform ? filters.participantId : me.participant.id;
  const pages = useCursorPagination(
    `${filters.q}|${participantId}|${filters.role}|${filters.status}`,
  );

  const query: UserQuery = { limit: PAGE_SIZE };
  if (filters.q) query.q = filters.q;
  if (participantId) query.participantId = participantId;
  if (filters.role) query.role = filters.role as Role;
  if (filters.status) query.status = filters.status as UserStatus;
  if (pages.cursor) query.cursor = pages.cursor;
  const list = useUsers(query);
  const filtered =
    filters.q !== '' ||
    filters.role !== '' ||
    filters.status !== '' ||
    (platform && filters.participantId !== '');

  return (
    <>
      <PageHeader
        title="Users"
        description={
          platform
            ? 'Everyone who can sign in to this node, across all participants.'
            : `The people who act for ${me.participant.name}.`
        }
        actions={
          <Link
            className="btn btn-primary"
            to={
              participantId ? `/admin/users/new?participantId=${participantId}` : '/admin/users/new'
            }
          >
            <Icon name="plus" />
            New user
          </Link>
        }
      />
      <FilterBar
        idPrefix={ID}
        label="Filter users"
        query={filters.q}
        placeholder="Name or email"
        onSearch={(q) => setFilters({ q })}
        onClear={() => setFilters({ q: '', participantId: '', role: '', status: '' })}
        canClear={filtered}
      >
        {platform ? (
          <SelectField {...filter('participantId')} label="Participant">
            <option value="">All participants</option>
            <ParticipantOptions participants={participants.data} />
          </SelectField>
        ) : null}
        <SelectField {...filter('role')} label="Role">
          <option value="">Any role</option>
          <MetaOptions entries={meta.data?.roles} />
        </SelectField>
        <SelectField {...filter('status')} label="Status">
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="disabled">Disabled</option>
        </SelectField>
      </FilterBar>

      <PagedList
        query={list}
        pages={pages}
        noun={['user', 'users']}
        loadingLabel="Loading users…"
        empty={
          <EmptyState icon="users" title={filtered ? 'No users match' : 'No users yet'}>
            <p>
              {filtered
                ? 'Try a different search, or clear the filters.'
                : 'Add the first user to get started.'}
            </p>
          </EmptyState>
        }
      >
        {(users) => (
          <DataTable
            labelledBy="users-caption"
            caption={<>Users{filtered ? ' matching the filters' : ''}</>}
            head={
              <>
                <th scope="col">Name</th>
                <th scope="col">Participant</th>
                <th scope="col">Roles</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
              </>
            }
          >
            {users.map((user) => (
              <tr key={user.id}>
                <UserNameCell user={user} />
                <td>{user.participant.name}</td>
                <td>
                  {user.roles.map((role) => roleLabel(meta.data, role)).join(', ') || (
                    <span className="muted">None</span>
                  )}
                </td>
                <td>
                  <span className="badge-list">
                    <StatusBadge status={user.status} />
                    {isLocked(user.lockedUntil) ? <Badge tone="warning">Locked</Badge> : null}
                  </span>
                </td>
                <td className="nowrap">
                  <DateTime value={user.lastLoginAt} empty="Never" />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </PagedList>
    </>
  );
}
