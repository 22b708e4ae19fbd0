import { Link } from 'react-router';
import { isApiError } from '@concord/api-client';
import { useLedgerHead } from '../../api/ledger';
import { DateTime } from '../../components/time';
import { CheckpointBadge } from '../ledger/checkpoint-badge';
import { useHeadCheck } from '../ledger/log-head';

/** The ledger at a glance: its size and whether this browser verified the latest checkpoint. */
export function LedgerCard() {
  const head = useLedgerHead();
  const check = useHeadCheck(head.data);
  let body;
  if (head.isPending) {
    body = <p className="muted small">Loading…</p>;
  } else if (head.isError) {
    body = (
      <p className="muted small">
        {isApiError(head.error) && head.error.status === 404
          ? 'Nothing has been logged yet.'
          : 'The ledger could not be reached just now.'}
      </p>
    );
  } else {
    body = (
      <div className="ledger-card-body">
        <div>
          <p className="stat">{head.data.size.toLocaleString()}</p>
          <p className="stat-label">
            {head.data.size === 1 ? 'entry' : 'entries'}, last checkpoint{' '}
            <DateTime value={head.data.updatedAt} mode="relative" />
          </p>
        </div>
        {check ? <CheckpointBadge check={check} /> : null}
      </div>
    );
  }
  return (
    <section className="card" aria-labelledby="ledger-card-title">
      <h2 className="card-title" id="ledger-card-title">
        <Link to="/transparency-log">Ledger</Link>
      </h2>
      {body}
    </section>
  );
}
