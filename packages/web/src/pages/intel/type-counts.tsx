import type { IntelCollection } from '../../api/intel';

/**
 * A collection's objects by STIX type as a small horizontal bar chart. It is a list, so screen
 * readers read "indicator, 12"; the bars are decoration scaled to the largest type.
 */
export function TypeCounts({
  counts,
  label,
}: {
  counts: IntelCollection['counts'];
  label: string;
}) {
  const sorted = [...counts].sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  const max = Math.max(1, ...sorted.map((c) => c.count));
  return (
    <ul className="intel-counts" aria-label={label}>
      {sorted.map((t) => (
        <li key={t.type}>
          <code className="intel-type">{t.type}</code>
          <svg
            className="intel-count-bar"
            viewBox="0 0 100 10"
            preserveAspectRatio="none"
            aria-hidden="true"
            focusable="false"
          >
            <rect
              x={0}
              y={0}
              width={Math.max(2, (100 * t.count) / max)}
              height={10}
              className="chart-bar"
            />
          </svg>
          <span className="intel-count-figure">{t.count}</span>
        </li>
      ))}
    </ul>
  );
}
