import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useLeafData, useLedgerEntries } from '../../api/ledger';
import type { LedgerEntrySummary } from '../../api/ledger';
import { Badge } from '../../components/badge';
import { DataTable } from '../../components/data-table';
import { PagedList } from '../../components/pagination';
import { EmptyState } from '../../components/states';
import { DateTime } from '../../components/time';
import type { CursorPages } from '../../hooks/use-cursor-pagination';
import {
  asKeyEvent,
  decodeLeaf,
  describeEntry,
  KEY_EVENT_TYPE,
  parseIndex,
} from '../../lib/ledger';
import { shortId, useParticipantNames } from './participant-names';

export const ENTRIES_PAGE_SIZE = 25;

/**
 * Pages of the log, newest first, kept in the address bar so the back button and a shared
 * link return to the same entries. Indices are dense, so "newer" is `before + page size`.
 */
function useLogPages(size: number | undefined): CursorPages {
  const [params, setParams] = useSearchParams();
  const before = parseIndex(params.get('before'));
  const go = (next: number | undefined) =>
    setParams((previous) => {
      const out = new URLSearchParams(previous);
      if (next === undefined) out.delete('before');
      else out.set('before', String(next));
      return out;
    });
  return {
    cursor: before?.toString(),
    page:
      before === undefined || size === undefined
        ? 1
        : Math.max(1, Math.ceil((size - before) / ENTRIES_PAGE_SIZE) + 1),
    hasPrevious: before !== undefined,
    next: (cursor) => go(parseIndex(cursor)),
    previous: () => {
      const newer = (before ?? 0) + ENTRIES_PAGE_SIZE;
      go(size !== undefined && newer >= size ? undefined : newer);
    },
  };
}

export const KIND_LABELS = { statement: 'Statement', commitment: 'Commitment' } as const;

function EntryRow({
  entry,
  data,
  participantName,
}: {
  entry: LedgerEntrySummary;
  data: Uint8Array | undefined;
  participantName: (id: string | null) => string | null;
}) {
  const leaf = useMemo(() => (data ? decodeLeaf(data) : null), [data]);
  const event = leaf?.kind === 'statement' ? asKeyEvent(leaf.payloadType, leaf.payload) : null;
  const what = describeEntry(entry, leaf);
  const who = event?.participant.name ?? participantName(entry.participantId);
  return (
    <tr>
      <td className="num">
        <Link to={`/transparency-log/entries/${entry.index}`} aria-label={`Entry ${entry.index}`}>
          {entry.index}
        </Link>
      </td>
      <td>
        <Badge tone={entry.kind === 'commitment' ? 'warning' : 'info'}>
          {KIND_LABELS[entry.kind]}
        </Badge>
      </td>
      <td>
        {event || entry.payloadType === KEY_EVENT_TYPE ? (
          <span className="cell-primary">{what}</span>
        ) : (
          <span className="code">{what}</span>
        )}
        {event ? <span className="cell-sub code">{entry.payloadType}</span> : null}
      </td>
      <td>
        {who ? (
          who
        ) : entry.participantId ? (
          <span className="mono" title={entry.participantId}>
            {shortId(entry.participantId)}
          </span>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td className="nowrap">
        <DateTime value={entry.loggedAt} />
      </td>
    </tr>
  );
}

/** The most recent entries, newest first, each linking to its page and proofs. */
export function LedgerEntries({ size }: { size: number | undefined }) {
  const pages = useLogPages(size);
  const query = {
    limit: ENTRIES_PAGE_SIZE,
    ...(pages.cursor ? { before: Number(pages.cursor) } : {}),
  };
  const entries = useLedgerEntries(query);
  const participantName = useParticipantNames();
  const leafData = useLeafData(entries.data?.items, size);
  return (
    <section aria-labelledby="entries-heading" className="section">
      <div className="section-header">
        <div>
          <h2 id="entries-heading">Recent entries</h2>
          <p>Newest first. Open an entry to see its statement and check its proof.</p>
        </div>
      </div>
      <PagedList
        query={entries}
        pages={pages}
        noun={['entry', 'entries']}
        loadingLabel="Loading entries…"
        labels={{ previous: 'Newer entries', next: 'Older entries' }}
        status={(items) => {
          const first = items[0]?.index;
          const last = items.at(-1)?.index;
          if (first === undefined || last === undefined) return '';
          const range = first === last ? `Entry ${first}` : `Entries ${first} to ${last}`;
          return size === undefined ? range : `${range} of ${size.toLocaleString()}`;
        }}
        empty={
          <EmptyState icon="clock" title="Nothing has been logged yet">
            <p>
              Entries appear here as soon as a participant registers a signing key or publishes a
              signed statement.
            </p>
          </EmptyState>
        }
      >
        {(items) => (
          <DataTable
            labelledBy="entries-caption"
            caption="Ledger entries, newest first"
            head={
              <>
                <th scope="col" className="num">
                  Index
                </th>
                <th scope="col">Kind</th>
                <th scope="col">What it is</th>
                <th scope="col">Participant</th>
                <th scope="col">Logged</th>
              </>
            }
          >
            {items.map((entry) => (
              <EntryRow
                key={entry.index}
                entry={entry}
                data={leafData(entry)}
                participantName={participantName}
              />
            ))}
          </DataTable>
        )}
      </PagedList>
    </section>
  );
}
