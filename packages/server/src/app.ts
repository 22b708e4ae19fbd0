/**
 * Builds the Fastify application: API under /api/v1, OpenAPI at /api/openapi.json and
 * /api/docs, health probes, and the web app at /. Nothing here listens; see server.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from './deps';
import type { App } from './http/types';
import { makeAuthHook } from './http/auth-hook';
import { validatorCompiler } from './http/validator';
import { makeProblem, problemFromError, sendProblem } from './http/problem';
import { authRoutes } from './modules/auth/routes';
import { auditRoutes } from './modules/audit/routes';
import { metaRoutes } from './modules/meta/routes';
import { participantRoutes } from './modules/participants/routes';
import { systemRoutes, type Lifecycle } from './modules/system/routes';
import { tokenRoutes } from './modules/tokens/routes';
import { userRoutes } from './modules/users/routes';
import { ledgerApiRoutes, ledgerTileRoutes, witnessRoutes } from './modules/ledger';
import { normRoutes } from './modules/norms/routes';
import { glossaryRoutes } from './modules/glossary/routes';
import { doctrineRoutes } from './modules/doctrines/routes';
import { directoryRoutes } from './modules/directory/routes';
import { taxiiRoutes } from './modules/intel/taxii/routes';
import { intelRoutes } from './modules/intel/routes';

export const API_PREFIX = '/api/v1';
export const VERSION = '0.1.0';

export const DEFAULT_WEB_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../web/dist',
);

export interface BuildAppOptions {
  logger?: FastifyBaseLogger | false;
  /** Folder of the built web app; null serves no web app. */
  webDir?: string | null;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The web app loads only its own scripts; nothing may frame it. */
const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export async function buildApp(
  deps: Deps,
  options: BuildAppOptions = {},
): Promise<{ app: App; lifecycle: Lifecycle }> {
  const lifecycle: Lifecycle = { shuttingDown: false };
  const app = Fastify({
    loggerInstance: options.logger || undefined,
    logger: options.logger ? undefined : false,
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    return503OnClosing: true,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : deps.random.uuid();
    },
  }).withTypeProvider<TypeBoxTypeProvider>() as App;
  app.setValidatorCompiler(validatorCompiler);

  app.decorateRequest('auth', null);
  await app.register(cookie);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concord API',
        version: VERSION,
        description:
          'The API of a Concord node. Errors are RFC 9457 problem details (application/problem+json) with a stable `code`.',
      },
      components: {
        securitySchemes: {
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'concord_session',
            description: 'Browser session; mutations also need X-CSRF-Token',
          },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (concord_pat_…)' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { auth: 'public' } }, () =>
    app.swagger(),
  );

  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
    if (!request.url.startsWith('/api/docs')) void reply.header('x-frame-options', 'DENY');
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
    if (deps.config.secureCookies) {
      void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    done(null, payload);
  });

  app.setErrorHandler((err, request, reply) => sendProblem(reply, problemFromError(err, request)));

  systemRoutes(app, deps, lifecycle);
  ledgerTileRoutes(app, deps);
  witnessRoutes(app, deps);
  taxiiRoutes(app, deps, {
    maxContentLength: deps.config.taxiiMaxContentBytes,
    asyncAbove: deps.config.taxiiAsyncAbove,
  });
  await app.register(
    (api, _opts, done) => {
      const typed = api as unknown as App;
      typed.addHook('onRequest', makeAuthHook(deps));
      metaRoutes(typed);
      authRoutes(typed, deps);
      participantRoutes(typed, deps);
      userRoutes(typed, deps);
      tokenRoutes(typed, deps);
      auditRoutes(typed, deps);
      ledgerApiRoutes(typed, deps);
      normRoutes(typed, deps);
      glossaryRoutes(typed, deps);
      doctrineRoutes(typed, deps);
      directoryRoutes(typed, deps);
      intelRoutes(typed, deps);
      done();
    },
    { prefix: API_PREFIX },
  );

  const webDir = options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir;
  const indexHtml = webDir ? path.join(webDir, 'index.html') : null;
  const hasWeb = indexHtml !== null && fs.existsSync(indexHtml);
  if (hasWeb && webDir) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      setHeaders: (reply, filePath) => {
        // Vite fingerprints everything under assets/: cache it for good.
        if (filePath.includes(`${path.sep}assets${path.sep}`))
          void reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }

  const NON_SPA = /^\/(api|taxii2|ledger|healthz|readyz)(\/|$)/;
  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (
      hasWeb &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      !NON_SPA.test(url) &&
      !path.extname(url)
    ) {
      // Client-side routes: every page of the single-page app is index.html.
      return reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .header('content-security-policy', WEB_CSP)
        .sendFile('index.html');
    }
    if (!hasWeb && url === '/') {
      return reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><title>Concord</title><p>The web app is not built. Run <code>npm run build</code>. The API is at <a href="/api/docs">/api/docs</a>.</p>',
        );
    }
    return sendProblem(
      reply,
      makeProblem('ROUTE_NOT_FOUND', `No endpoint ${request.method} ${url}`, {
        requestId: request.id,
      }),
    );
  });

  return { app, lifecycle };
}
