import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import type { App } from '../src/http/types';
import { createTestApp, type TestApp } from './support/app';
import { dialectName } from './support/database';

describe(`serving the web app (${dialectName})`, () => {
  let t: TestApp;
  let app: App;
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-web-'));
  beforeAll(async () => {
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(
      path.join(webDir, 'index.html'),
      '<!doctype html><title>Concord</title><div id="root"></div>',
    );
    fs.writeFileSync(path.join(webDir, 'assets', 'app-1234.js'), 'console.log(1)');
    t = await createTestApp({ demo: false });
    ({ app } = await buildApp(t.deps, { webDir }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('answers every client-side route with index.html under a strict CSP', async () => {
    for (const url of ['/', '/admin/users', '/participants/123?tab=keys']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('serves fingerprinted assets as immutable', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('keeps API, probe and missing-file paths out of the SPA fallback', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/nothing' })).json()).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
    });
    expect((await app.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/admin/users' })).statusCode).toBe(404);
  });
});
