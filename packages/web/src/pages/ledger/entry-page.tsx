import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '@concord/api-client';
import { useLedgerEntry, useLedgerHead } from '../../api/ledger';
import type { LedgerEntry } from '../../api/ledger';
import { Badge } from '../../components/badge';
import { PageHeader } from '../../components/page-header';
import { recordPageFallback } from '../../components/record-page-fallback';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { DateTime } from '../../components/time';
import {
  asKeyEvent,
  base64ToHex,
  decodeLeaf,
  describeEntry,
  parseIndex,
  tryBase64,
  verifyEntry,
} from '../../lib/ledger';
import type { DecodedLeaf } from '../../lib/ledger';
import { useStatementKeys } from '../../hooks/use-statement-keys';
import { EntryVerificationPanel } from './entry-verification';
import { KIND_LABELS } from './ledger-entries';
import { shortId, useParticipantNames } from './participant-names';
import { StatementView } from './statement-view';

const breadcrumbs = [{ label: 'Ledger', to: '/transparency-log' }];

const utf8 = new TextDecoder();

/** `participant_key` → "Participant key". */
const humanise = (id: string): string => {
  const text = id.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

function NoSuchEntry({ label, size }: { label: string; size: number | undefined }) {
  return (
    <EmptyState
      icon="search"
      title={`There is no entry ${label} in the ledger`}
      action={
        <Link className="btn" to="/transparency-log">
          Back to the ledger
        </Link>
      }
    >
      <p>
        {size === undefined
          ? 'Entries are numbered from 0 in the order they were logged.'
          : size === 0
            ? 'Nothing has been logged yet.'
            : `The ledger holds ${size.toLocaleString()} ${size === 1 ? 'entry' : 'entries'}, numbered 0 to ${(size - 1).toLocaleString()}. A newer entry appears once the node has signed a checkpoint that includes it.`}
      </p>
    </EmptyState>
  );
}

function EntryFacts({
  entry,
  leaf,
  participant,
}: {
  entry: LedgerEntry;
  leaf: DecodedLeaf | null;
  participant: string | null;
}) {
  const data = tryBase64(entry.data);
  let text: string | null = null;
  if (data) {
    try {
      text = utf8.decode(data);
    } catch {
      text = null;
    }
  }
  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 className="card-title" id="facts-heading">
        About this entry
      </h2>
      <dl className="details details--stacked">
        <dt>Participant</dt>
        <dd>
          {participant ??
            (entry.participantId ? (
              <span className="mono" title={entry.participantId}>
                {shortId(entry.participantId)}
              </span>
            ) : (
              <span className="muted">None</span>
            ))}
        </dd>
        {entry.subjectType ? (
          <>
            <dt>About</dt>
            <dd>
              {humanise(entry.subjectType)}
              {entry.subjectId ? <span className="cell-sub mono">{entry.subjectId}</span> : null}
            </dd>
          </>
        ) : null}
        <dt>Logged</dt>
        <dd>
          <DateTime value={entry.loggedAt} />
        </dd>
        <dt>Leaf hash</dt>
        <dd className="mono">{base64ToHex(entry.leafHash)}</dd>
        <dt>Record</dt>
        <dd>
          {data ? `${data.length.toLocaleString()} bytes` : 'Not readable'}
          {leaf?.kind === 'statement' ? ', a signed DSSE envelope' : ''}
          {leaf?.kind === 'commitment' ? ', a salted commitment' : ''}
        </dd>
      </dl>
      {text ? (
        <details className="disclosure">
          <summary>The record exactly as logged</summary>
          <pre className="code-block note-text">{text}</pre>
        </details>
      ) : null}
    </section>
  );
}

export function EntryPage() {
  const { index: param = '' } = useParams();
  const index = parseIndex(param);
  const entry = useLedgerEntry(index ?? 0, index !== undefined);
  const head = useLedgerHead();
  const participantName = useParticipantNames();
  const keys = useStatementKeys(entry.data, head.data);

  const leaf = useMemo(() => {
    const data = entry.data ? tryBase64(entry.data.data) : null;
    return data ? decodeLeaf(data) : null;
  }, [entry.data]);

  const { lookup, loading } = keys;
  const result = useMemo(
    () => (entry.data && head.data && !loading ? verifyEntry(entry.data, head.data, lookup) : null),
    [entry.data, head.data, loading, lookup],
  );

  if (index === undefined) {
    return (
      <>
        <PageHeader title="Entry not found" breadcrumbs={breadcrumbs} />
        <NoSuchEntry label={`“${param}”`} size={head.data?.size} />
      </>
    );
  }
  if (entry.isError && isApiError(entry.error) && entry.error.status === 404) {
    return (
      <>
        <PageHeader title={`Entry ${index}`} breadcrumbs={breadcrumbs} />
        <NoSuchEntry label={String(index)} size={head.data?.size} />
      </>
    );
  }
  if (!entry.isSuccess) {
    return recordPageFallback(entry, {
      title: `Entry ${index}`,
      breadcrumbs,
      loadingLabel: 'Loading the entry and its proof…',
    });
  }

  const e = entry.data;
  const what = describeEntry(e, leaf);
  const event = leaf?.kind === 'statement' ? asKeyEvent(leaf.payloadType, leaf.payload) : null;
  const participant = event?.participant.name ?? participantName(e.participantId);
  return (
    <>
      <PageHeader
        title={`Entry ${e.index}`}
        breadcrumbs={breadcrumbs}
        description={what}
        meta={
          <Badge tone={e.kind === 'commitment' ? 'warning' : 'info'}>{KIND_LABELS[e.kind]}</Badge>
        }
      />
      <div className="two-col">
        {result ? (
          <EntryVerificationPanel entry={e} result={result} />
        ) : head.isError ? (
          <ErrorState
            title="Nothing could be verified"
            error={head.error}
            onRetry={() => void head.refetch()}
          />
        ) : (
          <Loading label="Verifying in your browser…" />
        )}
        <EntryFacts entry={e} leaf={leaf} participant={participant} />
      </div>
      <div className="section">
        <StatementView leaf={leaf} signerName={keys.signerName} />
      </div>
    </>
  );
}
