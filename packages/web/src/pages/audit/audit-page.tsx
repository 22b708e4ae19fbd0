import { useState } from 'react';
import type { AuditEvent, AuditQuery } from '@concord/api-client';
import { useMe } from '../../auth/session';
import { isPlatformAdmin } from '../../auth/permissions';
import { useAuditEvents } from '../../api/audit';
import { PageHeader } from '../../components/page-header';
import { PagedList } from '../../components/pagination';
import { ActionsHeader, DataTable } from '../../components/data-table';
import { Badge } from '../../components/badge';
import { EmptyState } from '../../components/states';
import { DateTime } from '../../components/time';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { AuditFilters, AUDIT_FILTERS, dayEnd, dayStart } from './audit-filters';
import { AuditEventDrawer } from './audit-event-drawer';
import { describeAction } from './describe-action';

const PAGE_SIZE = 50;
const SHORT_ID = 8;

/** UUIDs are unreadable in a table; the first characters tell rows apart, the drawer has all. */
const shortId = (id: string): string =>
  id.length > SHORT_ID + 1 ? `${id.slice(0, SHORT_ID)}…` : id;

export function AuditPage() {
  const me = useMe();
  const platform = isPlatformAdmin(me);
  const [filters, setFilters] = useUrlFilters(AUDIT_FILTERS);
  const [selected, setSelected] = useState<AuditEvent | null>(null);
  const participantId = platform ? filters.participantId : me.participant.id;
  const pages = useCursorPagination(JSON.stringify({ ...filters, participantId }));

  const query: AuditQuery = { limit: PAGE_SIZE };
  if (filters.action) query.action = filters.action;
  if (filters.actorUserId) query.actorUserId = filters.actorUserId;
  if (participantId) query.participantId = participantId;
  if (filters.subjectType) query.subjectType = filters.subjectType;
  if (filters.subjectId) query.subjectId = filters.subjectId;
  const since = dayStart(filters.from);
  const until = dayEnd(filters.to);
  if (since) query.since = since;
  if (until) query.until = until;
  if (pages.cursor) query.cursor = pages.cursor;
  const events = useAuditEvents(query);
  const filtered = AUDIT_FILTERS.some(
    (key) => filters[key] !== '' && (platform || key !== 'participantId'),
  );

  return (
    <>
      <PageHeader
        title="Audit trail"
        description={
          platform
            ? 'Every change made on this node, who made it, how, and from where. Entries cannot be edited or removed.'
            : `Every change made by or to ${me.participant.name}. Entries cannot be edited or removed.`
        }
      />
      <AuditFilters
        values={filters}
        onApply={setFilters}
        showParticipant={platform}
        canClear={filtered}
      />

      <PagedList
        query={events}
        pages={pages}
        noun={['event', 'events']}
        loadingLabel="Loading audit events…"
        empty={
          <EmptyState icon="clock" title={filtered ? 'No events match' : 'Nothing recorded yet'}>
            <p>
              {filtered
                ? 'Widen the date range or clear some filters.'
                : 'Events appear here as soon as anyone signs in or changes something.'}
            </p>
          </EmptyState>
        }
      >
        {(items) => (
          <DataTable
            labelledBy="audit-caption"
            caption="Audit events, newest first"
            head={
              <>
                <th scope="col">When</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Subject</th>
                <ActionsHeader label="Details" />
              </>
            }
          >
            {items.map((event) => (
              <tr key={event.id}>
                <td className="nowrap">
                  <DateTime value={event.occurredAt} />
                </td>
                <td>
                  <span className="cell-primary">{event.actor.label}</span>
                  <span className="cell-sub">
                    via {event.via}
                    {event.ip ? ` · ${event.ip}` : ''}
                  </span>
                </td>
                <td>
                  <span className="code">{event.action}</span>
                  <span className="cell-sub">{describeAction(event.action)}</span>
                </td>
                <td>
                  <Badge>{event.subjectType}</Badge>
                  {event.subjectId ? (
                    <span className="cell-sub mono" title={event.subjectId}>
                      {shortId(event.subjectId)}
                    </span>
                  ) : null}
                </td>
                <td className="actions">
                  <button type="button" className="btn btn-sm" onClick={() => setSelected(event)}>
                    Details
                    <span className="visually-hidden">
                      {' '}
                      of {event.action} by {event.actor.label}
                    </span>
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </PagedList>
      <AuditEventDrawer event={selected} onClose={() => setSelected(null)} />
    </>
  );
}
