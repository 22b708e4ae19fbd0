import { Link } from 'react-router';
import { DEFAULT_TERM_PAGE_SIZE, useAlignment } from '../../api/glossary';
import type { AlignmentQuery } from '../../api/glossary';
import { useMeta } from '../../api/meta';
import type { ParticipantKind } from '@concord/api-client';
import { PageHeader } from '../../components/page-header';
import { SelectField } from '../../components/field';
import { MetaOptions } from '../../components/options';
import { bindFilters } from '../../components/filter-bar';
import { PagedList } from '../../components/pagination';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/states';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { useCursorPagination } from '../../hooks/use-cursor-pagination';
import { GlossaryTabs } from './glossary-tabs';
import { ThresholdOptions, parseThreshold } from './similarity';

const FILTERS = ['kind', 'threshold'] as const;
const ID = 'alignment-filters';

/** A share as a bar with its number written out; the number is what counts. */
function Share({ value, total, label }: { value: number; total: number; label: string }) {
  const percent = total === 0 ? 0 : Math.round((value / total) * 100);
  return (
    <span className="share">
      <span>
        {value} of {total}
        <span className="visually-hidden"> {label}</span>
      </span>
      <span className="similarity-bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </span>
    </span>
  );
}

/** Per participant: how many terms it defines itself, how aligned they are, how many diverge. */
export function AlignmentPage() {
  const meta = useMeta();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter = bindFilters(ID, filters, setFilters);
  const pages = useCursorPagination(`${filters.kind}|${filters.threshold}`);
  const threshold = parseThreshold(filters.threshold);
  const query: AlignmentQuery = { limit: DEFAULT_TERM_PAGE_SIZE };
  if (filters.kind) query.kind = filters.kind as ParticipantKind;
  if (threshold !== undefined) query.threshold = threshold;
  if (pages.cursor) query.cursor = pages.cursor;
  const report = useAlignment(query);

  return (
    <>
      <PageHeader
        title="Alignment by participant"
        description="How far each participant has brought its own definitions in line with the harmonised glossary: the terms it defines, what it declares about their alignment, and how many diverge."
      />
      <GlossaryTabs />
      <form
        className="filters"
        aria-label="Filter the alignment report"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField {...filter('kind')} label="Kind of participant">
          <option value="">All kinds</option>
          <MetaOptions entries={meta.data?.participantKinds} />
        </SelectField>
        <SelectField {...filter('threshold')} label="Diverging below">
          <ThresholdOptions />
        </SelectField>
      </form>
      <PagedList
        query={report}
        pages={pages}
        noun={['participant', 'participants']}
        loadingLabel="Loading the alignment report…"
        empty={
          <EmptyState icon="users" title="No participants to show">
            <p>No participant of this kind has recorded its own definitions yet.</p>
          </EmptyState>
        }
      >
        {(items) => (
          <DataTable
            labelledBy="alignment-caption"
            caption="Alignment with the harmonised glossary, per participant"
            head={
              <>
                <th scope="col">Participant</th>
                <th scope="col">Own definitions</th>
                <th scope="col" className="num">
                  Aligned
                </th>
                <th scope="col" className="num">
                  Partly
                </th>
                <th scope="col" className="num">
                  Not aligned
                </th>
                <th scope="col">Diverging</th>
              </>
            }
          >
            {items.map((row) => (
              <tr key={row.participant.id}>
                <td>
                  <span className="cell-primary">{row.participant.name}</span>
                  {row.participant.countryCode ? (
                    <span className="cell-sub">{row.participant.countryCode}</span>
                  ) : null}
                </td>
                <td>
                  <Share value={row.variants} total={row.terms} label="terms defined" />
                </td>
                <td className="num">{row.aligned.yes}</td>
                <td className="num">{row.aligned.partly}</td>
                <td className="num">{row.aligned.no}</td>
                <td>
                  {row.diverging === 0 ? (
                    <span className="muted">None</span>
                  ) : (
                    <Link
                      to={`/glossary/divergence?participantId=${row.participant.id}${filters.threshold ? `&threshold=${filters.threshold}` : ''}`}
                    >
                      {row.diverging} {row.diverging === 1 ? 'term' : 'terms'}
                    </Link>
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
