import { Link } from 'react-router';
import {
  DEFAULT_INTEL_PAGE_SIZE,
  isTlp,
  useIntelCollections,
  useIntelObjects,
} from '../../api/intel';
import type { IntelObjectQuery } from '../../api/intel';
import { PageHeader } from '../../components/page-header';
import { FilterBar, bindFilters } from '../../components/filter-bar';
import { PagedList } from '../../components/pagination';
import { EmptyState } from '../../components/states';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { IntelTabs } from './intel-tabs';
import { CollectionSelect, ObjectTable, TlpSelect, TypeSelect } from './object-table';

const FILTERS = ['q', 'collection', 'type', 'tlp'] as const;
const ID = 'intel-filters';

/** The object browser: STIX objects across every collection the caller may read. */
export function ObjectsPage() {
  const collections = useIntelCollections();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter = bindFilters(ID, filters, setFilters);
  const pages = useCursorPagination(FILTERS.map((key) => filters[key]).join('|'));
  const query: IntelObjectQuery = { limit: DEFAULT_INTEL_PAGE_SIZE };
  if (filters.q) query.q = filters.q;
  if (filters.collection) query.collectionId = filters.collection;
  if (filters.type) query.type = [filters.type];
  if (isTlp(filters.tlp)) query.tlp = [filters.tlp];
  if (pages.cursor) query.cursor = pages.cursor;
  const list = useIntelObjects(query);
  const filtered = FILTERS.some((key) => filters[key] !== '');
  const titles = new Map(collections.data?.map((c) => [c.id, c.title]));

  return (
    <>
      <PageHeader
        title="Intelligence"
        description="Indicators, malware, campaigns and the other STIX 2.1 objects shared in the collections you can read. Each carries its Traffic Light Protocol marking: respect it when you pass anything on."
      />
      <IntelTabs />
      <FilterBar
        idPrefix={ID}
        label="Search intelligence"
        query={filters.q}
        placeholder="Name, description, pattern…"
        onSearch={(q) => setFilters({ q })}
        onClear={() => setFilters({ q: '', collection: '', type: '', tlp: '' })}
        canClear={filtered}
      >
        <CollectionSelect {...filter('collection')} collections={collections.data} />
        <TypeSelect {...filter('type')} />
        <TlpSelect {...filter('tlp')} />
      </FilterBar>
      <PagedList
        query={list}
        pages={pages}
        noun={['object', 'objects']}
        loadingLabel="Loading intelligence…"
        empty={
          <EmptyState icon="search" title={filtered ? 'No objects match' : 'Nothing shared yet'}>
            <p>
              {filtered ? (
                'Try other words, or clear the filters to see everything you can read.'
              ) : (
                <>
                  None of your collections holds anything you may see yet. Import a STIX bundle on
                  the <Link to="/intel/collections">collections page</Link>, or connect a TAXII
                  client.
                </>
              )}
            </p>
          </EmptyState>
        }
      >
        {(items) => (
          <ObjectTable
            items={items}
            labelledBy="intel-objects-caption"
            caption={`Intelligence objects${filtered ? ' matching the filters' : ''}`}
            hrefOf={(o) => `/intel/objects/${o.id}`}
            collectionOf={(o) => titles.get(o.collectionId) ?? '—'}
          />
        )}
      </PagedList>
    </>
  );
}
