import { useIntelCollections } from '../../api/intel';
import type { IntelSightings } from '../../api/intel';
import { DateTime } from '../../components/time';
import { SightingsChart } from './sightings-chart';
import { SightingForm } from './sighting-form';

/** An indicator's sightings: the totals, the per-day chart and the form to report one. */
export function SightingsPanel({
  sightings,
  indicatorId,
  collectionId,
}: {
  sightings: IntelSightings;
  indicatorId: string;
  /** The indicator's own collection, offered first when the caller may write to it. */
  collectionId: string;
}) {
  const collections = useIntelCollections();
  const writable = (collections.data ?? [])
    .filter((c) => c.canWrite)
    .sort((a, b) => Number(b.id === collectionId) - Number(a.id === collectionId));
  return (
    <section aria-labelledby="intel-sightings" className="intel-section">
      <h2 id="intel-sightings">Sightings</h2>
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
      {collections.isSuccess ? (
        <SightingForm indicatorId={indicatorId} collections={writable} />
      ) : null}
    </section>
  );
}
