import { Type } from 'typebox';
import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { problemTypes, problemTypeUri } from '../../http/problem';

export interface Lifecycle {
  shuttingDown: boolean;
}

/** Liveness, readiness and the descriptions behind problem `type` URIs. */
export function systemRoutes(app: App, deps: Deps, lifecycle: Lifecycle): void {
  app.get('/healthz', {
    config: { auth: 'public' },
    schema: {
      tags: ['System'],
      summary: 'Liveness: the process is up',
      response: { 200: Type.Object({ status: Type.Literal('ok') }) },
    },
    handler: () => ({ status: 'ok' as const }),
  });
  app.get('/readyz', {
    config: { auth: 'public' },
    schema: {
      tags: ['System'],
      summary: 'Readiness: the database answers and the server is not shutting down',
      response: {
        200: Type.Object({ status: Type.String(), database: Type.String() }),
        503: Type.Object({ status: Type.String(), database: Type.String() }),
      },
    },
    handler: async (_req, reply) => {
      if (lifecycle.shuttingDown)
        return reply.code(503).send({ status: 'shutting_down', database: 'unknown' });
      try {
        await deps.database.ping();
        return { status: 'ready', database: deps.database.dialect };
      } catch {
        return reply.code(503).send({ status: 'unavailable', database: deps.database.dialect });
      }
    },
  });
  const byUri = new Map<string, { code: string; status: number; title: string }>();
  const refresh = () => {
    for (const [code, t] of problemTypes()) byUri.set(problemTypeUri(code), { code, ...t });
  };
  app.get('/api/problems/:slug', {
    config: { auth: 'public' },
    schema: {
      tags: ['System'],
      summary: 'What a problem type (RFC 9457 `type`) means',
      params: Type.Object({ slug: Type.String({ maxLength: 100 }) }),
      response: {
        200: Type.Object({
          type: Type.String(),
          code: Type.String(),
          status: Type.Integer(),
          title: Type.String(),
        }),
      },
    },
    handler: async (req, reply) => {
      refresh();
      const uri = `/api/problems/${req.params.slug}`;
      const found = byUri.get(uri);
      if (!found) return reply.callNotFound();
      return { type: uri, ...found };
    },
  });
}
