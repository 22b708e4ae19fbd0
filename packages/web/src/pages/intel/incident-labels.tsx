/**
 * An incident's labels (STIX `labels`): buttons that filter the incident list when `onSelect`
 * is given, plain tags otherwise.
 */
export function IncidentLabels({
  labels,
  onSelect,
}: {
  labels: readonly string[];
  onSelect?: (label: string) => void;
}) {
  if (labels.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="tag-list" aria-label="Labels">
      {labels.map((label) => (
        <li key={label}>
          {onSelect ? (
            <button
              type="button"
              className="tag tag-button"
              onClick={() => onSelect(label)}
              aria-label={`Show incidents labelled ${label}`}
            >
              {label}
            </button>
          ) : (
            <span className="tag">{label}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
