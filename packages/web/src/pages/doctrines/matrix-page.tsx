import { Link } from 'react-router';
import { matrixCsvUrl, useCommitmentsMatrix } from '../../api/doctrines';
import { pillarLabel, useNormVocabulary } from '../../api/norms';
import { PageHeader } from '../../components/page-header';
import { EmptyState, QueryView } from '../../components/states';
import { Icon } from '../../components/icons';
import { useUrlFilters } from '../../hooks/use-url-filters';
import { DoctrinesTabs } from './doctrines-tabs';
import {
  MATRIX_FILTERS,
  Matrix,
  MatrixFilters,
  MatrixLegend,
  cellsFilterOf,
  matrixQueryOf,
} from './matrix-view';

const doctrinePath = (participantId: string) => `/doctrines/${participantId}`;

/** Norms × participants: who committed to what, from each one's latest doctrine. */
export function MatrixPage() {
  const vocabulary = useNormVocabulary();
  const [filters, setFilters] = useUrlFilters(MATRIX_FILTERS);
  const query = matrixQueryOf(filters);
  const matrix = useCommitmentsMatrix(query);
  const v = vocabulary.data;

  return (
    <>
      <PageHeader
        title="Commitments matrix"
        description="Every norm against every state and regional organisation, from each one’s latest doctrine you may read. A commitment with conditions carries reservations; “no statement” means the doctrine does not address the norm."
        actions={
          <>
            <Link className="btn btn-ghost" to="/public/matrix">
              Public view
            </Link>
            <a className="btn" href={matrixCsvUrl(query)} download="commitments-matrix.csv">
              Download CSV
            </a>
          </>
        }
      />
      <DoctrinesTabs />
      <MatrixFilters
        filters={filters}
        setFilters={setFilters}
        options={{
          categories: v?.categories ?? [],
          pillars: (v?.pillars ?? []).map((p) => ({ id: p.id, label: pillarLabel(v, p.id) })),
          statuses: v?.statuses ?? [],
        }}
      />
      <MatrixLegend />
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
        {(m) => <Matrix matrix={m} only={cellsFilterOf(filters)} link={doctrinePath} />}
      </QueryView>
      <p className="small muted">
        <Icon name="info" /> The CSV has the same rows and columns, with the cell values committed,
        conditional and none. The public view shows the same matrix from public doctrine versions
        only, as anyone can read it without signing in.
      </p>
    </>
  );
}
