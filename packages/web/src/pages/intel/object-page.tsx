import { useParams } from 'react-router';
import { useIntelCollections, useIntelObject } from '../../api/intel';
import type { IntelObjectDetail } from '../../api/intel';
import { PageHeader } from '../../components/page-header';
import type { Crumb } from '../../components/page-header';
import { recordPageFallback } from '../../components/record-page-fallback';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/time';
import { Badge } from '../../components/badge';
import { RelationshipGraph } from './relationship-graph';
import { SightingsPanel } from './sightings-panel';
import { ObjectProperties } from './object-properties';
import { ObjectBadges, objectHeading } from './object-heading';
import { IncidentLinksPanel } from './incident-links-panel';
import { ObjectIncidentsPanel } from './object-incidents-panel';
import { Confirmation } from '../../components/notice';
import { useFlash } from '../../hooks/use-flash';
import { isLinkable } from '../../api/intel';

const CRUMBS: Crumb[] = [{ label: 'Intelligence', to: '/intel' }];

/** One STIX object: its marking, key properties, raw JSON, versions, relationships, sightings. */
export function ObjectPage() {
  const { stixId = '' } = useParams();
  const detail = useIntelObject(stixId);
  if (!detail.isSuccess) {
    return recordPageFallback(detail, {
      title: 'Intelligence object',
      breadcrumbs: CRUMBS,
      loadingLabel: 'Loading the object…',
    });
  }
  return <ObjectView detail={detail.data} stixId={stixId} />;
}

function ObjectView({ detail, stixId }: { detail: IntelObjectDetail; stixId: string }) {
  const collections = useIntelCollections();
  const [flash, dismissFlash] = useFlash();
  const o = detail.object;
  const { type, title } = objectHeading(o, stixId);
  const collection = collections.data?.find((c) => c.id === detail.collectionId);

  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={CRUMBS}
        meta={<ObjectBadges tlp={detail.tlp} type={type} revoked={o.revoked === true} />}
        description={
          <>
            In {collection?.title ?? 'a collection you can read'}, added{' '}
            <DateTime value={detail.dateAdded} />.
          </>
        }
      />
      <Confirmation message={flash} onDismiss={dismissFlash} />
      <div className="intel-object">
        <ObjectProperties object={o} stixId={stixId} />

        {type === 'incident' ? (
          <IncidentLinksPanel incidentId={stixId} collectionId={detail.collectionId} />
        ) : null}

        {detail.sightings ? (
          <SightingsPanel
            sightings={detail.sightings}
            indicatorId={stixId}
            collectionId={detail.collectionId}
          />
        ) : null}

        <RelationshipGraph graph={detail.graph} centreId={stixId} />

        {type !== 'incident' && isLinkable(type) ? (
          <ObjectIncidentsPanel stixId={stixId} collectionId={detail.collectionId} />
        ) : null}

        <section aria-labelledby="intel-versions" className="intel-section">
          <h2 id="intel-versions">Versions</h2>
          <DataTable
            labelledBy="intel-versions"
            head={
              <>
                <th scope="col">Version (modified)</th>
                <th scope="col">Added to the collection</th>
              </>
            }
          >
            {detail.versions.map((v, i) => (
              <tr key={`${v.version ?? ''}-${v.dateAdded}`}>
                <td>
                  <DateTime value={v.version} empty="(no version)" />
                  {i === 0 ? <Badge tone="info">Latest</Badge> : null}
                </td>
                <td>
                  <DateTime value={v.dateAdded} />
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      </div>
    </>
  );
}
