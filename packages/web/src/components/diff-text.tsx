import type { DiffPart } from '../lib/word-diff';

/**
 * A word diff as running text. Insertions are `<ins>` (underlined, green) and deletions `<del>`
 * (struck through, red), and each carries hidden words for screen readers, so the change is
 * told by more than colour.
 */
export function DiffText({ parts, className }: { parts: readonly DiffPart[]; className?: string }) {
  return (
    <p className={['diff-text', className].filter(Boolean).join(' ')}>
      {parts.map((part, i) => {
        switch (part.op) {
          case 'insert':
            return (
              <ins key={i} className="diff-ins">
                <span className="visually-hidden">[inserted: </span>
                {part.text}
                <span className="visually-hidden">]</span>
              </ins>
            );
          case 'delete':
            return (
              <del key={i} className="diff-del">
                <span className="visually-hidden">[deleted: </span>
                {part.text}
                <span className="visually-hidden">]</span>
              </del>
            );
          default:
            return <span key={i}>{part.text}</span>;
        }
      })}
    </p>
  );
}

/** The key to a diff's markings, shown once above it. */
export function DiffLegend() {
  return (
    <p className="diff-legend small" aria-hidden="true">
      <ins className="diff-ins">Inserted text</ins> is underlined;{' '}
      <del className="diff-del">deleted text</del> is struck through.
    </p>
  );
}

/** Items added to and removed from a list (sectors, terms), as two labelled lines. */
export function ListChanges({
  label,
  added,
  removed,
  format = (value) => value,
}: {
  label: string;
  added: readonly string[];
  removed: readonly string[];
  format?: (value: string) => string;
}) {
  if (added.length === 0 && removed.length === 0) return null;
  return (
    <div className="list-changes">
      <strong>{label}</strong>
      {added.length > 0 ? (
        <p>
          Added:{' '}
          {added.map((value, i) => (
            <span key={value}>
              {i > 0 ? ', ' : null}
              <ins className="diff-ins">{format(value)}</ins>
            </span>
          ))}
        </p>
      ) : null}
      {removed.length > 0 ? (
        <p>
          Removed:{' '}
          {removed.map((value, i) => (
            <span key={value}>
              {i > 0 ? ', ' : null}
              <del className="diff-del">{format(value)}</del>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
