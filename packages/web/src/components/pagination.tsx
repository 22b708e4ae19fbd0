import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { CursorPages } from '../hooks/use-cursor-pagination';
import { QueryView, noItems } from './states';

/** What the two buttons say, e.g. "Newer entries" and "Older entries" for a log. */
export interface PageLabels {
  previous: string;
  next: string;
}

const DEFAULT_LABELS: PageLabels = { previous: 'Previous page', next: 'Next page' };

/** Previous/next controls for cursor-paginated lists, with a polite summary of what is shown. */
function Pagination({
  page,
  count,
  noun,
  hasPrevious,
  nextCursor,
  onPrevious,
  onNext,
  busy = false,
  labels = DEFAULT_LABELS,
  status,
}: {
  page: number;
  count: number;
  noun: [singular: string, plural: string];
  hasPrevious: boolean;
  nextCursor: string | null | undefined;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
  busy?: boolean;
  labels?: PageLabels;
  /** Replaces "Page 2 · 25 users shown", e.g. with the range of entries shown. */
  status?: string | undefined;
}) {
  const label = count === 1 ? noun[0] : noun[1];
  return (
    <div className="results-bar">
      <p role="status" style={{ margin: 0 }}>
        {busy ? 'Loading…' : (status ?? `Page ${page} · ${count} ${label} shown`)}
      </p>
      {hasPrevious || nextCursor ? (
        <nav className="pagination" aria-label="Pagination">
          <button
            type="button"
            className="btn btn-sm"
            onClick={onPrevious}
            disabled={!hasPrevious || busy}
          >
            {labels.previous}
          </button>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => nextCursor && onNext(nextCursor)}
            disabled={!nextCursor || busy}
          >
            {labels.next}
          </button>
        </nav>
      ) : null}
    </div>
  );
}

interface CursorPage {
  items: readonly unknown[];
  nextCursor?: string | null | undefined;
}

/**
 * One page of a cursor-paginated list query: loading, error and `empty` states, then the items
 * (laid out by `children`) with the pagination controls under them. `pages` is the
 * `useCursorPagination` state whose cursor the query was made with.
 */
export function PagedList<Page extends CursorPage>({
  query,
  pages,
  noun,
  loadingLabel,
  empty,
  labels,
  status,
  children,
}: {
  query: UseQueryResult<Page>;
  pages: CursorPages;
  noun: [singular: string, plural: string];
  loadingLabel: string;
  empty: ReactNode;
  labels?: PageLabels;
  /** The summary beside the buttons, from the items shown; default "Page N · M things shown". */
  status?: (items: Page['items']) => string;
  children: (items: Page['items']) => ReactNode;
}) {
  return (
    <QueryView query={query} loadingLabel={loadingLabel} isEmpty={noItems} empty={empty}>
      {(data) => (
        <>
          {children(data.items)}
          <Pagination
            page={pages.page}
            count={data.items.length}
            noun={noun}
            hasPrevious={pages.hasPrevious}
            nextCursor={data.nextCursor}
            onPrevious={pages.previous}
            onNext={pages.next}
            busy={query.isPlaceholderData}
            labels={labels}
            status={status?.(data.items)}
          />
        </>
      )}
    </QueryView>
  );
}
