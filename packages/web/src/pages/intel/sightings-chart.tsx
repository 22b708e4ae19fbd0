import { useId } from 'react';
import type { IntelSightings } from '../../api/intel';
import { ChartBar, FiguresTable, GridLines, XTick } from '../../components/chart-parts';

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 16, right: 16, bottom: 40, left: 44 };
const DAY = 86_400_000;
/** Longer histories show their most recent days only; the totals still count everything. */
const MAX_DAYS = 90;

/** Every day from the first sighting to the last, with zero where nothing was reported. */
export function fillDays(byDay: IntelSightings['byDay']): { day: string; count: number }[] {
  if (byDay.length === 0) return [];
  const counts = new Map(byDay.map((d) => [d.day.slice(0, 10), d.count]));
  const days = [...counts.keys()].sort();
  const last = Date.parse(`${days.at(-1)}T00:00:00Z`);
  const first = Math.max(Date.parse(`${days[0]}T00:00:00Z`), last - (MAX_DAYS - 1) * DAY);
  const out: { day: string; count: number }[] = [];
  for (let t = first; t <= last; t += DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ day, count: counts.get(day) ?? 0 });
  }
  return out;
}

/** A round "nice" top for the axis: 1, 2, 5, 10, 20, 50… at or above the largest value. */
function niceMax(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Sightings per day as bars, with a text alternative and the figures in a table. */
export function SightingsChart({ sightings }: { sightings: IntelSightings }) {
  const id = useId();
  const days = fillDays(sightings.byDay);
  const max = niceMax(Math.max(0, ...days.map((d) => d.count)));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const step = days.length > 0 ? innerW / days.length : innerW;
  const barW = Math.max(2, Math.min(32, step * 0.7));
  const x = (i: number) => PAD.left + step * i + step / 2;
  const y = (v: number) => PAD.top + innerH * (1 - v / max);
  const labelEvery = Math.ceil(days.length / 8);
  const busiest = days.reduce<{ day: string; count: number } | null>(
    (best, d) => (best === null || d.count > best.count ? d : best),
    null,
  );
  const summary =
    days.length === 0
      ? 'No sightings reported yet.'
      : `${sightings.total} sightings in ${sightings.reports} reports over ${days.length} days; the busiest day, ${busiest?.day}, had ${busiest?.count}.`;

  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="chart-title">
        Sightings per day
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="chart-svg"
        role="img"
        aria-label={`Sightings per day. ${summary}`}
      >
        <GridLines
          values={[0, max / 2, max]}
          y={y}
          left={PAD.left}
          right={WIDTH - PAD.right}
          format={(v) => String(Math.round(v))}
        />
        {days.map((d, i) => (
          <g key={d.day}>
            {d.count > 0 ? (
              <ChartBar
                x={x(i)}
                y={y(d.count)}
                width={barW}
                height={innerH * (d.count / max)}
                title={`${d.day}: ${d.count}`}
              />
            ) : null}
            {i % labelEvery === 0 ? (
              <XTick x={x(i)} y={HEIGHT - PAD.bottom + 18}>
                {d.day.slice(5)}
              </XTick>
            ) : null}
          </g>
        ))}
      </svg>
      <FiguresTable
        head={
          <>
            <th scope="col">Day</th>
            <th scope="col" className="num">
              Sightings
            </th>
          </>
        }
      >
        {days
          .filter((d) => d.count > 0)
          .map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.day}</th>
              <td className="num">{d.count}</td>
            </tr>
          ))}
      </FiguresTable>
    </figure>
  );
}
