import type { IntelSightings } from '../../api/intel';
import { DateTime } from '../../components/time';
import { SightingsChart } from './sightings-chart';

/** An indicator's sightings in figures and per day; reporting one is the caller's business. */
export function SightingsSummary({ sightings }: { sightings: IntelSightings }) {
  return (
    <>
      <dl className="intel-stats">
        <div>
          <dt>Total sighted</dt>
          <dd data-testid="sightings-total">{sightings.total}</dd>
        </div>
        <div>
          <dt>Reports</dt>
          <dd>{sightings.reports}</dd>
        </div>
        <div>
          <dt>First seen</dt>
          <dd>
            <DateTime value={sightings.firstSeen} mode="date" />
          </dd>
        </div>
        <div>
          <dt>Last seen</dt>
          <dd>
            <DateTime value={sightings.lastSeen} mode="date" />
          </dd>
        </div>
      </dl>
      <SightingsChart sightings={sightings} />
    </>
  );
}
