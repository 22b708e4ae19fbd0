import { useId } from 'react';
import { ChartBar, FiguresTable, GridLines, XTick } from './chart-parts';

export interface RatePoint {
  /** Short label under the bar, e.g. the round's date. */
  label: string;
  /** Full name for the table and tooltips, e.g. the round's title. */
  name: string;
  /** The bar: a share from 0 to 1, or null when nothing was measured. */
  bar: number | null;
  /** The line: a second share from 0 to 1, or null. */
  line: number | null;
}

const WIDTH = 720;
const HEIGHT = 260;
const PAD = { top: 16, right: 16, bottom: 48, left: 44 };
const TICKS = [0, 0.25, 0.5, 0.75, 1];

const pct = (v: number | null) => (v === null ? 'no data' : `${Math.round(v * 100)} %`);

/**
 * Two shares over a series (e.g. response rate and on-time rate over ping rounds) as bars and
 * a line, in plain SVG. The chart is a picture with a text summary; the same figures are in a
 * table under it, so nothing depends on seeing the chart or telling its colours apart (the
 * line has square markers, the bars are solid).
 */
export function RateChart({
  title,
  points,
  barLabel,
  lineLabel,
  noun = ['round', 'rounds'],
  summary: given,
}: {
  title: string;
  points: readonly RatePoint[];
  barLabel: string;
  lineLabel: string;
  /** What a point is, singular and plural, for the text summary and the table's first column. */
  noun?: readonly [string, string];
  /** The chart's text alternative, when "N rounds, the latest: …" does not fit the series. */
  summary?: string;
}) {
  const id = useId();
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const step = points.length > 0 ? innerW / points.length : innerW;
  const barW = Math.min(48, step * 0.6);
  const x = (i: number) => PAD.left + step * i + step / 2;
  const y = (v: number) => PAD.top + innerH * (1 - v);
  const line = points
    .map((p, i) => (p.line === null ? null : `${x(i)},${y(p.line)}`))
    .filter((p): p is string => p !== null);
  const last = points.at(-1);
  const summary =
    given ??
    (points.length === 0
      ? 'No data yet.'
      : `${points.length} ${points.length === 1 ? noun[0] : noun[1]}. Latest, ${last?.name}: ${barLabel.toLowerCase()} ${pct(last?.bar ?? null)}, ${lineLabel.toLowerCase()} ${pct(last?.line ?? null)}.`);

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        {title}
      </figcaption>
      <div className="chart-legend" aria-hidden="true">
        <span>
          <span className="chart-key chart-key--bar" /> {barLabel}
        </span>
        <span>
          <span className="chart-key chart-key--line" /> {lineLabel}
        </span>
      </div>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="chart-svg"
        role="img"
        aria-label={`${title}. ${summary}`}
      >
        <GridLines
          values={TICKS}
          y={y}
          left={PAD.left}
          right={WIDTH - PAD.right}
          format={(t) => `${Math.round(t * 100)}%`}
        />
        {points.map((p, i) => (
          <g key={`${p.name}-${i}`}>
            {p.bar !== null ? (
              <ChartBar
                x={x(i)}
                y={y(p.bar)}
                width={barW}
                height={Math.max(0, innerH * p.bar)}
                title={`${p.name}: ${barLabel.toLowerCase()} ${pct(p.bar)}`}
              />
            ) : null}
            <XTick x={x(i)} y={HEIGHT - PAD.bottom + 18}>
              {p.label}
            </XTick>
          </g>
        ))}
        {line.length > 1 ? <polyline points={line.join(' ')} className="chart-line" /> : null}
        {points.map((p, i) =>
          p.line === null ? null : (
            <rect
              key={`m-${i}`}
              x={x(i) - 4}
              y={y(p.line) - 4}
              width={8}
              height={8}
              className="chart-marker"
            >
              <title>{`${p.name}: ${lineLabel.toLowerCase()} ${pct(p.line)}`}</title>
            </rect>
          ),
        )}
      </svg>
      <FiguresTable
        head={
          <>
            <th scope="col">{noun[0].charAt(0).toUpperCase() + noun[0].slice(1)}</th>
            <th scope="col" className="num">
              {barLabel}
            </th>
            <th scope="col" className="num">
              {lineLabel}
            </th>
          </>
        }
      >
        {points.map((p, i) => (
          <tr key={`${p.name}-${i}`}>
            <th scope="row">{p.name}</th>
            <td className="num">{pct(p.bar)}</td>
            <td className="num">{pct(p.line)}</td>
          </tr>
        ))}
      </FiguresTable>
    </figure>
  );
}
