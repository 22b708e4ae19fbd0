import type { ReactNode } from 'react';

/** Horizontal gridlines with their value at the left; the line at 0 is drawn as the axis. */
export function GridLines({
  values,
  y,
  left,
  right,
  format,
}: {
  values: readonly number[];
  y: (value: number) => number;
  left: number;
  right: number;
  format: (value: number) => string;
}) {
  return values.map((v) => (
    <g key={v}>
      <line
        x1={left}
        x2={right}
        y1={y(v)}
        y2={y(v)}
        className={v === 0 ? 'chart-axis' : 'chart-grid'}
      />
      <text x={left - 8} y={y(v) + 4} textAnchor="end" className="chart-tick">
        {format(v)}
      </text>
    </g>
  ));
}

/** One bar, centred on x, with its figure as a tooltip. */
export function ChartBar(props: {
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
}) {
  return (
    <rect
      x={props.x - props.width / 2}
      y={props.y}
      width={props.width}
      height={props.height}
      className="chart-bar"
    >
      <title>{props.title}</title>
    </rect>
  );
}

/** A label under the x axis, centred on x. */
export function XTick({ x, y, children }: { x: number; y: number; children: ReactNode }) {
  return (
    <text x={x} y={y} textAnchor="middle" className="chart-tick">
      {children}
    </text>
  );
}

/** The chart's figures as a table under it, folded: the chart's accessible equivalent. */
export function FiguresTable({ head, children }: { head: ReactNode; children: ReactNode }) {
  return (
    <details className="disclosure">
      <summary>The figures as a table</summary>
      <table className="table">
        <thead>
          <tr>{head}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </details>
  );
}
