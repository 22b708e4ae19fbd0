import { Link } from 'react-router';
import {
  DEFAULT_INTEL_PAGE_SIZE,
  isTlp,
  objectLabel,
  useIncidents,
  useIntelCollections,
} from '../../api/intel';
import type { IncidentQuery, IncidentSummary } from '../../api/intel';
import { PageHeader } from '../../components/page-header';
import { FilterBar, bindFilters } from '../../components/filter-bar';
import { PagedList } from '../../components/pagination';
import { EmptyState } from '../../components/states';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/time';
import { Icon } from '../../components/icons';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { IntelTabs } from './intel-tabs';
import { TlpBadge } from './tlp-badge';
import { IncidentLabels } from './incident-labels';
import { CollectionSelect, TlpSelect } from './object-table';

const FILTERS = ['q', 'collection', 'tlp', 'label'] as const;
const ID = 'incident-filters';

/** Incidents (STIX incident objects) in the collections the caller reads, with their links. */
export function IncidentsPage() {
  const collections = useIntelCollections();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter = bindFilters(ID, filters, setFilters);
  const pages = useCursorPagination(FILTERS.map((key) => filters[key]).join('|'));
  const query: IncidentQuery = { limit: DEFAULT_INTEL_PAGE_SIZE };
  if (filters.q) query.q = filters.q;
  if (filters.collection) query.collectionId = filters.collection;
  if (isTlp(filters.tlp)) query.tlp = [filters.tlp];
  if (filters.label) query.label = filters.label;
  if (pages.cursor) query.cursor = pages.cursor;
  const list = useIncidents(query);
  const filtered = FILTERS.some((key) => filters[key] !== '');
  const titles = new Map(collections.data?.map((c) => [c.id, c.title]));
  const canReport = (collections.data ?? []).some((c) => c.canWrite);

  return (
    <>
      <PageHeader
        title="Intelligence"
        description="Incidents that members report, each linked to the indicators, malware, techniques and other objects involved. A link is a STIX relationship with its own TLP marking, so it travels over TAXII with the incident."
        actions={
          canReport ? (
            <Link to="/intel/incidents/new" className="btn btn-primary">
              <Icon name="plus" />
              Report an incident
            </Link>
          ) : null
        }
      />
      <IntelTabs />
      <FilterBar
        idPrefix={ID}
        label="Search incidents"
        query={filters.q}
        placeholder="Name or description…"
        onSearch={(q) => setFilters({ q })}
        onClear={() => setFilters({ q: '', collection: '', tlp: '', label: '' })}
        canClear={filtered}
      >
        <CollectionSelect {...filter('collection')} collections={collections.data} />
        <TlpSelect {...filter('tlp')} />
      </FilterBar>
      {filters.label ? (
        <p className="small">
          Labelled <code>{filters.label}</code>.{' '}
          <button type="button" className="btn-link" onClick={() => setFilters({ label: '' })}>
            Show every label
          </button>
        </p>
      ) : null}
      <PagedList
        query={list}
        pages={pages}
        noun={['incident', 'incidents']}
        loadingLabel="Loading incidents…"
        empty={
          <EmptyState icon="search" title={filtered ? 'No incidents match' : 'No incidents yet'}>
            <p>
              {filtered
                ? 'Try other words, or clear the filters to see every incident you can read.'
                : canReport
                  ? 'No incident you may see has been reported. Report one, and link the indicators and other objects involved.'
                  : 'No incident you may see has been reported.'}
            </p>
          </EmptyState>
        }
      >
        {(items) => (
          <IncidentTable
            items={items}
            collectionOf={(i) => titles.get(i.collectionId) ?? '—'}
            onLabel={(label) => setFilters({ label })}
          />
        )}
      </PagedList>
    </>
  );
}

function IncidentTable({
  items,
  collectionOf,
  onLabel,
}: {
  items: readonly IncidentSummary[];
  collectionOf: (i: IncidentSummary) => string;
  onLabel: (label: string) => void;
}) {
  return (
    <DataTable
      labelledBy="incidents-caption"
      caption="Incidents"
      head={
        <>
          <th scope="col">Incident</th>
          <th scope="col">Labels</th>
          <th scope="col" className="num">
            Links
          </th>
          <th scope="col">TLP</th>
          <th scope="col">Collection</th>
          <th scope="col">Reported</th>
        </>
      }
    >
      {items.map((i) => (
        <tr key={`${i.collectionId}/${i.id}`}>
          <td>
            <Link to={`/intel/objects/${i.id}`} className="cell-primary">
              {objectLabel(i)}
            </Link>
            {i.description ? <p className="small muted clamp-2">{i.description}</p> : null}
          </td>
          <td>
            <IncidentLabels labels={i.labels} onSelect={onLabel} />
          </td>
          <td className="num">{i.links}</td>
          <td>
            <TlpBadge tlp={i.tlp} />
          </td>
          <td>{collectionOf(i)}</td>
          <td>
            <DateTime value={i.dateAdded} mode="date" />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
