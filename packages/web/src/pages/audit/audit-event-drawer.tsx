import type { AuditEvent } from '@concord/api-client';
import { Link } from 'react-router';
import { Dialog } from '../../components/dialog';
import { formatPrecise } from '../../lib/format';
import { describeAction } from './describe-action';

/** Everything recorded about one event, in a side drawer so the list keeps its place. */
export function AuditEventDrawer({
  event,
  onClose,
}: {
  event: AuditEvent | null;
  onClose: () => void;
}) {
  return (
    <Dialog open={event !== null} onClose={onClose} title="Audit event" variant="drawer">
      {event ? (
        <>
          <p>
            <strong>{event.actor.label}</strong> {describeAction(event.action)}.
          </p>
          <dl className="details">
            <dt>When</dt>
            <dd>
              <time dateTime={event.occurredAt}>{formatPrecise(event.occurredAt)}</time>
            </dd>
            <dt>Action</dt>
            <dd className="mono">{event.action}</dd>
            <dt>Actor</dt>
            <dd>
              {event.actor.userId ? (
                <Link to={`/admin/users/${event.actor.userId}`}>{event.actor.label}</Link>
              ) : (
                event.actor.label
              )}
            </dd>
            <dt>Acting for</dt>
            <dd>
              {event.actor.participantId ? (
                <Link to={`/admin/participants/${event.actor.participantId}`}>
                  View participant
                </Link>
              ) : (
                <span className="muted">—</span>
              )}
            </dd>
            <dt>Via</dt>
            <dd>{event.via}</dd>
            <dt>Subject</dt>
            <dd>
              {event.subjectType}
              {event.subjectId ? <span className="cell-sub mono">{event.subjectId}</span> : null}
            </dd>
            <dt>IP address</dt>
            <dd className="mono">{event.ip ?? '—'}</dd>
            <dt>User agent</dt>
            <dd className="small">{event.userAgent ?? '—'}</dd>
            <dt>Request ID</dt>
            <dd className="mono">{event.requestId ?? '—'}</dd>
            <dt>Event ID</dt>
            <dd className="mono">{event.id}</dd>
          </dl>
          <h3 className="small" style={{ marginTop: 'var(--space-5)' }}>
            Details
          </h3>
          <pre className="code-block">{JSON.stringify(event.details, null, 2)}</pre>
        </>
      ) : null}
    </Dialog>
  );
}
