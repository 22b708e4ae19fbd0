import { Type } from 'typebox';
import type { App } from '../../http/types';
import { commitmentsForNorm } from '../doctrines';
import type { Deps } from '../../deps';
import { ctxOf } from '../../http/context';
import { IdParams, pageOf, responses } from '../../http/schemas';
import { DEFAULT_PAGE_SIZE } from '../../lib/cursor';
import './problems';
import { browseAmendments, getAmendment } from './amendment-view';
import {
  commentOnAmendment,
  decideAmendment,
  endorseAmendment,
  proposeAmendment,
  withdrawAmendment,
  type ProposeInput,
} from './amendments';
import { browseNorms, getNorm, vocabulary } from './service';
import {
  AmendmentQuery,
  AmendmentSchema,
  AmendmentSummarySchema,
  CommentBody,
  DecisionBody,
  NormDetailSchema,
  NormCommitmentSchema,
  NormIdParams,
  NormQuery,
  NormSchema,
  ProposeBody,
  VocabularySchema,
  WithdrawBody,
} from './schema';

/** HTTP surface of the `norms` module (OpenAPI tag `norms`). */
export function normRoutes(app: App, deps: Deps): void {
  const tags = ['norms'];
  app.get('/norms', {
    schema: {
      tags,
      summary: 'Browse the norms catalogue',
      description:
        'Filter by category, pillar, sector (norms for every sector always match), glossary term or status; `q` searches identifiers, titles and texts.',
      querystring: NormQuery,
      response: responses({ 200: pageOf(NormSchema) }),
    },
    handler: (req) =>
      browseNorms(deps, ctxOf(req), { ...req.query, limit: req.query.limit ?? DEFAULT_PAGE_SIZE }),
  });
  app.get('/norms/vocabulary', {
    schema: {
      tags,
      summary: 'Categories, pillars, sectors and statuses used by the catalogue',
      response: responses({ 200: VocabularySchema }),
    },
    handler: () => vocabulary(),
  });
  app.get('/norms/:id', {
    schema: {
      tags,
      summary: 'A norm with its full version history and amendments',
      params: NormIdParams,
      response: responses({ 200: NormDetailSchema }),
    },
    handler: (req) => getNorm(deps, ctxOf(req), req.params.id),
  });
  app.get('/norms/:id/commitments', {
    schema: {
      tags,
      summary: 'Every participant’s commitment to this norm, from its latest doctrine you may read',
      params: NormIdParams,
      response: responses({ 200: Type.Object({ items: Type.Array(NormCommitmentSchema) }) }),
    },
    handler: async (req) => ({
      items: await commitmentsForNorm(deps, ctxOf(req), req.params.id),
    }),
  });
  app.get('/norms/amendments', {
    schema: {
      tags,
      summary: 'Browse amendments (newest first)',
      querystring: AmendmentQuery,
      response: responses({ 200: pageOf(AmendmentSummarySchema) }),
    },
    handler: (req) =>
      browseAmendments(deps, ctxOf(req), {
        ...req.query,
        limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
      }),
  });
  app.post('/norms/amendments', {
    config: { scope: 'write' },
    schema: {
      tags,
      summary: 'Propose a new norm, a change to a norm, or its retirement',
      body: ProposeBody,
      response: responses({ 201: AmendmentSchema }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await proposeAmendment(deps, ctxOf(req), req.body as ProposeInput)),
  });
  app.get('/norms/amendments/:id', {
    schema: {
      tags,
      summary: 'An amendment with its diff, endorsements and comment thread',
      params: IdParams,
      response: responses({ 200: AmendmentSchema }),
    },
    handler: (req) => getAmendment(deps, ctxOf(req), req.params.id),
  });
  app.post('/norms/amendments/:id/comments', {
    config: { scope: 'write' },
    schema: {
      tags,
      summary: 'Comment on an open amendment',
      params: IdParams,
      body: CommentBody,
      response: responses({ 201: AmendmentSchema }),
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await commentOnAmendment(deps, ctxOf(req), req.params.id, req.body.body)),
  });
  app.post('/norms/amendments/:id/endorse', {
    config: { scope: 'write' },
    schema: {
      tags,
      summary: 'Endorse an open amendment (states and regional organisations)',
      params: IdParams,
      response: responses({ 200: AmendmentSchema }),
    },
    handler: (req) => endorseAmendment(deps, ctxOf(req), req.params.id),
  });
  app.post('/norms/amendments/:id/withdraw', {
    config: { scope: 'write' },
    schema: {
      tags,
      summary: 'Withdraw an open amendment (its proposer)',
      params: IdParams,
      body: WithdrawBody,
      response: responses({ 200: AmendmentSchema }),
    },
    handler: (req) => withdrawAmendment(deps, ctxOf(req), req.params.id, req.body.reason),
  });
  app.post('/norms/amendments/:id/decision', {
    config: { scope: 'write' },
    schema: {
      tags,
      summary: 'Record the secretariat’s decision: adopted or rejected, with the reason',
      description:
        'Adoption creates the new norm version (or the norm, or its retirement) and a ledger entry signed by the node.',
      params: IdParams,
      body: DecisionBody,
      response: responses({ 200: AmendmentSchema }),
    },
    handler: (req) => decideAmendment(deps, ctxOf(req), req.params.id, req.body),
  });
}
