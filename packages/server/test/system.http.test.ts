import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './support/app';
import { dialectName } from './support/database';

describe(`health, OpenAPI and problem types (${dialectName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: false });
  });
  afterAll(() => t.close());

  it('answers liveness and readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({
      status: 'ok',
    });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({
      status: 'ready',
    });
  });

  it('publishes an OpenAPI 3.1 document describing every /api/v1 route with its schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json<{
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>
      >;
    }>();
    expect(doc.openapi).toBe('3.1.0');
    const routes = t.app.printRoutes({ commonPrefix: false });
    for (const p of [
      '/api/v1/auth/login',
      '/api/v1/participants',
      '/api/v1/users/{id}',
      '/api/v1/tokens',
      '/api/v1/audit',
      '/api/v1/participants/{id}/keys',
    ]) {
      expect(doc.paths[p], p).toBeDefined();
    }
    expect(routes).toContain('participants');
    for (const [p, ops] of Object.entries(doc.paths)) {
      if (!p.startsWith('/api/v1/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        if (method === 'parameters') continue;
        expect(Object.keys(op.responses), `${method} ${p}`).toContain('4XX');
      }
    }
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body.toLowerCase()).toContain('swagger');
  });

  it('keeps the committed typed client in step with the server (run `npm run openapi`)', async () => {
    const { renderOpenApi } = await import('../../../scripts/openapi-lib');
    const { json, types } = await renderOpenApi();
    const root = path.resolve(__dirname, '../../..');
    expect(fs.readFileSync(path.join(root, 'packages/api-client/openapi.json'), 'utf8')).toBe(json);
    expect(fs.readFileSync(path.join(root, 'packages/api-client/src/schema.d.ts'), 'utf8')).toBe(
      types,
    );
  });

  it('resolves every problem type URI to its description', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/problems/validation-failed' });
    expect(res.json()).toEqual({
      type: '/api/problems/validation-failed',
      code: 'VALIDATION_FAILED',
      status: 400,
      title: 'The request is not valid',
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/problems/nonsense' })).statusCode).toBe(
      404,
    );
  });
});
