import { Link } from 'react-router';
import { DEFAULT_DOCTRINE_PAGE_SIZE, VISIBILITY_LABELS, useDoctrines } from '../../api/doctrines';
import type { DoctrineQuery, DoctrineVisibility, PublisherKind } from '../../api/doctrines';
import { useAllNorms } from '../../api/norms';
import { useMe } from '../../auth/session';
import { canPublishDoctrine } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import { FilterBar, bindFilters } from '../../components/filter-bar';
import { SelectField } from '../../components/field';
import { PagedList } from '../../components/pagination';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/states';
import { DateTime } from '../../components/time';
import { Icon } from '../../components/icons';
import { LedgerBadge } from '../../components/ledger-badge';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { DoctrinesTabs } from './doctrines-tabs';
import { VisibilityBadge } from './doctrine-badges';

const FILTERS = ['q', 'participantKind', 'visibility', 'normId'] as const;
const ID = 'doctrine-filters';

/** Each state’s and regional organisation’s latest doctrine, as far as the reader may see. */
export function DoctrinesPage() {
  const me = useMe();
  const norms = useAllNorms();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter = bindFilters(ID, filters, setFilters);
  const pages = useCursorPagination(FILTERS.map((key) => filters[key]).join('|'));
  const query: DoctrineQuery = { limit: DEFAULT_DOCTRINE_PAGE_SIZE };
  if (filters.q) query.q = filters.q;
  if (filters.participantKind) query.participantKind = filters.participantKind as PublisherKind;
  if (filters.visibility) query.visibility = filters.visibility as DoctrineVisibility;
  if (filters.normId) query.normId = filters.normId;
  if (pages.cursor) query.cursor = pages.cursor;
  const list = useDoctrines(query);
  const filtered = FILTERS.some((key) => filters[key] !== '');

  return (
    <>
      <PageHeader
        title="Doctrines"
        description="Where each state and regional organisation draws its red lines, which thresholds it applies, what it holds to be legitimate defence and which norms it commits to. Every version is signed by its author and kept in the ledger."
        actions={
          canPublishDoctrine(me) ? (
            <Link className="btn btn-primary" to="/doctrines/publish">
              <Icon name="plus" />
              Publish a new version
            </Link>
          ) : null
        }
      />
      <DoctrinesTabs />
      <FilterBar
        idPrefix={ID}
        label="Filter doctrines"
        query={filters.q}
        placeholder="Title, summary or participant"
        onSearch={(q) => setFilters({ q })}
        onClear={() => setFilters({ q: '', participantKind: '', visibility: '', normId: '' })}
        canClear={filtered}
      >
        <SelectField {...filter('participantKind')} label="Participant">
          <option value="">States and organisations</option>
          <option value="state">States</option>
          <option value="regional_organisation">Regional organisations</option>
        </SelectField>
        <SelectField {...filter('visibility')} label="Visibility">
          <option value="">Any</option>
          {Object.entries(VISIBILITY_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField {...filter('normId')} label="Commits to">
          <option value="">Any norm</option>
          {norms.data?.map((norm) => (
            <option key={norm.id} value={norm.id}>
              {norm.id}: {norm.current.title}
            </option>
          ))}
        </SelectField>
      </FilterBar>

      <PagedList
        query={list}
        pages={pages}
        noun={['doctrine', 'doctrines']}
        loadingLabel="Loading doctrines…"
        empty={
          <EmptyState icon="building" title={filtered ? 'No doctrines match' : 'No doctrines yet'}>
            <p>
              {filtered
                ? 'Clear the filters to see every published doctrine.'
                : 'Doctrines appear here once a state or regional organisation publishes one.'}
            </p>
          </EmptyState>
        }
      >
        {(items) => (
          <DataTable
            labelledBy="doctrines-caption"
            caption={`Latest doctrines${filtered ? ' matching the filters' : ''}`}
            head={
              <>
                <th scope="col">Participant</th>
                <th scope="col">Doctrine</th>
                <th scope="col" className="num">
                  Red lines
                </th>
                <th scope="col" className="num">
                  Commitments
                </th>
                <th scope="col">Published</th>
                <th scope="col">Ledger</th>
              </>
            }
          >
            {items.map((d) => (
              <tr key={d.id}>
                <td>
                  <span className="cell-primary">{d.participant.name}</span>
                  {d.participant.countryCode ? (
                    <span className="cell-sub">{d.participant.countryCode}</span>
                  ) : null}
                </td>
                <td>
                  <Link className="cell-primary" to={`/doctrines/${d.participant.id}`}>
                    {d.title}
                  </Link>
                  <span className="cell-sub">
                    Version {d.version} · <VisibilityBadge visibility={d.visibility} />
                  </span>
                </td>
                <td className="num">{d.redLineCount}</td>
                <td className="num">{d.commitmentCount}</td>
                <td className="nowrap">
                  <DateTime value={d.publishedAt} mode="date" />
                </td>
                <td>
                  <LedgerBadge index={d.ledger.index} />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </PagedList>
    </>
  );
}
