import { Link } from 'react-router';
import { TAXII_API_ROOT_PATH, TAXII_DISCOVERY_PATH, useIntelCollections } from '../../api/intel';
import type { IntelCollection } from '../../api/intel';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '../../components/states';
import { EmptyState } from '../../components/states';
import { Badge } from '../../components/badge';
import { CopyButton } from '../../components/copy-button';
import { IntelTabs } from './intel-tabs';
import { ImportForm } from './import-form';
import { TypeCounts } from './type-counts';
import { ExportPanel } from './export-panel';

/** Collections the caller reads or writes, how to reach them over TAXII, export and import. */
export function CollectionsPage() {
  const collections = useIntelCollections();
  return (
    <>
      <PageHeader
        title="Collections"
        description="Each collection belongs to a sharing community; what you see in it depends on your organisation’s rights and each object’s TLP marking."
      />
      <IntelTabs />
      <TaxiiDetails />
      <QueryView
        query={collections}
        loadingLabel="Loading collections…"
        isEmpty={(data) => data.length === 0}
        empty={
          <EmptyState icon="inbox" title="No collections for you yet">
            <p>Your organisation is not a member of a sharing community with collections.</p>
          </EmptyState>
        }
      >
        {(data) => (
          <>
            <ul className="intel-collections" aria-label="Your collections">
              {data.map((c) => (
                <CollectionCard key={c.id} collection={c} />
              ))}
            </ul>
            <ImportForm collections={data.filter((c) => c.canWrite)} />
          </>
        )}
      </QueryView>
    </>
  );
}

function TaxiiDetails() {
  const origin = window.location.origin;
  return (
    <section className="card intel-taxii" aria-labelledby="taxii-title">
      <h2 id="taxii-title">Connect a TAXII 2.1 client</h2>
      <p className="small">
        Point your threat-intelligence platform at this node. Clients sign in with HTTP Basic
        authentication (your e-mail address and password) or, better, an{' '}
        <Link to="/account/tokens">API token</Link> as the password.
      </p>
      <dl className="intel-properties">
        <div>
          <dt>Discovery</dt>
          <dd>
            <code>{origin + TAXII_DISCOVERY_PATH}</code>{' '}
            <CopyButton text={origin + TAXII_DISCOVERY_PATH} />
          </dd>
        </div>
        <div>
          <dt>API root</dt>
          <dd>
            <code>{origin + TAXII_API_ROOT_PATH}</code>{' '}
            <CopyButton text={origin + TAXII_API_ROOT_PATH} />
          </dd>
        </div>
      </dl>
    </section>
  );
}

function CollectionCard({ collection: c }: { collection: IntelCollection }) {
  const titleId = `collection-${c.id}`;
  const browse = (
    <Link className="btn btn-sm btn-ghost" to={`/intel?collection=${c.id}`}>
      Browse
      <span className="visually-hidden"> {c.title}</span>
    </Link>
  );
  return (
    <li className="card intel-collection" aria-labelledby={titleId}>
      <h2 id={titleId} className="intel-collection-title">
        {c.title}
      </h2>
      <div className="badge-list">
        {c.canRead ? <Badge tone="success">Read</Badge> : null}
        {c.canWrite ? <Badge tone="info">Write</Badge> : <Badge>Read only</Badge>}
        <Badge>{c.community.name}</Badge>
      </div>
      {c.description ? <p className="small">{c.description}</p> : null}
      <p className="small">
        <strong>{c.total}</strong> {c.total === 1 ? 'object' : 'objects'} you can see
        {c.counts.length > 0 ? ', by type:' : '.'}
      </p>
      {c.counts.length > 0 ? (
        <TypeCounts counts={c.counts} label={`Objects in ${c.title} by type`} />
      ) : null}
      <dl className="intel-properties small">
        <div>
          <dt>TAXII collection id</dt>
          <dd>
            <code className="intel-id">{c.id}</code> <CopyButton text={c.id} />
          </dd>
        </div>
        {c.alias ? (
          <div>
            <dt>Alias</dt>
            <dd>
              <code>{c.alias}</code>
            </dd>
          </div>
        ) : null}
      </dl>
      {c.canRead ? (
        <ExportPanel collection={c}>{browse}</ExportPanel>
      ) : (
        <div className="button-row">{browse}</div>
      )}
    </li>
  );
}
