import { useMemo } from 'react';
import { publicMatrixCsvUrl, usePublicCommitmentsMatrix } from '../../api/doctrines';
import type { CommitmentsMatrix } from '../../api/doctrines';
import { categoryLabel, pillarLabel } from '../../api/norms';
import { PageHeader } from '../../components/page-header';
import { EmptyState, QueryView } from '../../components/states';
import { Icon } from '../../components/icons';
import { useUrlFilters } from '../../hooks/use-url-filters';
import {
  MATRIX_FILTERS,
  Matrix,
  MatrixFilters,
  MatrixLegend,
  cellsFilterOf,
  matrixQueryOf,
} from '../doctrines/matrix-view';
import type { MatrixFilterOptions } from '../doctrines/matrix-view';

const unique = <T,>(values: readonly T[]): T[] => [...new Set(values)];

/**
 * The filters offer what the whole public matrix holds. The catalogue's vocabulary is for
 * members only, so categories read as their identifiers and pillars by number.
 */
function optionsOf(all: CommitmentsMatrix | undefined): MatrixFilterOptions {
  const norms = all?.norms ?? [];
  return {
    categories: unique(norms.map((n) => n.category)).map((id) => ({
      id,
      label: categoryLabel(undefined, id),
    })),
    pillars: unique(norms.map((n) => n.pillar))
      .sort((a, b) => a - b)
      .map((id) => ({ id, label: pillarLabel(undefined, id) })),
    statuses: unique(norms.map((n) => n.status)),
  };
}

/**
 * The commitments matrix as the public sees it, without signing in: each state's and regional
 * organisation's latest public doctrine version; community-only versions never appear.
 */
export function PublicMatrixPage() {
  const [filters, setFilters] = useUrlFilters(MATRIX_FILTERS);
  const query = matrixQueryOf(filters);
  const matrix = usePublicCommitmentsMatrix(query);
  const everything = usePublicCommitmentsMatrix({});
  const options = useMemo(() => optionsOf(everything.data), [everything.data]);

  return (
    <>
      <PageHeader
        title="Commitments matrix"
        description="Which norms each state and regional organisation has committed to, taken from its latest public doctrine. A commitment with conditions carries reservations; “no statement” means the doctrine does not address the norm, and “no doctrine” that none has been made public."
        actions={
          <a
            className="btn"
            href={publicMatrixCsvUrl(query)}
            download="public-commitments-matrix.csv"
          >
            Download CSV
          </a>
        }
      />
      <MatrixFilters filters={filters} setFilters={setFilters} options={options} />
      <MatrixLegend />
      <QueryView
        query={matrix}
        loadingLabel="Loading the matrix…"
        isEmpty={(m) => m.participants.length === 0}
        empty={
          <EmptyState icon="building" title="No participants to show">
            <p>No state or regional organisation matches the filters.</p>
          </EmptyState>
        }
      >
        {(m) => <Matrix matrix={m} only={cellsFilterOf(filters)} link={null} />}
      </QueryView>
      <p className="small muted">
        <Icon name="info" /> The CSV has the same rows and columns, with the cell values committed,
        conditional and none. Every public doctrine version is a signed statement in this node’s
        public transparency log, so none can be withdrawn or rewritten unnoticed.
      </p>
    </>
  );
}
