import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { ctxOf } from '../../http/context';
import { NoContent, pageOf, responses } from '../../http/schemas';
import { DEFAULT_PAGE_SIZE } from '../../lib/cursor';
import { forbidden } from '../../errors';
import type { RequestContext } from '../../auth/actor';
import './problems';
import {
  AlignmentItemSchema,
  AlignmentQuery,
  CreateTermBody,
  DivergenceItemSchema,
  DivergenceQuery,
  SaveVariantBody,
  TermDetailQuery,
  TermDetailSchema,
  TermParams,
  TermQuery,
  TermSchema,
  UpdateTermBody,
  VariantSchema,
} from './schema';
import {
  browseTerms,
  changeTerm,
  createTerm,
  getTerm,
  removeVariant,
  saveVariant,
} from './service';
import { alignmentReport, divergenceReport } from './reports';

/** "Mine": the caller's own participant (a signed-in user always has one). */
function ownParticipant(ctx: RequestContext): string {
  if (ctx.actor.kind !== 'user') throw forbidden('Only a participant’s users have definitions');
  return ctx.actor.participantId;
}

/** HTTP surface of the `glossary` module (OpenAPI tag `glossary`). */
export function glossaryRoutes(app: App, deps: Deps): void {
  const tags = ['glossary'];
  app.get('/glossary/terms', {
    schema: {
      tags,
      summary: 'List harmonised terms (search term and definition; only diverging ones)',
      querystring: TermQuery,
      response: responses({ 200: pageOf(TermSchema) }),
    },
    handler: (req) =>
      browseTerms(deps, ctxOf(req), { ...req.query, limit: req.query.limit ?? DEFAULT_PAGE_SIZE }),
  });
  app.post('/glossary/terms', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Add a harmonised term (secretariat administrators)',
      body: CreateTermBody,
      response: responses({ 201: TermDetailSchema }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await createTerm(deps, ctxOf(req), req.body)),
  });
  app.get('/glossary/terms/:id', {
    schema: {
      tags,
      summary: 'A term with every participant’s own definition, its similarity and a word diff',
      params: TermParams,
      querystring: TermDetailQuery,
      response: responses({ 200: TermDetailSchema }),
    },
    handler: (req) => getTerm(deps, ctxOf(req), req.params.id, req.query.threshold),
  });
  app.patch('/glossary/terms/:id', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Change a harmonised term (secretariat administrators; audited)',
      params: TermParams,
      body: UpdateTermBody,
      response: responses({ 200: TermDetailSchema }),
    },
    handler: (req) => changeTerm(deps, ctxOf(req), req.params.id, req.body),
  });
  app.put('/glossary/terms/:id/variants/mine', {
    schema: {
      tags,
      summary: 'Record or replace your participant’s own definition of a term',
      params: TermParams,
      body: SaveVariantBody,
      response: responses({ 200: VariantSchema, 201: VariantSchema }),
    },
    handler: async (req, reply) => {
      const ctx = ctxOf(req);
      const { created, variant } = await saveVariant(
        deps,
        ctx,
        req.params.id,
        ownParticipant(ctx),
        req.body,
      );
      return reply.code(created ? 201 : 200).send(variant);
    },
  });
  app.delete('/glossary/terms/:id/variants/mine', {
    schema: {
      tags,
      summary: 'Remove your participant’s own definition of a term',
      params: TermParams,
      response: responses({ 204: NoContent }),
    },
    handler: async (req, reply) => {
      const ctx = ctxOf(req);
      await removeVariant(deps, ctx, req.params.id, ownParticipant(ctx));
      return reply.code(204).send(null);
    },
  });
  app.get('/glossary/divergence', {
    schema: {
      tags,
      summary: 'Per term, the participants whose definition diverges, side by side',
      querystring: DivergenceQuery,
      response: responses({ 200: pageOf(DivergenceItemSchema) }),
    },
    handler: (req) =>
      divergenceReport(deps, ctxOf(req), {
        ...req.query,
        limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
      }),
  });
  app.get('/glossary/alignment', {
    schema: {
      tags,
      summary: 'Per participant: definitions recorded, declared alignment, divergence',
      querystring: AlignmentQuery,
      response: responses({ 200: pageOf(AlignmentItemSchema) }),
    },
    handler: (req) =>
      alignmentReport(deps, ctxOf(req), {
        ...req.query,
        limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
      }),
  });
}
