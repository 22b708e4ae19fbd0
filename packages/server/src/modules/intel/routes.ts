/** REST surface of the intel module (OpenAPI tag `intel`); TAXII 2.1 is in taxii/routes.ts. */
import { Readable } from 'node:stream';
import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { ctxOf } from '../../http/context';
import { IdParams, NoContent, pageOf, responses } from '../../http/schemas';
import { DEFAULT_PAGE_SIZE } from '../../lib/cursor';
import { invalid } from '../../errors';
import { Type } from 'typebox';
import './problems';
import { browseObjects, objectDetail, scopeOf } from './browse';
import { publicIntelRoutes } from './public-routes';
import {
  createCollection,
  createCommunity,
  getCommunity,
  listCollectionViews,
  listCommunities,
  presentCollections,
  setCommunityMembers,
} from './communities';
import { exportBundle, importBundle, importFromUrl, reportSighting } from './exchange';
import { incidentBundle, linksOf, listIncidents } from './incident-reads';
import { linkToIncident, reportIncident, unlinkFromIncident } from './incidents';
import {
  CollectionSchema,
  CommunitySchema,
  CreateCollectionBody,
  CreateCommunityBody,
  ExportQuery,
  ImportBody,
  ImportResultSchema,
  IncidentBody,
  IncidentsQuery,
  IncidentSummarySchema,
  LinkBody,
  LinkPageSchema,
  LinkParams,
  LinksQuery,
  MembersBody,
  ObjectDetailSchema,
  ObjectSummarySchema,
  ObjectsQuery,
  SightingBody,
  StixIdParams,
} from './schema';
import { collectionById, collectionFor } from './service';

export function intelRoutes(app: App, deps: Deps): void {
  const tags = ['intel'];
  publicIntelRoutes(app, deps, tags);
  app.get('/intel/communities', {
    schema: {
      tags,
      summary: 'Sharing communities the caller belongs to (all, for the secretariat)',
      response: responses({ 200: Type.Array(CommunitySchema) }),
    },
    handler: (req) => listCommunities(deps, ctxOf(req).actor),
  });
  app.post('/intel/communities', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Create a sharing community (secretariat administrators)',
      body: CreateCommunityBody,
      response: responses({ 201: CommunitySchema }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await createCommunity(deps, ctxOf(req), req.body)),
  });
  app.get('/intel/communities/:id', {
    schema: {
      tags,
      summary: 'One sharing community with its members and collections',
      params: IdParams,
      response: responses({ 200: CommunitySchema }),
    },
    handler: (req) => getCommunity(deps, ctxOf(req).actor, req.params.id),
  });
  app.put('/intel/communities/:id/members', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary:
        'Replace a community’s members and their read/write rights (secretariat administrators)',
      params: IdParams,
      body: MembersBody,
      response: responses({ 200: CommunitySchema }),
    },
    handler: (req) => setCommunityMembers(deps, ctxOf(req), req.params.id, req.body.members),
  });
  app.get('/intel/collections', {
    schema: {
      tags,
      summary: 'Collections the caller may read or write, with counts of what they may see',
      response: responses({ 200: Type.Array(CollectionSchema) }),
    },
    handler: (req) => listCollectionViews(deps, ctxOf(req).actor),
  });
  app.post('/intel/collections', {
    config: { scope: 'admin' },
    schema: {
      tags,
      summary: 'Create a collection in a community (secretariat administrators)',
      body: CreateCollectionBody,
      response: responses({ 201: CollectionSchema }),
    },
    handler: async (req, reply) => {
      const ctx = ctxOf(req);
      const id = await createCollection(deps, ctx, req.body);
      // Not collectionFor: the creator need not be a member of the community.
      const [view] = await presentCollections(deps, ctx.actor, [
        await collectionById(deps, ctx.actor, id),
      ]);
      return reply.code(201).send(view!);
    },
  });
  app.get('/intel/collections/:id', {
    schema: {
      tags,
      summary: 'One collection',
      params: IdParams,
      response: responses({ 200: CollectionSchema }),
    },
    handler: async (req) => {
      const actor = ctxOf(req).actor;
      const [view] = await presentCollections(deps, actor, [
        await collectionFor(deps, actor, req.params.id),
      ]);
      return view;
    },
  });
  app.post('/intel/collections/:id/import', {
    bodyLimit: deps.config.taxiiMaxContentBytes,
    schema: {
      tags,
      summary:
        'Import a STIX 2.1 bundle, given inline or by https URL; invalid objects are listed, valid ones stored',
      params: IdParams,
      body: ImportBody,
      response: responses({ 200: ImportResultSchema }),
    },
    handler: async (req) => {
      const ctx = ctxOf(req);
      const c = await collectionFor(deps, ctx.actor, req.params.id);
      const { bundle, url, tlp, recipients = [] } = req.body;
      if ((bundle === undefined) === (url === undefined)) {
        throw invalid('bundle', 'give either a bundle or a url');
      }
      return bundle !== undefined
        ? importBundle(deps, ctx, c, bundle, tlp, recipients)
        : importFromUrl(deps, ctx, c, url!, tlp, recipients);
    },
  });
  app.get('/intel/collections/:id/export', {
    schema: {
      tags,
      summary: 'Export the latest versions the caller may see as a STIX 2.1 bundle',
      params: IdParams,
      querystring: ExportQuery,
      response: responses({
        200: Type.Unknown({ description: 'A STIX 2.1 bundle (application/stix+json)' }),
      }),
    },
    handler: async (req, reply) => {
      const actor = ctxOf(req).actor;
      const c = await collectionFor(deps, actor, req.params.id);
      const q = req.query;
      const stream = Readable.from(
        exportBundle(deps, actor, c, {
          types: q.type,
          tlp: q.tlp,
          text: q.q?.trim() || undefined,
        }),
      );
      return reply
        .type('application/stix+json;version=2.1')
        .header('content-disposition', `attachment; filename="${c.alias ?? c.id}.json"`)
        .send(stream);
    },
  });
  app.get('/intel/objects', {
    schema: {
      tags,
      summary: 'Search objects across readable collections (full text, type, TLP); newest last',
      querystring: ObjectsQuery,
      response: responses({ 200: pageOf(ObjectSummarySchema) }),
    },
    handler: async (req) =>
      browseObjects(deps, await scopeOf(deps, ctxOf(req).actor), {
        ...req.query,
        limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
      }),
  });
  app.get('/intel/objects/:stixId', {
    schema: {
      tags,
      summary: 'An object: latest version, versions, relationship graph and (indicators) sightings',
      params: StixIdParams,
      response: responses({ 200: ObjectDetailSchema }),
    },
    handler: async (req) =>
      objectDetail(deps, await scopeOf(deps, ctxOf(req).actor), req.params.stixId),
  });
  app.post('/intel/sightings', {
    schema: {
      tags,
      summary: 'Report sightings of an indicator (a STIX sighting from the caller’s organisation)',
      body: SightingBody,
      response: responses({ 201: Type.Object({ id: Type.String() }) }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await reportSighting(deps, ctxOf(req), req.body)),
  });
  app.get('/intel/objects/:stixId/links', {
    schema: {
      tags,
      summary:
        'The objects linked to an object by relationships the caller may see, oldest link first, with counts per type (type=incident: the incidents it is linked to)',
      params: StixIdParams,
      querystring: LinksQuery,
      response: responses({ 200: LinkPageSchema }),
    },
    handler: async (req) =>
      linksOf(deps, await scopeOf(deps, ctxOf(req).actor), req.params.stixId, {
        types: req.query.type,
        cursor: req.query.cursor,
        limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
      }),
  });
  app.get('/intel/incidents', {
    schema: {
      tags,
      summary:
        'Incidents (STIX incident objects) in readable collections, with their visible links',
      querystring: IncidentsQuery,
      response: responses({ 200: pageOf(IncidentSummarySchema) }),
    },
    handler: async (req) =>
      listIncidents(deps, await scopeOf(deps, ctxOf(req).actor), {
        ...req.query,
        limit: req.query.limit ?? DEFAULT_PAGE_SIZE,
      }),
  });
  app.post('/intel/incidents', {
    schema: {
      tags,
      summary:
        'Report an incident from the caller’s organisation (a STIX incident), optionally linking objects at once',
      body: IncidentBody,
      response: responses({
        201: Type.Object({ id: Type.String(), links: Type.Array(Type.String()) }),
      }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await reportIncident(deps, ctxOf(req), req.body)),
  });
  app.get('/intel/incidents/:stixId/bundle', {
    schema: {
      tags,
      summary:
        'An incident with the links and linked objects the caller may see, as a STIX 2.1 bundle',
      params: StixIdParams,
      response: responses({
        200: Type.Unknown({ description: 'A STIX 2.1 bundle (application/stix+json)' }),
      }),
    },
    handler: async (req, reply) => {
      const generator = incidentBundle(
        deps,
        await scopeOf(deps, ctxOf(req).actor),
        req.params.stixId,
      );
      // The first chunk checks that the incident is visible: a 404 before any byte is sent.
      const first = await generator.next();
      const stream = Readable.from(
        (async function* () {
          if (!first.done) yield first.value;
          yield* generator;
        })(),
      );
      return reply
        .type('application/stix+json;version=2.1')
        .header('content-disposition', `attachment; filename="${req.params.stixId}.json"`)
        .send(stream);
    },
  });
  app.post('/intel/incidents/:stixId/links', {
    schema: {
      tags,
      summary:
        'Link an object to an incident (a STIX relationship from the incident); an existing identical link is returned with 200',
      params: StixIdParams,
      body: LinkBody,
      response: responses({
        200: Type.Object({ id: Type.String(), created: Type.Boolean() }),
        201: Type.Object({ id: Type.String(), created: Type.Boolean() }),
      }),
    },
    handler: async (req, reply) => {
      const r = await linkToIncident(deps, ctxOf(req), req.params.stixId, req.body);
      return reply.code(r.created ? 201 : 200).send(r);
    },
  });
  app.delete('/intel/incidents/:stixId/links/:linkId', {
    schema: {
      tags,
      summary:
        'Remove a link the caller’s organisation made (its relationship is revoked in a new version)',
      params: LinkParams,
      response: responses({ 204: NoContent }),
    },
    handler: async (req, reply) => {
      await unlinkFromIncident(deps, ctxOf(req), req.params.stixId, req.params.linkId);
      return reply.code(204).send(null);
    },
  });
}
