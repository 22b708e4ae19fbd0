/** Previous/next controls for cursor-paginated lists, with a polite summary of what is shown. */
export function Pagination({
  page,
  count,
  noun,
  hasPrevious,
  nextCursor,
  onPrevious,
  onNext,
  busy = false,
}: {
  page: number;
  count: number;
  noun: [singular: string, plural: string];
  hasPrevious: boolean;
  nextCursor: string | null | undefined;
  onPrevious: () => void;
  onNext: (cursor: string) => void;
  busy?: boolean;
}) {
  const label = count === 1 ? noun[0] : noun[1];
  return (
    <div className="results-bar">
      <p role="status" style={{ margin: 0 }}>
        {busy ? 'Loading…' : `Page ${page} · ${count} ${label} shown`}
      </p>
      {hasPrevious || nextCursor ? (
        <nav className="pagination" aria-label="Pagination">
          <button
            type="button"
            className="btn btn-sm"
            onClick={onPrevious}
            disabled={!hasPrevious || busy}
          >
            Previous page
          </button>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => nextCursor && onNext(nextCursor)}
            disabled={!nextCursor || busy}
          >
            Next page
          </button>
        </nav>
      ) : null}
    </div>
  );
}
