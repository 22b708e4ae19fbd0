import { Link } from 'react-router';
import {
  DEFAULT_INTEL_PAGE_SIZE,
  objectLabel,
  useIntelCollections,
  useObjectLinks,
} from '../../api/intel';
import type { LinkQuery } from '../../api/intel';
import { DataTable } from '../../components/data-table';
import { PagedList } from '../../components/pagination';
import { DateTime } from '../../components/time';
import { Icon } from '../../components/icons';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { TlpBadge } from './tlp-badge';

/** The incidents an object is linked to (those the caller may see), and reporting a new one. */
export function ObjectIncidentsPanel({
  stixId,
  collectionId,
}: {
  stixId: string;
  /** The object's collection: a new incident is offered there first. */
  collectionId: string;
}) {
  const pages = useCursorPagination(stixId);
  const query: LinkQuery = { type: ['incident'], limit: DEFAULT_INTEL_PAGE_SIZE };
  if (pages.cursor) query.cursor = pages.cursor;
  const incidents = useObjectLinks(stixId, query);
  const collections = useIntelCollections();
  const canReport = (collections.data ?? []).some((c) => c.canWrite);

  return (
    <section aria-labelledby="object-incidents" className="intel-section">
      <h2 id="object-incidents">Incidents</h2>
      <PagedList
        query={incidents}
        pages={pages}
        noun={['incident', 'incidents']}
        loadingLabel="Loading incidents…"
        empty={<p className="muted">No incident you may see is linked to this object.</p>}
      >
        {(items) => (
          <DataTable
            labelledBy="object-incidents-caption"
            caption="Incidents this object is linked to"
            head={
              <>
                <th scope="col">Incident</th>
                <th scope="col">Link</th>
                <th scope="col">TLP</th>
                <th scope="col">Linked</th>
              </>
            }
          >
            {items.map((l) => (
              <tr key={l.linkId}>
                <td>
                  <Link to={`/intel/objects/${l.object.id}`} className="cell-primary">
                    {objectLabel(l.object)}
                  </Link>
                </td>
                <td>
                  <code>{l.relationshipType}</code>
                </td>
                <td>
                  <TlpBadge tlp={l.object.tlp} />
                </td>
                <td>
                  <DateTime value={l.linkedAt} mode="date" />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </PagedList>
      {canReport ? (
        <p>
          <Link
            to={`/intel/incidents/new?${new URLSearchParams({ link: stixId, collection: collectionId }).toString()}`}
            className="btn"
          >
            <Icon name="plus" />
            Report an incident involving this object
          </Link>
        </p>
      ) : null}
    </section>
  );
}
