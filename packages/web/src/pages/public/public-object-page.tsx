import { useParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import type { Crumb } from '../../components/page-header';
import { recordPageFallback } from '../../components/record-page-fallback';
import { DateTime } from '../../components/time';
import { ObjectProperties } from '../intel/object-properties';
import { ObjectBadges, objectHeading } from '../intel/object-heading';
import { RelationshipGraph } from '../intel/relationship-graph';
import { SightingsSummary } from '../intel/sightings-summary';
import { publicObjectPath, usePublicIntelObject } from '../../api/public-intel';
import type { PublicIntelDetail } from '../../api/public-intel';

const CRUMBS: Crumb[] = [{ label: 'Public intelligence', to: '/public/intel' }];

/**
 * One TLP:CLEAR object as the public sees it: its properties, its relationships to other CLEAR
 * objects and the sightings reported as CLEAR. Anything else is a 404 from the server.
 */
export function PublicObjectPage() {
  const { stixId = '' } = useParams();
  const detail = usePublicIntelObject(stixId);
  if (!detail.isSuccess) {
    return recordPageFallback(detail, {
      title: 'Public intelligence object',
      breadcrumbs: CRUMBS,
      loadingLabel: 'Loading the object…',
    });
  }
  return <PublicObjectView detail={detail.data} stixId={stixId} />;
}

function PublicObjectView({ detail, stixId }: { detail: PublicIntelDetail; stixId: string }) {
  const o = detail.object;
  const { type, title } = objectHeading(o, stixId);
  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={CRUMBS}
        meta={<ObjectBadges tlp={detail.tlp} type={type} revoked={o.revoked === true} />}
        description={
          <>
            Shared on this node <DateTime value={detail.dateAdded} />. Marked TLP:CLEAR: anyone may
            read and pass it on.
          </>
        }
      />
      <div className="intel-object">
        <ObjectProperties object={o} stixId={stixId} />
        {detail.sightings ? (
          <section aria-labelledby="public-sightings" className="intel-section">
            <h2 id="public-sightings">Sightings</h2>
            {detail.sightings.total > 0 ? (
              <>
                <p className="small muted">Only sightings members reported as TLP:CLEAR count.</p>
                <SightingsSummary sightings={detail.sightings} />
              </>
            ) : (
              <p className="muted">No sightings of this indicator have been made public.</p>
            )}
          </section>
        ) : null}
        <RelationshipGraph graph={detail.graph} centreId={stixId} hrefOf={publicObjectPath} />
      </div>
    </>
  );
}
