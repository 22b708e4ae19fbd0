/** What other modules (norms, the public portal, the CLI) may use of the doctrine registry. */
import './problems';
export {
  commitmentsForNorm,
  commitmentsMatrix,
  matrixCsv,
  type MatrixFilters,
  type NormCommitmentView,
} from './commitments';
export { publicDoctrines, publicDoctrineVersion } from './reads';
export { exportMatrix, type MatrixExportOptions } from './export';
export { DOCTRINE_PAYLOAD_TYPE, type DoctrineDocument } from './document';
export { visibleTo } from './policy';
export type { CommitmentsMatrix, CellStatus } from './matrix';
export type { DoctrineSummaryView, DoctrineVersionView } from './present';
