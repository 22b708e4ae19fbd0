/**
 * The commitments matrix (norms in rows, participants in columns) and its filters, shared by
 * the signed-in page and the public portal. Only the signed-in page links to doctrine pages.
 */
import { Link } from 'react-router';
import { CELL_LABELS } from '../../api/doctrines';
import type {
  CellStatus,
  CommitmentsMatrix,
  MatrixQuery,
  PublisherKind,
} from '../../api/doctrines';
import { statusLabel } from '../../api/norms';
import type { NormCategory, NormStatus } from '../../api/norms';
import { SelectField } from '../../components/field';
import { bindFilters } from '../../components/filter-bar';
import { EmptyState } from '../../components/states';

export const MATRIX_FILTERS = ['category', 'pillar', 'status', 'participantKind', 'cells'] as const;
export type MatrixFilterValues = Record<(typeof MATRIX_FILTERS)[number], string>;

const SYMBOLS: Record<CellStatus, string> = { committed: '✓', conditional: '◐', none: '–' };

/** The API query for the filters in the address bar (`cells` is applied in the page). */
export function matrixQueryOf(filters: MatrixFilterValues): MatrixQuery {
  const query: MatrixQuery = {};
  if (filters.category) query.category = filters.category as NormCategory;
  if (filters.pillar) query.pillar = Number(filters.pillar);
  if (filters.status) query.status = filters.status as NormStatus;
  if (filters.participantKind) query.participantKind = filters.participantKind as PublisherKind;
  return query;
}

export const cellsFilterOf = (filters: MatrixFilterValues): CellStatus | '' =>
  (['committed', 'conditional', 'none'] as const).find((s) => s === filters.cells) ?? '';

/** Where a doctrine's page is, or null where there is none to link to (the public portal). */
export type DoctrineLink = ((participantId: string) => string) | null;

function Cell({
  status,
  participant,
  normId,
  link,
}: {
  status: CellStatus;
  participant: { id: string; name: string };
  normId: string;
  link: DoctrineLink;
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
    <td className={`matrix-cell matrix-cell--${status}`} title={link ? undefined : label}>
      {status === 'none' || !link ? (
        content
      ) : (
        <Link to={link(participant.id)} aria-label={label} title={label}>
          {content}
        </Link>
      )}
    </td>
  );
}

export function Matrix({
  matrix,
  only,
  link,
  emptyHint = 'Clear the filters to see the whole matrix.',
}: {
  matrix: CommitmentsMatrix;
  only: CellStatus | '';
  link: DoctrineLink;
  emptyHint?: string;
}) {
  const rows = matrix.rows
    .map((row, i) => ({ row, norm: matrix.norms[i] }))
    .filter(({ row }) => only === '' || row.cells.some((c) => c.status === only));
  if (rows.length === 0) {
    return (
      <EmptyState icon="search" title="No norms match">
        <p>{emptyHint}</p>
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
                {link ? (
                  <Link to={link(p.id)} title={p.name}>
                    {p.shortName ?? p.name}
                  </Link>
                ) : (
                  <abbr title={p.name}>{p.shortName ?? p.name}</abbr>
                )}
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
                {link ? (
                  <Link to={`/norms/${row.normId}`}>{norm?.title ?? row.normId}</Link>
                ) : (
                  <span className="cell-primary">{norm?.title ?? row.normId}</span>
                )}
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
                    link={link}
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

export interface MatrixFilterOptions {
  categories: readonly { id: string; label: string }[];
  pillars: readonly { id: number; label: string }[];
  statuses: readonly string[];
}

/** The filters above the matrix; they apply as soon as they change and live in the address. */
export function MatrixFilters({
  filters,
  setFilters,
  options,
}: {
  filters: MatrixFilterValues;
  setFilters: (patch: Partial<MatrixFilterValues>) => void;
  options: MatrixFilterOptions;
}) {
  const filter = bindFilters('matrix-filters', filters, setFilters);
  const filtered = MATRIX_FILTERS.some((key) => filters[key] !== '');
  return (
    <form className="filters" aria-label="Filter the matrix" onSubmit={(e) => e.preventDefault()}>
      <SelectField {...filter('category')} label="Norm category">
        <option value="">All categories</option>
        {options.categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </SelectField>
      <SelectField {...filter('pillar')} label="Pillar">
        <option value="">All pillars</option>
        {options.pillars.map((p) => (
          <option key={p.id} value={String(p.id)}>
            {p.label}
          </option>
        ))}
      </SelectField>
      <SelectField {...filter('status')} label="Norm status">
        <option value="">Any status</option>
        {options.statuses.map((s) => (
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
  );
}

export function MatrixLegend() {
  return (
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
  );
}
