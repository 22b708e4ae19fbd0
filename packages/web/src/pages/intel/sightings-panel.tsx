import { useIntelCollections } from '../../api/intel';
import type { IntelSightings } from '../../api/intel';
import { SightingsSummary } from './sightings-summary';
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
      <SightingsSummary sightings={sightings} />
      {collections.isSuccess ? (
        <SightingForm indicatorId={indicatorId} collections={writable} />
      ) : null}
    </section>
  );
}
