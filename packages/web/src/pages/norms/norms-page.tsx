import { Link } from 'react-router';
import {
  DEFAULT_NORM_PAGE_SIZE,
  pillarLabel,
  sectorLabel,
  statusLabel,
  useNormVocabulary,
  useNorms,
} from '../../api/norms';
import type { NormCategory, NormQuery, NormSector, NormStatus } from '../../api/norms';
import { useAllTerms } from '../../api/glossary';
import { PageHeader } from '../../components/page-header';
import { FilterBar, bindFilters } from '../../components/filter-bar';
import { SelectField } from '../../components/field';
import { MetaOptions } from '../../components/options';
import { PagedList } from '../../components/pagination';
import { EmptyState } from '../../components/states';
import { Icon } from '../../components/icons';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { NormCard } from './norm-card';
import { NormsTabs } from './norms-tabs';

const FILTERS = ['q', 'category', 'pillar', 'sector', 'status', 'term'] as const;
const ID = 'norm-filters';

/** The catalogue: every norm, filtered by what it is, where it applies and the terms it uses. */
export function NormsPage() {
  const vocabulary = useNormVocabulary();
  const terms = useAllTerms();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter = bindFilters(ID, filters, setFilters);
  const pages = useCursorPagination(FILTERS.map((key) => filters[key]).join('|'));

  const query: NormQuery = { limit: DEFAULT_NORM_PAGE_SIZE };
  if (filters.q) query.q = filters.q;
  // The server validates each value; a hand-edited URL gets its error message, not a crash.
  if (filters.category) query.category = filters.category as NormCategory;
  if (filters.pillar) query.pillar = Number(filters.pillar);
  if (filters.sector) query.sector = filters.sector as NormSector;
  if (filters.status) query.status = filters.status as NormStatus;
  if (filters.term) query.term = filters.term;
  if (pages.cursor) query.cursor = pages.cursor;
  const list = useNorms(query);
  const filtered = FILTERS.some((key) => filters[key] !== '');

  return (
    <>
      <PageHeader
        title="Norms"
        description="The norms the community has agreed: what is prohibited, what is restrained, and which defensive measures are expressly legitimate, each with the definitions it relies on and the sectors it covers."
        actions={
          <Link className="btn btn-primary" to="/norms/amendments/new">
            <Icon name="plus" />
            Propose an amendment
          </Link>
        }
      />
      <NormsTabs />
      <FilterBar
        idPrefix={ID}
        label="Filter norms"
        query={filters.q}
        placeholder="Identifier, title or text"
        onSearch={(q) => setFilters({ q })}
        onClear={() =>
          setFilters({ q: '', category: '', pillar: '', sector: '', status: '', term: '' })
        }
        canClear={filtered}
      >
        <SelectField {...filter('category')} label="Category">
          <option value="">All categories</option>
          <MetaOptions entries={vocabulary.data?.categories} />
        </SelectField>
        <SelectField {...filter('pillar')} label="Pillar">
          <option value="">All pillars</option>
          {vocabulary.data?.pillars.map((pillar) => (
            <option key={pillar.id} value={String(pillar.id)}>
              {pillarLabel(vocabulary.data, pillar.id)}
            </option>
          ))}
        </SelectField>
        <SelectField {...filter('sector')} label="Sector">
          <option value="">All sectors</option>
          {vocabulary.data?.sectors.map((sector) => (
            <option key={sector} value={sector}>
              {sectorLabel(sector)}
            </option>
          ))}
        </SelectField>
        <SelectField {...filter('term')} label="Uses the term">
          <option value="">Any term</option>
          {terms.data?.map((term) => (
            <option key={term.id} value={term.id}>
              {term.term}
            </option>
          ))}
        </SelectField>
        <SelectField {...filter('status')} label="Status">
          <option value="">Any status</option>
          {vocabulary.data?.statuses.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </SelectField>
      </FilterBar>

      <PagedList
        query={list}
        pages={pages}
        noun={['norm', 'norms']}
        loadingLabel="Loading the catalogue…"
        empty={
          <EmptyState icon="shield" title={filtered ? 'No norms match' : 'The catalogue is empty'}>
            <p>
              {filtered
                ? 'Try other words, or clear the filters to see the whole catalogue.'
                : 'Norms appear here once the catalogue has been loaded or an amendment adopted.'}
            </p>
          </EmptyState>
        }
      >
        {(norms) => (
          <ul className="norm-list" aria-label={filtered ? 'Norms matching the filters' : 'Norms'}>
            {norms.map((norm) => (
              <li key={norm.id}>
                <NormCard norm={norm} vocabulary={vocabulary.data} />
              </li>
            ))}
          </ul>
        )}
      </PagedList>
    </>
  );
}
