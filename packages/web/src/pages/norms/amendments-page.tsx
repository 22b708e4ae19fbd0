import { Link } from 'react-router';
import { DEFAULT_NORM_PAGE_SIZE, useAllNorms, useAmendments } from '../../api/norms';
import type { AmendmentKind, AmendmentQuery, AmendmentStatus } from '../../api/norms';
import { useAllParticipants } from '../../api/participants';
import { PageHeader } from '../../components/page-header';
import { SelectField } from '../../components/field';
import { ParticipantOptions } from '../../components/options';
import { PagedList } from '../../components/pagination';
import { EmptyState } from '../../components/states';
import { Icon } from '../../components/icons';
import { bindFilters } from '../../components/filter-bar';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { AMENDMENT_KIND_LABELS, AMENDMENT_STATUS_LABELS } from './norm-badges';
import { AmendmentsTable } from './amendments-table';
import { NormsTabs } from './norms-tabs';

const FILTERS = ['status', 'kind', 'normId', 'proposedBy'] as const;
const ID = 'amendment-filters';

/** Every proposal to add, change or retire a norm, newest first. */
export function AmendmentsPage() {
  const norms = useAllNorms();
  const participants = useAllParticipants();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter = bindFilters(ID, filters, setFilters);
  const pages = useCursorPagination(FILTERS.map((key) => filters[key]).join('|'));

  const query: AmendmentQuery = { limit: DEFAULT_NORM_PAGE_SIZE };
  if (filters.status) query.status = filters.status as AmendmentStatus;
  if (filters.kind) query.kind = filters.kind as AmendmentKind;
  if (filters.normId) query.normId = filters.normId;
  if (filters.proposedBy) query.proposedBy = filters.proposedBy;
  if (pages.cursor) query.cursor = pages.cursor;
  const list = useAmendments(query);
  const filtered = FILTERS.some((key) => filters[key] !== '');

  return (
    <>
      <PageHeader
        title="Amendments"
        description="Proposals to add a norm, change one or retire it. Any participant may propose and comment; states and regional organisations endorse; the secretariat records the decision, and an adoption enters the ledger."
        actions={
          <Link className="btn btn-primary" to="/norms/amendments/new">
            <Icon name="plus" />
            Propose an amendment
          </Link>
        }
      />
      <NormsTabs />
      <form
        className="filters"
        aria-label="Filter amendments"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField {...filter('status')} label="Status">
          <option value="">Any status</option>
          {Object.entries(AMENDMENT_STATUS_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField {...filter('kind')} label="Kind">
          <option value="">Any kind</option>
          {Object.entries(AMENDMENT_KIND_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField {...filter('normId')} label="Norm">
          <option value="">Any norm</option>
          {norms.data?.map((norm) => (
            <option key={norm.id} value={norm.id}>
              {norm.id}: {norm.current.title}
            </option>
          ))}
        </SelectField>
        <SelectField {...filter('proposedBy')} label="Proposed by">
          <option value="">Anyone</option>
          <ParticipantOptions participants={participants.data} />
        </SelectField>
        {filtered ? (
          <div className="filters-actions">
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => setFilters({ status: '', kind: '', normId: '', proposedBy: '' })}
            >
              Clear filters
            </button>
          </div>
        ) : null}
      </form>

      <PagedList
        query={list}
        pages={pages}
        noun={['amendment', 'amendments']}
        loadingLabel="Loading amendments…"
        empty={
          <EmptyState icon="inbox" title={filtered ? 'No amendments match' : 'No amendments yet'}>
            <p>
              {filtered
                ? 'Clear the filters to see every amendment.'
                : 'Proposals to add, change or retire a norm will be listed here.'}
            </p>
          </EmptyState>
        }
      >
        {(items) => (
          <AmendmentsTable
            amendments={items}
            labelledBy="amendments-caption"
            caption={`Amendments${filtered ? ' matching the filters' : ''}, newest first`}
          />
        )}
      </PagedList>
    </>
  );
}
