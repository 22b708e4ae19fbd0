import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { DEFAULT_TERM_PAGE_SIZE, useTerms } from '../../api/glossary';
import type { TermQuery } from '../../api/glossary';
import { PageHeader } from '../../components/page-header';
import { FilterBar, bindFilters } from '../../components/filter-bar';
import { SelectField } from '../../components/field';
import { PagedList } from '../../components/pagination';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/states';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { useMe } from '../../auth/session';
import { canEditGlossary } from '../../auth/permissions';
import { Icon } from '../../components/icons';
import { GlossaryTabs } from './glossary-tabs';
import { NewTermForm } from './new-term-form';
import { ThresholdOptions, parseThreshold } from './similarity';

const FILTERS = ['q', 'diverging', 'threshold'] as const;
const ID = 'term-filters';

/** The harmonised definitions, and how many participants define each term their own way. */
export function GlossaryPage() {
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter = bindFilters(ID, filters, setFilters);
  const pages = useCursorPagination(FILTERS.map((key) => filters[key]).join('|'));
  const threshold = parseThreshold(filters.threshold);
  const query: TermQuery = { limit: DEFAULT_TERM_PAGE_SIZE };
  if (filters.q) query.q = filters.q;
  if (filters.diverging === 'true') query.diverging = true;
  if (threshold !== undefined) query.threshold = threshold;
  if (pages.cursor) query.cursor = pages.cursor;
  const list = useTerms(query);
  const filtered = filters.q !== '' || filters.diverging !== '';
  const me = useMe();
  const [adding, setAdding] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // Cancelling the form puts the focus back on the button that opened it.
  useEffect(() => {
    if (!adding && returnFocus.current) {
      returnFocus.current = false;
      newButton.current?.focus();
    }
  }, [adding]);

  return (
    <>
      <PageHeader
        title="Glossary"
        description="The community’s harmonised definitions and thresholds, with each participant’s own domestic definition beside them, so everyone can see where the same words mean different things."
        actions={
          canEditGlossary(me) ? (
            <button
              type="button"
              className="btn btn-primary"
              ref={newButton}
              aria-expanded={adding}
              onClick={() => setAdding(true)}
            >
              <Icon name="plus" />
              New term
            </button>
          ) : null
        }
      />
      <GlossaryTabs />
      {adding ? (
        <NewTermForm
          onCancel={() => {
            returnFocus.current = true;
            setAdding(false);
          }}
        />
      ) : null}
      <FilterBar
        idPrefix={ID}
        label="Filter terms"
        query={filters.q}
        placeholder="A term or words of its definition"
        onSearch={(q) => setFilters({ q })}
        onClear={() => setFilters({ q: '', diverging: '', threshold: '' })}
        canClear={filtered || filters.threshold !== ''}
      >
        <SelectField {...filter('diverging')} label="Show">
          <option value="">All terms</option>
          <option value="true">Terms with a diverging definition</option>
        </SelectField>
        <SelectField
          {...filter('threshold')}
          label="Diverging below"
          hint="Similarity under which a definition counts as diverging."
        >
          <ThresholdOptions />
        </SelectField>
      </FilterBar>
      <PagedList
        query={list}
        pages={pages}
        noun={['term', 'terms']}
        loadingLabel="Loading the glossary…"
        empty={
          <EmptyState icon="search" title={filtered ? 'No terms match' : 'The glossary is empty'}>
            <p>
              {filtered
                ? 'Try other words, or clear the filters.'
                : 'Harmonised terms appear here once the secretariat adds them.'}
            </p>
          </EmptyState>
        }
      >
        {(terms) => (
          <DataTable
            labelledBy="terms-caption"
            caption={`Harmonised terms${filtered ? ' matching the filters' : ''}`}
            head={
              <>
                <th scope="col">Term</th>
                <th scope="col">Harmonised definition</th>
                <th scope="col" className="num">
                  Own definitions
                </th>
                <th scope="col" className="num">
                  Diverging
                </th>
              </>
            }
          >
            {terms.map((term) => (
              <tr key={term.id}>
                <td>
                  <Link className="cell-primary" to={`/glossary/${term.id}`}>
                    {term.term}
                  </Link>
                </td>
                <td className="prose-cell">
                  <span className="clamp-2">{term.definition}</span>
                </td>
                <td className="num">{term.variantCount}</td>
                <td className="num">
                  {term.divergingCount > 0 ? (
                    <strong>{term.divergingCount}</strong>
                  ) : (
                    <span className="muted">0</span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </PagedList>
    </>
  );
}
