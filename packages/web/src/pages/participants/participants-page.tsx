import { Link } from 'react-router';
import type { Participant, ParticipantKind, ParticipantQuery } from '@concord/api-client';
import { useMe } from '../../auth/session';
import { canCreateParticipants } from '../../auth/permissions';
import { DEFAULT_PAGE_SIZE, useParticipants } from '../../api/participants';
import { kindLabel, useMeta } from '../../api/meta';
import { PageHeader } from '../../components/page-header';
import { FilterBar, bindFilters } from '../../components/filter-bar';
import { SelectField } from '../../components/field';
import { MetaOptions } from '../../components/options';
import { PagedList } from '../../components/pagination';
import { DataTable } from '../../components/data-table';
import { StatusBadge } from '../../components/badge';
import { EmptyState } from '../../components/states';
import { Icon } from '../../components/icons';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';

const FILTERS = ['q', 'kind', 'status'] as const;
const ID = 'participant-filters';

export function ParticipantsPage() {
  const me = useMe();
  const meta = useMeta();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter = bindFilters(ID, filters, setFilters);
  const pages = useCursorPagination(`${filters.q}|${filters.kind}|${filters.status}`);
  const query: ParticipantQuery = { limit: DEFAULT_PAGE_SIZE };
  if (filters.q) query.q = filters.q;
  // The server validates the kind; a hand-edited URL gets its error message, not a crash.
  if (filters.kind) query.kind = filters.kind as ParticipantKind;
  if (filters.status) query.status = filters.status as Participant['status'];
  if (pages.cursor) query.cursor = pages.cursor;
  const list = useParticipants(query);
  const filtered = filters.q !== '' || filters.kind !== '' || filters.status !== '';

  return (
    <>
      <PageHeader
        title="Participants"
        description="The states, regional organisations, CERTs, vendors, researchers, civil society bodies, secretariat and assessors that make up this community."
        actions={
          canCreateParticipants(me) ? (
            <Link className="btn btn-primary" to="/admin/participants/new">
              <Icon name="plus" />
              New participant
            </Link>
          ) : null
        }
      />
      <FilterBar
        idPrefix={ID}
        label="Filter participants"
        query={filters.q}
        placeholder="Name or short name"
        onSearch={(q) => setFilters({ q })}
        onClear={() => setFilters({ q: '', kind: '', status: '' })}
        canClear={filtered}
      >
        <SelectField {...filter('kind')} label="Kind">
          <option value="">All kinds</option>
          <MetaOptions entries={meta.data?.participantKinds} />
        </SelectField>
        <SelectField {...filter('status')} label="Status">
          <option value="">Any status</option>
          <option value="active">Active</option>
          <option value="suspended">Suspended</option>
        </SelectField>
      </FilterBar>

      <PagedList
        query={list}
        pages={pages}
        noun={['participant', 'participants']}
        loadingLabel="Loading participants…"
        empty={
          <EmptyState
            icon="building"
            title={filtered ? 'No participants match' : 'No participants yet'}
          >
            <p>
              {filtered
                ? 'Try a different name, or clear the filters to see everyone.'
                : 'Participants appear here once the secretariat has registered them.'}
            </p>
          </EmptyState>
        }
      >
        {(participants) => (
          <DataTable
            labelledBy="participants-caption"
            caption={<>Participants{filtered ? ' matching the filters' : ''}</>}
            head={
              <>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Country</th>
                <th scope="col" className="num">
                  Users
                </th>
                <th scope="col">Status</th>
              </>
            }
          >
            {participants.map((participant) => (
              <tr key={participant.id}>
                <td>
                  <Link className="cell-primary" to={`/admin/participants/${participant.id}`}>
                    {participant.name}
                  </Link>
                  {participant.shortName ? (
                    <span className="cell-sub">{participant.shortName}</span>
                  ) : null}
                </td>
                <td>{kindLabel(meta.data, participant.kind)}</td>
                <td>
                  {participant.countryName ?? participant.countryCode ?? (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="num">{participant.userCount}</td>
                <td>
                  <StatusBadge status={participant.status} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </PagedList>
    </>
  );
}
