/** The commitments matrix as a file, for `concord norms export --what matrix`. */
import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { commitmentsMatrix, type MatrixFilters } from './commitments';
import { matrixToCsv } from './matrix';

export interface MatrixExportOptions extends MatrixFilters {
  format: 'json' | 'csv';
  /** Only what the public portal shows: commitments from public doctrine versions. */
  publicOnly?: boolean;
}

export async function exportMatrix(
  deps: Deps,
  ctx: RequestContext,
  options: MatrixExportOptions,
): Promise<string> {
  const { format, publicOnly, ...filters } = options;
  const matrix = await commitmentsMatrix(deps, publicOnly ? null : ctx, filters);
  if (format === 'csv') return matrixToCsv(matrix);
  const exportedAt = deps.clock.now().toISOString();
  return `${JSON.stringify({ exportedAt, publicOnly: Boolean(publicOnly), ...matrix }, null, 2)}\n`;
}
