import { DEFAULT_INTEL_PAGE_SIZE } from '../../api/intel';
import { ObjectTable, TypeSelect } from '../intel/object-table';
import { PageHeader } from '../../components/page-header';
import { FilterBar, bindFilters } from '../../components/filter-bar';
import { PagedList } from '../../components/pagination';
import { EmptyState } from '../../components/states';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { publicObjectPath, usePublicIntelObjects } from '../../api/public-intel';
import type { PublicIntelQuery } from '../../api/public-intel';

const FILTERS = ['q', 'type'] as const;
const ID = 'public-intel-filters';

/**
 * The intelligence anyone may read without signing in: objects marked TLP:CLEAR ("disclosure
 * is not limited", FIRST TLP 2.0) from every collection on this node, and nothing else.
 */
export function PublicIntelPage() {
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter = bindFilters(ID, filters, setFilters);
  const pages = useCursorPagination(FILTERS.map((key) => filters[key]).join('|'));
  const query: PublicIntelQuery = { limit: DEFAULT_INTEL_PAGE_SIZE };
  if (filters.q) query.q = filters.q;
  if (filters.type) query.type = [filters.type];
  if (pages.cursor) query.cursor = pages.cursor;
  const list = usePublicIntelObjects(query);
  const filtered = FILTERS.some((key) => filters[key] !== '');

  return (
    <>
      <PageHeader
        title="Public intelligence"
        description="Indicators, techniques and other STIX 2.1 objects that members have marked TLP:CLEAR, which anyone may read and pass on. Intelligence with any other marking is for members only and never appears here."
      />
      <FilterBar
        idPrefix={ID}
        label="Search public intelligence"
        query={filters.q}
        placeholder="Name, description, pattern…"
        onSearch={(q) => setFilters({ q })}
        onClear={() => setFilters({ q: '', type: '' })}
        canClear={filtered}
      >
        <TypeSelect {...filter('type')} />
      </FilterBar>
      <PagedList
        query={list}
        pages={pages}
        noun={['object', 'objects']}
        loadingLabel="Loading public intelligence…"
        empty={
          <EmptyState
            icon="search"
            title={filtered ? 'No public objects match' : 'Nothing has been made public yet'}
          >
            <p>
              {filtered
                ? 'Try other words or another type, or clear the filters to see every TLP:CLEAR object.'
                : 'No member has shared intelligence marked TLP:CLEAR on this node so far.'}
            </p>
          </EmptyState>
        }
      >
        {(items) => (
          <ObjectTable
            items={items}
            labelledBy="public-intel-caption"
            caption={`Public intelligence objects${filtered ? ' matching the filters' : ''}`}
            hrefOf={(o) => publicObjectPath(o.id)}
          />
        )}
      </PagedList>
    </>
  );
}
