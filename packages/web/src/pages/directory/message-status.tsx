import type { Message } from '../../api/directory';
import { Badge } from '../../components/badge';
import { DateTime } from '../../components/time';

/** Where a message stands: unread, read, acknowledged, or its acknowledgement overdue. */
export function MessageStatus({ message: m }: { message: Message }) {
  return (
    <span className="badge-list">
      {m.acknowledgedAt ? (
        <Badge tone="success">Acknowledged</Badge>
      ) : m.overdue ? (
        <Badge tone="danger">Acknowledgement overdue</Badge>
      ) : m.ackDueAt ? (
        <Badge tone="warning">
          Acknowledge by&nbsp;
          <DateTime value={m.ackDueAt} />
        </Badge>
      ) : null}
      {m.readAt ? null : (
        <Badge tone="info">{m.direction === 'inbox' ? 'Unread' : 'Not read yet'}</Badge>
      )}
    </span>
  );
}
