import { Link } from 'react-router';
import { DEFAULT_DIRECTORY_PAGE_SIZE, TEMPLATE_LABELS, useMessages } from '../../api/directory';
import type { Message, MessageQuery } from '../../api/directory';
import { PageHeader } from '../../components/page-header';
import { SelectField } from '../../components/field';
import { bindFilters } from '../../components/filter-bar';
import { PagedList } from '../../components/pagination';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/states';
import { DateTime } from '../../components/time';
import { Icon } from '../../components/icons';
import { Tabs } from '../../components/tabs';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { DirectoryTabs } from './directory-tabs';
import { MessageStatus } from './message-status';

const FILTERS = ['template', 'state'] as const;
const ID = 'message-filters';
const BOXES = [
  { to: '/directory/messages', label: 'Inbox' },
  { to: '/directory/messages/sent', label: 'Sent' },
];

/** The participant's structured messages with other participants' points of contact. */
export function MessagesPage({ box }: { box: 'inbox' | 'sent' }) {
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter = bindFilters(ID, filters, setFilters);
  const pages = useCursorPagination(`${box}|${filters.template}|${filters.state}`);
  const query: MessageQuery = { box, limit: DEFAULT_DIRECTORY_PAGE_SIZE };
  if (filters.template) query.template = filters.template as Message['template'];
  if (filters.state === 'unread') query.unread = true;
  if (filters.state === 'overdue') query.overdue = true;
  if (pages.cursor) query.cursor = pages.cursor;
  const list = useMessages(query);
  const filtered = filters.template !== '' || filters.state !== '';

  return (
    <>
      <PageHeader
        title={box === 'inbox' ? 'Messages' : 'Sent messages'}
        description="Structured messages between participants’ points of contact: requests for information, incident notifications, requests for assistance and consultations, with read receipts and acknowledgement deadlines."
        actions={
          <Link className="btn btn-primary" to="/directory/messages/new">
            <Icon name="plus" />
            New message
          </Link>
        }
      />
      <DirectoryTabs />
      <Tabs label="Mailboxes" links={BOXES} />
      <form className="filters" aria-label="Filter messages" onSubmit={(e) => e.preventDefault()}>
        <SelectField {...filter('template')} label="Kind">
          <option value="">Every kind</option>
          {Object.entries(TEMPLATE_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField {...filter('state')} label="Show">
          <option value="">All</option>
          <option value="unread">{box === 'inbox' ? 'Unread' : 'Not read yet'}</option>
          <option value="overdue">Acknowledgement overdue</option>
        </SelectField>
      </form>
      <PagedList
        query={list}
        pages={pages}
        noun={['message', 'messages']}
        loadingLabel="Loading messages…"
        empty={
          <EmptyState
            icon="inbox"
            title={
              filtered
                ? 'No messages match'
                : box === 'inbox'
                  ? 'Your inbox is empty'
                  : 'Nothing sent yet'
            }
          >
            <p>
              {filtered
                ? 'Clear the filters to see every message.'
                : box === 'inbox'
                  ? 'Messages from other participants arrive here.'
                  : 'Messages your participant sends appear here.'}
            </p>
          </EmptyState>
        }
      >
        {(items) => (
          <DataTable
            labelledBy="messages-caption"
            caption={
              box === 'inbox' ? 'Received messages, newest first' : 'Sent messages, newest first'
            }
            head={
              <>
                <th scope="col">{box === 'inbox' ? 'From' : 'To'}</th>
                <th scope="col">Subject</th>
                <th scope="col">Sent</th>
                <th scope="col">Status</th>
              </>
            }
          >
            {items.map((m) => (
              <tr key={m.id} className={m.readAt || box === 'sent' ? undefined : 'row-unread'}>
                <td>{box === 'inbox' ? m.from.name : m.to.name}</td>
                <td>
                  <Link className="cell-primary" to={`/directory/messages/${m.id}`}>
                    {m.subject}
                  </Link>
                  <span className="cell-sub">{TEMPLATE_LABELS[m.template]}</span>
                </td>
                <td className="nowrap">
                  <DateTime value={m.sentAt} />
                </td>
                <td>
                  <MessageStatus message={m} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </PagedList>
    </>
  );
}
