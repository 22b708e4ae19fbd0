/**
 * The TAXII 2.1 server (OASIS Standard, 10 June 2021) at /taxii2/: discovery (§4.1), one API
 * root (§4.2), status (§4.3), collections (§5.1, §5.2), manifest (§5.3), objects (§5.4 GET and
 * POST), an object (§5.5 GET, §5.7 DELETE) and its versions (§5.6).
 *
 * Authentication (§1.6.7 leaves it to the server): HTTP Basic with an account's e-mail and
 * password or with an API token as the password, or `Authorization: Bearer <API token>`.
 * Errors are TAXII error resources (§3.6.1) in the TAXII media type.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps';
import type { RequestContext } from '../../../auth/actor';
import { DomainError } from '../../../errors';
import { problemFromError } from '../../../http/problem';
import { AuthError, authenticateBasic, authenticateToken } from '../../auth/service';
import type { Authenticated } from '../../auth/service';
import {
  addEnvelope,
  collectionFor,
  deleteVersions,
  readPage,
  statusFor,
  visibleCollections,
  type Page,
} from '../service';
import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE, acceptsTaxii, isTaxiiContentType } from './media';
import { parseFilters, parsePaging } from './params';
import '../problems';
import {
  dateHeaders,
  envelopeText,
  errorResource,
  presentCollection,
  presentStatus,
  sendTaxii,
} from './present';

export const TAXII_PREFIX = '/taxii2';
export const API_ROOT = 'concord';
const TOKEN_PREFIX = 'concord_pat_';

type Query = Record<string, string | string[] | undefined>;

class TaxiiHttpError extends DomainError {}

declare module 'fastify' {
  interface FastifyRequest {
    taxiiAuth: Authenticated | null;
  }
}

function ctxOf(request: FastifyRequest): RequestContext {
  const auth = request.taxiiAuth;
  if (!auth)
    throw new AuthError('UNAUTHENTICATED', 'Authenticate with HTTP Basic or a bearer token');
  return {
    actor: auth.actor,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    requestId: String(request.id),
  };
}

async function authenticate(deps: Deps, request: FastifyRequest): Promise<Authenticated> {
  const header = request.headers.authorization;
  if (!header)
    throw new AuthError('UNAUTHENTICATED', 'Authenticate with HTTP Basic or a bearer token');
  const bearer = /^Bearer ([A-Za-z0-9_\-.~+/]+=*)$/i.exec(header);
  if (bearer?.[1]) return authenticateToken(deps, bearer[1]);
  const basic = /^Basic ([A-Za-z0-9+/]+=*)$/i.exec(header);
  if (basic?.[1]) {
    // RFC 7617 §2: user-id ':' password, UTF-8.
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0)
      throw new AuthError('UNAUTHENTICATED', 'Basic credentials must be user:password');
    const user = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    if (password.startsWith(TOKEN_PREFIX)) return authenticateToken(deps, password);
    return authenticateBasic(
      deps,
      { email: user, password },
      {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: String(request.id),
      },
    );
  }
  throw new AuthError('UNAUTHENTICATED', 'Authorization must be Basic or Bearer');
}

export interface TaxiiOptions {
  /** §4.2.1 max_content_length: the largest POST body accepted, in bytes. */
  maxContentLength: number;
  /** Envelopes with more objects are processed in the background (status 'pending'). */
  asyncAbove: number;
}

export function taxiiRoutes(app: FastifyInstance, deps: Deps, options: TaxiiOptions): void {
  void app.register(
    (taxii, _opts, done) => {
      taxii.decorateRequest('taxiiAuth', null);
      taxii.removeAllContentTypeParsers();
      taxii.addContentTypeParser(
        '*',
        { parseAs: 'buffer', bodyLimit: options.maxContentLength },
        (_req, body, next) => next(null, body),
      );
      taxii.setErrorHandler((err, request, reply) => {
        const problem = problemFromError(err, request);
        if (problem.status === 401) {
          void reply.header('www-authenticate', 'Basic realm="Concord TAXII", charset="UTF-8"');
        }
        return sendTaxii(
          reply,
          problem.status,
          errorResource(
            problem.status,
            problem.title,
            problem.detail ?? problem.title,
            problem.code,
            {
              ...(problem.errors && problem.errors.length > 0 ? { errors: problem.errors } : {}),
              ...(problem.requestId ? { request_id: problem.requestId } : {}),
            },
          ),
        );
      });
      taxii.setNotFoundHandler((request, reply) =>
        sendTaxii(
          reply,
          404,
          errorResource(
            404,
            'No such endpoint',
            `No TAXII endpoint ${request.method} ${request.url.split('?')[0]}`,
            'ROUTE_NOT_FOUND',
          ),
        ),
      );
      taxii.addHook('onRequest', async (request) => {
        if (!acceptsTaxii(request.headers.accept)) {
          throw new TaxiiHttpError('NOT_ACCEPTABLE', `This server answers in ${TAXII_MEDIA_TYPE}`);
        }
        request.taxiiAuth = await authenticate(deps, request);
        const scopes = request.taxiiAuth.actor.scopes;
        const needed = request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write';
        if (scopes !== null && !scopes.includes(needed)) {
          throw new DomainError('INSUFFICIENT_SCOPE', `This API token lacks the '${needed}' scope`);
        }
      });
      taxii.addHook('onSend', (_request, reply, payload, next) => {
        void reply.header('cache-control', 'no-store');
        next(null, payload);
      });

      const ALL_VERSIONS = { first: false, last: false, all: true, keys: [] };

      /**
       * The shared part of every listing (manifest, objects, object, versions): the collection
       * the caller may read, strict filters, one page, the date headers. An object listing
       * that is empty from the start is "not found" (hidden objects included).
       */
      const readListing = async (
        request: FastifyRequest<{
          Params: { collectionId: string; objectId?: string };
          Querystring: Query;
        }>,
        reply: FastifyReply,
        how: {
          allowed: { id: boolean; type: boolean; version: boolean };
          allVersions?: boolean;
          columns?: 'full' | 'manifest';
        },
      ): Promise<Page> => {
        const ctx = ctxOf(request);
        const c = await collectionFor(deps, ctx.actor, request.params.collectionId);
        const filters = parseFilters(request.query, how.allowed);
        const objectId = request.params.objectId;
        if (objectId !== undefined) filters.ids = [objectId];
        if (how.allVersions) filters.versions = ALL_VERSIONS;
        const { limit, next } = parsePaging(request.query);
        const page = await readPage(deps, ctx.actor, c, filters, next, limit, how.columns);
        if (objectId !== undefined && page.rows.length === 0 && next === null) {
          throw new TaxiiHttpError('NOT_FOUND', 'Object not found');
        }
        dateHeaders(reply, page);
        return page;
      };

      const root = `/${API_ROOT}`;
      const hide = { hide: true };

      // §4.1 Server Discovery.
      taxii.get('/', { schema: hide }, (request, reply) => {
        const base = `${request.protocol}://${request.host}${TAXII_PREFIX}`;
        return sendTaxii(reply, 200, {
          title: 'Concord TAXII 2.1 server',
          description:
            'Intelligence shared in the Concord cyber-norms regime, by sharing community.',
          default: `${base}${root}/`,
          api_roots: [`${base}${root}/`],
        });
      });

      // §4.2 Get API Root Information.
      taxii.get(`${root}/`, { schema: hide }, (_request, reply) =>
        sendTaxii(reply, 200, {
          title: 'Concord',
          description: 'Collections of the sharing communities this account belongs to.',
          versions: [TAXII_MEDIA_TYPE],
          max_content_length: options.maxContentLength,
        }),
      );

      // §4.3 Get Status.
      taxii.get<{ Params: { statusId: string } }>(
        `${root}/status/:statusId/`,
        { schema: hide },
        async (request, reply) => {
          const ctx = ctxOf(request);
          return sendTaxii(
            reply,
            200,
            presentStatus(await statusFor(deps, ctx.actor, request.params.statusId)),
          );
        },
      );

      // §5.1 Get Collections.
      taxii.get(`${root}/collections/`, { schema: hide }, async (request, reply) => {
        const ctx = ctxOf(request);
        const rows = await visibleCollections(deps, ctx.actor);
        return sendTaxii(
          reply,
          200,
          rows.length === 0
            ? {}
            : { collections: rows.map((c) => presentCollection(c, ctx.actor)) },
        );
      });

      // §5.2 Get a Collection.
      taxii.get<{ Params: { collectionId: string } }>(
        `${root}/collections/:collectionId/`,
        { schema: hide },
        async (request, reply) => {
          const ctx = ctxOf(request);
          const c = await collectionFor(deps, ctx.actor, request.params.collectionId);
          return sendTaxii(reply, 200, presentCollection(c, ctx.actor));
        },
      );

      // §5.3 Get Object Manifests.
      taxii.get<{ Params: { collectionId: string }; Querystring: Query }>(
        `${root}/collections/:collectionId/manifest/`,
        { schema: hide },
        async (request, reply) => {
          const page = await readListing(request, reply, {
            allowed: { id: true, type: true, version: true },
            columns: 'manifest',
          });
          return sendTaxii(reply, 200, {
            more: page.more,
            ...(page.next ? { next: page.next } : {}),
            ...(page.rows.length > 0
              ? {
                  objects: page.rows.map((r) => ({
                    id: r.stixId,
                    date_added: r.dateAdded,
                    version: r.version ?? r.dateAdded,
                    media_type: STIX_MEDIA_TYPE,
                  })),
                }
              : {}),
          });
        },
      );

      // §5.4 Get Objects.
      taxii.get<{ Params: { collectionId: string }; Querystring: Query }>(
        `${root}/collections/:collectionId/objects/`,
        { schema: hide },
        async (request, reply) => {
          const page = await readListing(request, reply, {
            allowed: { id: true, type: true, version: true },
          });
          return sendTaxii(reply, 200, envelopeText(page));
        },
      );

      // §5.4 Add Objects.
      taxii.post<{ Params: { collectionId: string } }>(
        `${root}/collections/:collectionId/objects/`,
        { schema: hide },
        async (request, reply) => {
          const ctx = ctxOf(request);
          const c = await collectionFor(deps, ctx.actor, request.params.collectionId);
          if (!isTaxiiContentType(request.headers['content-type'])) {
            throw new TaxiiHttpError(
              'UNSUPPORTED_MEDIA_TYPE',
              `Send the envelope as ${TAXII_MEDIA_TYPE}`,
            );
          }
          const body = request.body;
          if (!(body instanceof Uint8Array) || body.length === 0) {
            throw new TaxiiHttpError('INTEL_BAD_ENVELOPE', 'The request has no envelope');
          }
          const status = await addEnvelope(deps, ctx, c, body, { asyncAbove: options.asyncAbove });
          return sendTaxii(reply, 202, presentStatus(status));
        },
      );

      // §5.5 Get an Object.
      taxii.get<{ Params: { collectionId: string; objectId: string }; Querystring: Query }>(
        `${root}/collections/:collectionId/objects/:objectId/`,
        { schema: hide },
        async (request, reply) => {
          const page = await readListing(request, reply, {
            allowed: { id: false, type: false, version: true },
          });
          return sendTaxii(reply, 200, envelopeText(page));
        },
      );

      // §5.7 Delete an Object.
      taxii.delete<{ Params: { collectionId: string; objectId: string }; Querystring: Query }>(
        `${root}/collections/:collectionId/objects/:objectId/`,
        { schema: hide },
        async (request, reply) => {
          const ctx = ctxOf(request);
          const c = await collectionFor(deps, ctx.actor, request.params.collectionId);
          const filters = parseFilters(request.query, { id: false, type: false, version: true });
          filters.versions ??= ALL_VERSIONS;
          await deleteVersions(deps, ctx, c, request.params.objectId, filters);
          return reply.code(200).header('content-type', TAXII_MEDIA_TYPE).send('');
        },
      );

      // §5.6 Get Object Versions.
      taxii.get<{ Params: { collectionId: string; objectId: string }; Querystring: Query }>(
        `${root}/collections/:collectionId/objects/:objectId/versions/`,
        { schema: hide },
        async (request, reply) => {
          const page = await readListing(request, reply, {
            allowed: { id: false, type: false, version: false },
            allVersions: true,
            columns: 'manifest',
          });
          return sendTaxii(reply, 200, {
            more: page.more,
            ...(page.next ? { next: page.next } : {}),
            versions: page.rows.map((r) => r.version ?? r.dateAdded),
          });
        },
      );
      done();
    },
    { prefix: TAXII_PREFIX },
  );
}
