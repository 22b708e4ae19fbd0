/** The commitments matrix as a CSV download, shared by the member and public routes. */
import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import { responses } from '../../http/schemas';

/** OpenAPI response of the matrix's CSV routes. */
export const MATRIX_CSV_RESPONSE = responses({
  200: Type.String({ description: 'text/csv: one row per norm, one column per participant' }),
});

/** RFC 4180 §3 (`header=present`), RFC 6266 attachment. */
export function sendMatrixCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8; header=present')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(csv);
}
