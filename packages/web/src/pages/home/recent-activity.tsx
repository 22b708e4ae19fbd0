import { Link } from 'react-router';
import { isApiError } from '@concord/api-client';
import { useAuditEvents } from '../../api/audit';
import { DateTime } from '../../components/time';
import { QueryView, noItems } from '../../components/states';
import { describeAction } from '../audit/describe-action';

const RECENT_EVENTS = 6;

export function RecentActivityCard({ participantId }: { participantId?: string }) {
  const events = useAuditEvents({
    limit: RECENT_EVENTS,
    ...(participantId ? { participantId } : {}),
  });
  // An admin whose role does not reach the audit trail simply does not get this card.
  if (events.isError && isApiError(events.error) && events.error.status === 403) return null;
  return (
    <section className="card" aria-labelledby="activity-card-title">
      <h2 className="card-title" id="activity-card-title">
        Recent activity
      </h2>
      <QueryView
        query={events}
        loadingLabel="Loading recent activity…"
        retry={false}
        isEmpty={noItems}
        empty={<p className="muted small">Nothing has been recorded yet.</p>}
      >
        {(data) => (
          <ul className="plain-list">
            {data.items.map((event) => (
              <li key={event.id}>
                <strong>{event.actor.label}</strong> {describeAction(event.action)}
                <span className="cell-sub">
                  <DateTime value={event.occurredAt} mode="relative" />
                </span>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      <div className="card-footer">
        <Link to={participantId ? `/admin/audit?participantId=${participantId}` : '/admin/audit'}>
          Open the audit trail
        </Link>
      </div>
    </section>
  );
}
