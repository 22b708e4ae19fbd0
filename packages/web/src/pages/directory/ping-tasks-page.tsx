import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import {
  DEFAULT_DIRECTORY_PAGE_SIZE,
  DESIGNATION_LABELS,
  KIND_LABELS,
  formatDuration,
  useMyPingTasks,
} from '../../api/directory';
import type { ContactKind, Designation, PingTaskQuery } from '../../api/directory';
import { useMe } from '../../auth/session';
import { roundPath } from './ping-status';
import { isObserverOnly } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import { SelectField } from '../../components/field';
import { bindFilters } from '../../components/filter-bar';
import { PagedList } from '../../components/pagination';
import { DataTable } from '../../components/data-table';
import { Confirmation, Notice } from '../../components/notice';
import { EmptyState, describeError } from '../../components/states';
import { DateTime } from '../../components/time';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { DirectoryTabs } from './directory-tabs';
import { TaskStatusBadge } from './ping-status';

const FILTERS = ['status'] as const;
const ID = 'task-filters';

/**
 * The ping tests sent to the caller's participant's contacts: each must be acknowledged
 * before it is due, which shows the contact is reachable.
 */
export function PingTasksPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter = bindFilters(ID, filters, setFilters);
  const pages = useCursorPagination(filters.status);
  const status = filters.status === 'all' ? undefined : filters.status || 'open';
  const query: PingTaskQuery = { limit: DEFAULT_DIRECTORY_PAGE_SIZE };
  if (status === 'open' || status === 'acknowledged') query.status = status;
  if (pages.cursor) query.cursor = pages.cursor;
  const tasks = useMyPingTasks(query);
  const [message, setMessage] = useState<string | null>(null);
  const observer = isObserverOnly(me);

  const acknowledge = useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST('/api/v1/directory/ping-tasks/{id}/acknowledge', { params: { path: { id } } }),
      ),
    onSuccess: async (task) => {
      setMessage(
        `Acknowledged for ${task.contact.name}${task.responseSeconds !== null ? ` after ${formatDuration(task.responseSeconds)}` : ''}${task.status === 'late' ? ', after the deadline' : ''}.`,
      );
      await queryClient.invalidateQueries({ queryKey: queryKeys.directory.all });
    },
  });

  return (
    <>
      <PageHeader
        title="Ping tests"
        description={`Reachability checks sent to ${me.participant.name}’s points of contact. Acknowledge each before it is due: the community’s dashboard shows who answers, and how fast.`}
      />
      <DirectoryTabs />
      <Confirmation message={message} onDismiss={() => setMessage(null)} />
      {acknowledge.isError ? (
        <Notice tone="danger" live title="Not acknowledged">
          {describeError(acknowledge.error).message}
        </Notice>
      ) : null}
      <form className="filters" aria-label="Filter ping tests" onSubmit={(e) => e.preventDefault()}>
        <SelectField {...filter('status')} label="Show">
          <option value="">Waiting for acknowledgement</option>
          <option value="acknowledged">Acknowledged</option>
          <option value="all">All</option>
        </SelectField>
      </form>
      <PagedList
        query={tasks}
        pages={pages}
        noun={['ping test', 'ping tests']}
        loadingLabel="Loading ping tests…"
        empty={
          <EmptyState
            icon="checkCircle"
            title={status === 'open' ? 'Nothing to acknowledge' : 'No ping tests'}
          >
            <p>
              {status === 'open'
                ? 'Every ping test sent to your contacts has been answered.'
                : 'Ping tests appear here when the secretariat runs a round.'}
            </p>
          </EmptyState>
        }
      >
        {(items) => (
          <DataTable
            labelledBy="tasks-caption"
            caption="Ping tests for your participant, newest first"
            head={
              <>
                <th scope="col">Round</th>
                <th scope="col">Contact</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">Response time</th>
                <th scope="col" className="actions">
                  <span className="visually-hidden">Actions</span>
                </th>
              </>
            }
          >
            {items.map((task) => {
              const open =
                task.acknowledgedAt === null &&
                task.round.closedAt === null &&
                (task.status === 'pending' || task.status === 'overdue');
              return (
                <tr key={task.id}>
                  <td>
                    <Link className="cell-primary" to={roundPath(task.round.id)}>
                      {task.round.title}
                    </Link>
                    <span className="cell-sub">
                      Sent <DateTime value={task.sentAt} />
                    </span>
                  </td>
                  <td>
                    {task.contact.name}
                    <span className="cell-sub">
                      {KIND_LABELS[task.contact.kind as ContactKind] ?? task.contact.kind},{' '}
                      {(
                        DESIGNATION_LABELS[task.contact.designation as Designation] ??
                        task.contact.designation
                      ).toLowerCase()}
                    </span>
                  </td>
                  <td className="nowrap">
                    <DateTime value={task.round.dueAt} />
                  </td>
                  <td>
                    <TaskStatusBadge status={task.status} />
                    {task.remindersSent > 0 ? (
                      <span className="cell-sub">
                        {task.remindersSent} {task.remindersSent === 1 ? 'reminder' : 'reminders'}
                      </span>
                    ) : null}
                  </td>
                  <td>{formatDuration(task.responseSeconds)}</td>
                  <td className="actions">
                    {open && !observer ? (
                      <button
                        type="button"
                        className="btn btn-sm btn-primary"
                        disabled={acknowledge.isPending && acknowledge.variables === task.id}
                        onClick={() => acknowledge.mutate(task.id)}
                      >
                        Acknowledge<span className="visually-hidden"> for {task.contact.name}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </PagedList>
      <p className="small">
        <Link to="/directory/pings/dashboard">See how every participant answers</Link>
      </p>
    </>
  );
}
