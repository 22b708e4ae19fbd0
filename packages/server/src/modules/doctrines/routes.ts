import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { ctxOf } from '../../http/context';
import { pageOf, responses } from '../../http/schemas';
import { DEFAULT_PAGE_SIZE } from '../../lib/cursor';
import './problems';
import { commitmentsMatrix, matrixCsv } from './commitments';
import { MATRIX_CSV_RESPONSE, sendMatrixCsv } from './matrix-csv-reply';
import { browseDoctrines, diffDoctrine, getDoctrineVersion, listDoctrineVersions } from './reads';
import {
  DiffQuery,
  DoctrineDiffSchema,
  DoctrineQuery,
  DoctrineSummarySchema,
  DoctrineVersionSchema,
  MatrixQuery,
  MatrixSchema,
  ParticipantParams,
  PublishBody,
  VersionParams,
  VersionsQuery,
} from './schema';
import { publishDoctrine } from './service';
import { publicMatrixRoutes } from './public-routes';

/** HTTP surface of the `doctrines` module (OpenAPI tag `doctrines`). */
export function doctrineRoutes(app: App, deps: Deps): void {
  const tags = ['doctrines'];
  app.get('/doctrines', {
    schema: {
      tags,
      summary: 'Each participant’s latest doctrine version you may read',
      querystring: DoctrineQuery,
      response: responses({ 200: pageOf(DoctrineSummarySchema) }),
    },
    handler: (req) =>
      browseDoctrines(deps, ctxOf(req), {
        ...req.query,
        limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
      }),
  });
  app.post('/doctrines', {
    schema: {
      tags,
      summary:
        'Publish the next version of your participant’s doctrine, signed client-side (DSSE, application/vnd.concord.doctrine+json)',
      body: PublishBody,
      response: responses({ 201: DoctrineVersionSchema }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await publishDoctrine(deps, ctxOf(req), req.body.envelope)),
  });
  app.get('/doctrines/matrix', {
    schema: {
      tags,
      summary: 'Commitments matrix: norms × states and regional organisations',
      querystring: MatrixQuery,
      response: responses({ 200: MatrixSchema }),
    },
    handler: (req) => commitmentsMatrix(deps, ctxOf(req), req.query),
  });
  app.get('/doctrines/matrix.csv', {
    schema: {
      tags,
      summary: 'Commitments matrix as CSV (RFC 4180)',
      querystring: MatrixQuery,
      produces: ['text/csv'],
      response: MATRIX_CSV_RESPONSE,
    },
    handler: async (req, reply) =>
      sendMatrixCsv(reply, 'commitments-matrix.csv', await matrixCsv(deps, ctxOf(req), req.query)),
  });
  app.get('/doctrines/:participantId/versions', {
    schema: {
      tags,
      summary: 'A participant’s doctrine versions you may read, newest first',
      params: ParticipantParams,
      querystring: VersionsQuery,
      response: responses({ 200: pageOf(DoctrineSummarySchema) }),
    },
    handler: (req) =>
      listDoctrineVersions(deps, ctxOf(req), req.params.participantId, {
        ...req.query,
        limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
      }),
  });
  app.get('/doctrines/:participantId/versions/:version', {
    schema: {
      tags,
      summary: 'One doctrine version in full, with its signed envelope and ledger entry',
      params: VersionParams,
      response: responses({ 200: DoctrineVersionSchema }),
    },
    handler: (req) =>
      getDoctrineVersion(deps, ctxOf(req), req.params.participantId, req.params.version),
  });
  app.get('/doctrines/:participantId/diff', {
    schema: {
      tags,
      summary: 'What changed between two versions of a doctrine',
      params: ParticipantParams,
      querystring: DiffQuery,
      response: responses({ 200: DoctrineDiffSchema }),
    },
    handler: (req) =>
      diffDoctrine(deps, ctxOf(req), req.params.participantId, req.query.from, req.query.to),
  });
  publicMatrixRoutes(app, deps, tags);
}
