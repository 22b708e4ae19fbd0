import type { ReactNode } from 'react';

/**
 * A table in a labelled region that keyboard users can focus and scroll sideways. With a
 * `caption`, the caption (hidden, for screen readers) gets the id `labelledBy`; without one,
 * `labelledBy` is the id of the heading the table sits under.
 */
export function DataTable({
  labelledBy,
  caption,
  head,
  children,
}: {
  labelledBy: string;
  caption?: ReactNode;
  /** The header cells (`<th scope="col">`). */
  head: ReactNode;
  /** The body rows. */
  children: ReactNode;
}) {
  return (
    <div className="table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="table">
        {caption ? (
          <caption id={labelledBy} className="visually-hidden">
            {caption}
          </caption>
        ) : null}
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A header cell for a column of row buttons, named for screen readers only. */
export function ActionsHeader({ label = 'Actions' }: { label?: string }) {
  return (
    <th scope="col" className="actions">
      <span className="visually-hidden">{label}</span>
    </th>
  );
}
