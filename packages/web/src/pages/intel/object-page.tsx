import { useParams } from 'react-router';
import { objectLabel, useIntelCollections, useIntelObject } from '../../api/intel';
import type { IntelObjectDetail } from '../../api/intel';
import { PageHeader } from '../../components/page-header';
import type { Crumb } from '../../components/page-header';
import { recordPageFallback } from '../../components/record-page-fallback';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/time';
import { Badge } from '../../components/badge';
import { TlpBadge } from './tlp-badge';
import { RelationshipGraph } from './relationship-graph';
import { SightingsPanel } from './sightings-panel';

const CRUMBS: Crumb[] = [{ label: 'Intelligence', to: '/intel' }];

/** Properties shown up top, in this order, when the object has them. */
const KEY_PROPERTIES = [
  'description',
  'pattern',
  'pattern_type',
  'indicator_types',
  'malware_types',
  'aliases',
  'goals',
  'objective',
  'capabilities',
  'is_family',
  'confidence',
  'valid_from',
  'valid_until',
  'first_seen',
  'last_seen',
  'created',
  'modified',
] as const;

const humanise = (key: string) => {
  const text = key.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

function PropertyValue({ name, value }: { name: string; value: unknown }) {
  if (Array.isArray(value)) return <>{value.map(String).join(', ')}</>;
  if (typeof value === 'boolean') return <>{value ? 'Yes' : 'No'}</>;
  if (name === 'pattern' && typeof value === 'string')
    return <code className="intel-pattern">{value}</code>;
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value))
    return <DateTime value={value} />;
  if (typeof value === 'string' || typeof value === 'number') return <>{value}</>;
  return <code>{JSON.stringify(value)}</code>;
}

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
  const o = detail.object;
  const type = typeof o.type === 'string' ? o.type : (stixId.split('--')[0] ?? '');
  const name = typeof o.name === 'string' ? o.name : null;
  const title = objectLabel({ id: stixId, type, name });
  const collection = collections.data?.find((c) => c.id === detail.collectionId);
  const present = KEY_PROPERTIES.filter((key) => o[key] !== undefined && o[key] !== null);

  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={CRUMBS}
        meta={
          <>
            <TlpBadge tlp={detail.tlp} />
            <Badge>{type}</Badge>
            {o.revoked === true ? <Badge tone="danger">Revoked</Badge> : null}
          </>
        }
        description={
          <>
            In {collection?.title ?? 'a collection you can read'}, added{' '}
            <DateTime value={detail.dateAdded} />.
          </>
        }
      />
      <div className="intel-object">
        <section aria-labelledby="intel-properties" className="intel-section">
          <h2 id="intel-properties">Properties</h2>
          <dl className="intel-properties">
            <div>
              <dt>STIX id</dt>
              <dd>
                <code className="intel-id">{stixId}</code>
              </dd>
            </div>
            {present.map((key) => (
              <div key={key}>
                <dt>{humanise(key)}</dt>
                <dd>
                  <PropertyValue name={key} value={o[key]} />
                </dd>
              </div>
            ))}
          </dl>
          <details className="disclosure">
            <summary>The object as STIX JSON</summary>
            <pre className="intel-json" tabIndex={0}>
              {JSON.stringify(o, null, 2)}
            </pre>
          </details>
        </section>

        {detail.sightings ? (
          <SightingsPanel
            sightings={detail.sightings}
            indicatorId={stixId}
            collectionId={detail.collectionId}
          />
        ) : null}

        <RelationshipGraph graph={detail.graph} centreId={stixId} />

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
