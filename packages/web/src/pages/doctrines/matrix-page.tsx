import { Link } from 'react-router';
import { CELL_LABELS, matrixCsvUrl, useCommitmentsMatrix } from '../../api/doctrines';
import type {
  CellStatus,
  CommitmentsMatrix,
  MatrixQuery,
  PublisherKind,
} from '../../api/doctrines';
import { pillarLabel, statusLabel, useNormVocabulary } from '../../api/norms';
import type { NormCategory, NormStatus } from '../../api/norms';
import { PageHeader } from '../../components/page-header';
import { SelectField } from '../../components/field';
import { MetaOptions } from '../../components/options';
import { bindFilters } from '../../components/filter-bar';
import { EmptyState, QueryView } from '../../components/states';
import { Icon } from '../../components/icons';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { DoctrinesTabs } from './doctrines-tabs';

const FILTERS = ['category', 'pillar', 'status', 'participantKind', 'cells'] as const;
const ID = 'matrix-filters';

const SYMBOLS: Record<CellStatus, string> = { committed: '✓', conditional: '◐', none: '–' };

function Cell({
  status,
  participant,
  normId,
}: {
  status: CellStatus;
  participant: { id: string; name: string };
  normId: string;
}) {
  const label = `${participant.name}, ${normId}: ${CELL_LABELS[status]}`;
  const content = (
    <>
      <span aria-hidden="true" className="matrix-symbol">
        {SYMBOLS[status]}
      </span>
      <span className="matrix-word" aria-hidden="true">
        {status === 'committed' ? 'Yes' : status === 'conditional' ? 'Conditions' : 'None'}
      </span>
      <span className="visually-hidden">{CELL_LABELS[status]}</span>
    </>
  );
  return (
    <td className={`matrix-cell matrix-cell--${status}`}>
      {status === 'none' ? (
        content
      ) : (
        <Link to={`/doctrines/${participant.id}`} aria-label={label} title={label}>
          {content}
        </Link>
      )}
    </td>
  );
}

function Matrix({ matrix, only }: { matrix: CommitmentsMatrix; only: CellStatus | '' }) {
  const rows = matrix.rows
    .map((row, i) => ({ row, norm: matrix.norms[i] }))
    .filter(({ row }) => only === '' || row.cells.some((c) => c.status === only));
  if (rows.length === 0) {
    return (
      <EmptyState icon="search" title="No norms match">
        <p>Clear the filters to see the whole matrix.</p>
      </EmptyState>
    );
  }
  return (
    <div
      className="table-wrap matrix-wrap"
      role="region"
      aria-labelledby="matrix-caption"
      tabIndex={0}
    >
      <table className="table matrix">
        <caption id="matrix-caption" className="visually-hidden">
          Commitments matrix: norms in rows, participants in columns
        </caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-norm">
              Norm
            </th>
            {matrix.participants.map((p) => (
              <th scope="col" key={p.id} className="matrix-participant">
                <Link to={`/doctrines/${p.id}`} title={p.name}>
                  {p.shortName ?? p.name}
                </Link>
                <span className="cell-sub">
                  {p.version === null ? 'no doctrine' : `version ${p.version}`}
                </span>
              </th>
            ))}
            <th scope="col" className="num">
              Committed
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, norm }) => (
            <tr key={row.normId}>
              <th scope="row" className="matrix-norm">
                <Link to={`/norms/${row.normId}`}>{norm?.title ?? row.normId}</Link>
                <span className="cell-sub mono">
                  {row.normId}
                  {norm && norm.status !== 'adopted' ? ` · ${statusLabel(norm.status)}` : ''}
                </span>
              </th>
              {row.cells.map((cell) => {
                const participant = matrix.participants.find((p) => p.id === cell.participantId);
                return (
                  <Cell
                    key={cell.participantId}
                    status={cell.status}
                    normId={row.normId}
                    participant={
                      participant ?? { id: cell.participantId, name: cell.participantId }
                    }
                  />
                );
              })}
              <td className="num nowrap">
                {row.totals.committed + row.totals.conditional} of {row.cells.length}
                {row.totals.conditional > 0 ? (
                  <span className="cell-sub">{row.totals.conditional} with conditions</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Norms × participants: who committed to what, from each one's latest doctrine. */
export function MatrixPage() {
  const vocabulary = useNormVocabulary();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const filter = bindFilters(ID, filters, setFilters);
  const query: MatrixQuery = {};
  if (filters.category) query.category = filters.category as NormCategory;
  if (filters.pillar) query.pillar = Number(filters.pillar);
  if (filters.status) query.status = filters.status as NormStatus;
  if (filters.participantKind) query.participantKind = filters.participantKind as PublisherKind;
  const matrix = useCommitmentsMatrix(query);
  const only =
    (['committed', 'conditional', 'none'] as const).find((s) => s === filters.cells) ?? '';
  const filtered = FILTERS.some((key) => filters[key] !== '');

  return (
    <>
      <PageHeader
        title="Commitments matrix"
        description="Every norm against every state and regional organisation, from each one’s latest doctrine you may read. A commitment with conditions carries reservations; “no statement” means the doctrine does not address the norm."
        actions={
          <a className="btn" href={matrixCsvUrl(query)} download="commitments-matrix.csv">
            Download CSV
          </a>
        }
      />
      <DoctrinesTabs />
      <form className="filters" aria-label="Filter the matrix" onSubmit={(e) => e.preventDefault()}>
        <SelectField {...filter('category')} label="Norm category">
          <option value="">All categories</option>
          <MetaOptions entries={vocabulary.data?.categories} />
        </SelectField>
        <SelectField {...filter('pillar')} label="Pillar">
          <option value="">All pillars</option>
          {vocabulary.data?.pillars.map((p) => (
            <option key={p.id} value={String(p.id)}>
              {pillarLabel(vocabulary.data, p.id)}
            </option>
          ))}
        </SelectField>
        <SelectField {...filter('status')} label="Norm status">
          <option value="">Any status</option>
          {vocabulary.data?.statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </SelectField>
        <SelectField {...filter('participantKind')} label="Participants">
          <option value="">States and organisations</option>
          <option value="state">States</option>
          <option value="regional_organisation">Regional organisations</option>
        </SelectField>
        <SelectField {...filter('cells')} label="Show norms with">
          <option value="">Any answer</option>
          <option value="committed">A commitment</option>
          <option value="conditional">A commitment with conditions</option>
          <option value="none">A missing statement</option>
        </SelectField>
        {filtered ? (
          <div className="filters-actions">
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() =>
                setFilters({ category: '', pillar: '', status: '', participantKind: '', cells: '' })
              }
            >
              Clear filters
            </button>
          </div>
        ) : null}
      </form>
      <p className="matrix-legend small" id="matrix-legend">
        <span>
          <span className="matrix-symbol matrix-cell--committed">✓</span> Committed
        </span>
        <span>
          <span className="matrix-symbol matrix-cell--conditional">◐</span> With conditions
        </span>
        <span>
          <span className="matrix-symbol matrix-cell--none">–</span> No statement
        </span>
      </p>
      <QueryView
        query={matrix}
        loadingLabel="Loading the matrix…"
        isEmpty={(m) => m.participants.length === 0}
        empty={
          <EmptyState icon="building" title="No participants to show">
            <p>The matrix lists states and regional organisations; none match the filters.</p>
            <p>
              <Link to="/doctrines">See the doctrines</Link>
            </p>
          </EmptyState>
        }
      >
        {(m) => <Matrix matrix={m} only={only} />}
      </QueryView>
      <p className="small muted">
        <Icon name="info" /> The CSV has the same rows and columns, with the cell values committed,
        conditional and none.
      </p>
    </>
  );
}
