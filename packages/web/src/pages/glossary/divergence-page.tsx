import { Link } from 'react-router';
import { DEFAULT_TERM_PAGE_SIZE, useDivergence } from '../../api/glossary';
import type { DivergenceQuery } from '../../api/glossary';
import { useAllParticipants } from '../../api/participants';
import { PageHeader } from '../../components/page-header';
import { FilterBar, bindFilters } from '../../components/filter-bar';
import { SelectField } from '../../components/field';
import { ParticipantOptions } from '../../components/options';
import { PagedList } from '../../components/pagination';
import { EmptyState } from '../../components/states';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { GlossaryTabs } from './glossary-tabs';
import { ThresholdOptions, parseThreshold } from './similarity';
import { VariantCard } from './variant-card';

const FILTERS = ['q', 'participantId', 'threshold'] as const;
const ID = 'divergence-filters';

/** Per term, the definitions that diverge from the harmonised one, side by side with it. */
export function DivergencePage() {
  const participants = useAllParticipants();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter = bindFilters(ID, filters, setFilters);
  const pages = useCursorPagination(FILTERS.map((key) => filters[key]).join('|'));
  const threshold = parseThreshold(filters.threshold);
  const query: DivergenceQuery = { limit: DEFAULT_TERM_PAGE_SIZE };
  if (filters.q) query.q = filters.q;
  if (filters.participantId) query.participantId = filters.participantId;
  if (threshold !== undefined) query.threshold = threshold;
  if (pages.cursor) query.cursor = pages.cursor;
  const report = useDivergence(query);
  const filtered = FILTERS.some((key) => filters[key] !== '');

  return (
    <>
      <PageHeader
        title="Divergence"
        description="Where participants’ own definitions part from the harmonised ones: wording that shares little with the harmonised text, or a participant’s own declaration that it has not aligned."
      />
      <GlossaryTabs />
      <FilterBar
        idPrefix={ID}
        label="Filter the divergence report"
        query={filters.q}
        placeholder="A term"
        onSearch={(q) => setFilters({ q })}
        onClear={() => setFilters({ q: '', participantId: '', threshold: '' })}
        canClear={filtered}
      >
        <SelectField {...filter('participantId')} label="Participant">
          <option value="">Everyone</option>
          <ParticipantOptions participants={participants.data} />
        </SelectField>
        <SelectField {...filter('threshold')} label="Diverging below">
          <ThresholdOptions />
        </SelectField>
      </FilterBar>
      <PagedList
        query={report}
        pages={pages}
        noun={['term', 'terms']}
        loadingLabel="Comparing definitions…"
        empty={
          <EmptyState icon="checkCircle" title="No diverging definitions">
            <p>
              {filtered
                ? 'Nothing diverges with these filters.'
                : 'Every definition recorded is close to the harmonised one.'}
            </p>
          </EmptyState>
        }
      >
        {(items) => (
          <div className="stack">
            {items.map((item) => (
              <section key={item.term.id} aria-labelledby={`div-${item.term.id}`}>
                <h2 id={`div-${item.term.id}`} className="divergence-term">
                  <Link to={`/glossary/${item.term.id}`}>{item.term.term}</Link>{' '}
                  <span className="muted small">
                    {item.variants.length} diverging{' '}
                    {item.variants.length === 1 ? 'definition' : 'definitions'}
                  </span>
                </h2>
                <div className="variant-grid">
                  <article
                    className="card variant-card variant-card--harmonised"
                    aria-label={`Harmonised definition of ${item.term.term}`}
                  >
                    <h3 className="card-title">Harmonised definition</h3>
                    <p className="variant-text">{item.term.definition}</p>
                    {item.term.thresholds ? (
                      <p className="small muted">Thresholds: {item.term.thresholds}</p>
                    ) : null}
                  </article>
                  {item.variants.map((v) => (
                    <VariantCard key={v.participant.id} variant={v} />
                  ))}
                </div>
              </section>
            ))}
          </div>
        )}
      </PagedList>
    </>
  );
}
