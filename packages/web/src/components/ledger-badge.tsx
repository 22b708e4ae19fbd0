import { useMemo } from 'react';
import { Link } from 'react-router';
import { useLedgerEntry, useLedgerHead } from '../api/ledger';
import { useStatementKeys } from '../hooks/use-statement-keys';
import { decodeLeaf, tryBase64, verifyEntry } from '../lib/ledger';
import type { DecodedLeaf } from '../lib/ledger';
import { Badge } from './badge';
import { Icon } from './icons';

/**
 * Whether a record is in the ledger, checked in this browser as the entry page does: the
 * entry's bytes hash to its leaf, the inclusion proof leads to the root of a checkpoint the
 * node signed, and (where the key is known) the statement's own signature verifies. `matches`
 * may add a check that the logged record is this very record; it returns why not, or null.
 * The badge links to the entry's page, which shows every step.
 */
export function LedgerBadge({
  index,
  matches,
  pendingLabel = 'Waiting to be logged',
}: {
  /** The ledger entry; null while the sequencer has not logged the record yet. */
  index: number | null;
  matches?: (leaf: DecodedLeaf | null) => string | null;
  /** What a record without an entry says, e.g. "Not adopted: not in the ledger". */
  pendingLabel?: string;
}) {
  if (index === null) {
    return (
      <Badge tone="neutral">
        <Icon name="clock" />
        {pendingLabel}
      </Badge>
    );
  }
  return <VerifiedLedgerBadge index={index} matches={matches} />;
}

function VerifiedLedgerBadge({
  index,
  matches,
}: {
  index: number;
  matches: ((leaf: DecodedLeaf | null) => string | null) | undefined;
}) {
  const entry = useLedgerEntry(index);
  const head = useLedgerHead();
  const keys = useStatementKeys(entry.data, head.data);
  const { lookup, loading } = keys;

  const verdict = useMemo(() => {
    if (!entry.data || !head.data || loading) return null;
    const result = verifyEntry(entry.data, head.data, lookup);
    if (!result.verified) {
      const failed = result.steps.find((s) => s.status === 'failed');
      return { ok: false, why: failed ? `${failed.label}: failed. ${failed.detail}` : '' };
    }
    const data = tryBase64(entry.data.data);
    const mismatch = matches?.(data ? decodeLeaf(data) : null) ?? null;
    return mismatch === null ? { ok: true, why: '' } : { ok: false, why: mismatch };
  }, [entry.data, head.data, loading, lookup, matches]);

  const to = `/transparency-log/entries/${index}`;
  if (entry.isError || head.isError) {
    return (
      <Link to={to} className="ledger-badge">
        <Badge tone="warning">
          <Icon name="warning" />
          Ledger entry {index}: could not be checked
        </Badge>
      </Link>
    );
  }
  if (!verdict) {
    return (
      <span className="ledger-badge" role="status">
        <Badge tone="neutral">
          <span className="spinner spinner--inline" aria-hidden="true" />
          Checking ledger entry {index}…
        </Badge>
      </span>
    );
  }
  return (
    <Link to={to} className="ledger-badge" title={verdict.ok ? undefined : verdict.why}>
      {verdict.ok ? (
        <Badge tone="success">
          <Icon name="check" />
          Verified in the ledger
          <span className="ledger-badge-index">· entry {index}</span>
        </Badge>
      ) : (
        <Badge tone="danger">
          <Icon name="alert" />
          Not verified: ledger entry {index}
        </Badge>
      )}
    </Link>
  );
}
