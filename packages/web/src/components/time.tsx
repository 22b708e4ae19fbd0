import { formatDate, formatDateTime, formatPrecise, formatRelative } from '../lib/format';

/** A timestamp readable at a glance, precise on hover, machine-readable in `dateTime`. */
export function DateTime({
  value,
  mode = 'datetime',
  empty = '—',
}: {
  value: string | null | undefined;
  mode?: 'datetime' | 'date' | 'relative';
  empty?: string;
}) {
  if (!value) return <span className="muted">{empty}</span>;
  const text =
    mode === 'date'
      ? formatDate(value)
      : mode === 'relative'
        ? formatRelative(value)
        : formatDateTime(value);
  return (
    <time dateTime={value} title={formatPrecise(value)}>
      {text}
    </time>
  );
}
