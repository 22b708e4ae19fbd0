/**
 * The commitments matrix on the public portal: anyone, signed in or not, reads it, and it is
 * always the public view (`commitmentsMatrix(deps, null, …)`: public doctrine versions only),
 * whoever asks. A signed-in member sees community versions in /doctrines/matrix instead.
 */
import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { responses } from '../../http/schemas';
import { commitmentsMatrix, matrixCsv } from './commitments';
import { MATRIX_CSV_RESPONSE, sendMatrixCsv } from './matrix-csv-reply';
import { MatrixQuery, MatrixSchema } from './schema';

/** OpenAPI: these operations need no credentials (overrides the document's default). */
const NO_AUTH: { [scheme: string]: string[] }[] = [];

export function publicMatrixRoutes(app: App, deps: Deps, tags: string[]): void {
  app.get('/public/doctrines/matrix', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: 'Public portal: commitments matrix from public doctrine versions (no sign-in)',
      description:
        'The same filters and shape as GET /doctrines/matrix, computed from each participant’s latest public doctrine version only; community versions never appear, whoever asks.',
      security: NO_AUTH,
      querystring: MatrixQuery,
      response: responses({ 200: MatrixSchema }),
    },
    handler: (req) => commitmentsMatrix(deps, null, req.query),
  });
  app.get('/public/doctrines/matrix.csv', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: 'Public portal: commitments matrix as CSV (RFC 4180; no sign-in)',
      security: NO_AUTH,
      querystring: MatrixQuery,
      produces: ['text/csv'],
      response: MATRIX_CSV_RESPONSE,
    },
    handler: async (req, reply) =>
      sendMatrixCsv(reply, 'public-commitments-matrix.csv', await matrixCsv(deps, null, req.query)),
  });
}
