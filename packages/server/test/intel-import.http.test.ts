/**
 * Importing bundles by URL (streamed, with the private-address guard) and searching by
 * property. One app with private targets allowed (a loopback server plays the remote feed),
 * one with the guard on.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYST, createTestApp, login, snapshot, type Session, type TestApp } from './support/app';
import { dialectName } from './support/database';
import { collectionIds, indicator } from './support/intel';

const bundle = (objects: unknown[]) => ({
  type: 'bundle',
  id: 'bundle--6d3a8d9e-1b1e-4b8f-9c55-1f0c7e1c2a11',
  objects,
});

describe(`intel: import by URL and property search (${dialectName})`, () => {
  let lab: TestApp;
  let guarded: TestApp;
  let feed: http.Server;
  let feedUrl: string;
  let served = '';
  beforeAll(async () => {
    feed = http.createServer((req, res) => {
      if (req.url === '/feed.json') {
        res.setHeader('content-type', 'application/stix+json;version=2.1');
        // Sent in small pieces: the import must not rely on one chunk.
        const bytes = Buffer.from(served);
        let at = 0;
        const step = (): void => {
          if (at >= bytes.length) {
            res.end();
            return;
          }
          res.write(bytes.subarray(at, at + 777));
          at += 777;
          setImmediate(step);
        };
        step();
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => feed.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(feed.address() as AddressInfo).port}`;
    [lab, guarded] = await Promise.all([
      createTestApp({ config: { webhookAllowPrivate: true } }),
      createTestApp(),
    ]);
  }, 240_000);
  afterAll(async () => {
    await Promise.all([lab.close(), guarded.close()]);
    await new Promise<void>((resolve) => feed.close(() => resolve()));
  });

  const post = (t: TestApp, s: Session, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s.headers(), payload });

  it('streams a bundle from a URL into a collection, listing the refused objects', async () => {
    const good = Array.from({ length: 120 }, (_, i) =>
      indicator('green', {
        name: `Feed ${i}`,
        indicator_types: [i % 2 === 0 ? 'malicious-activity' : 'anomalous-activity'],
        confidence: i % 3 === 0 ? 80 : 40,
      }),
    );
    served = JSON.stringify(bundle([...good, { type: 'indicator', id: 'indicator--bad' }]));
    const s = await login(lab.app, ANALYST);
    const regime = (await collectionIds(lab.app, ANALYST)).get('regime-indicators')!;
    const res = await post(lab, s, `/intel/collections/${regime}/import`, {
      url: `${feedUrl}/feed.json`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{ total: number; stored: number; failures: { id: string }[] }>();
    expect(r).toMatchObject({ total: 121, stored: 120 });
    expect(r.failures.map((f) => f.id)).toEqual(['indicator--bad']);

    // Property search: list containment and typed values.
    const search = async (query: string) =>
      (
        await lab.app.inject({
          method: 'GET',
          url: `/api/v1/intel/objects?q=Feed&limit=200&${query}`,
          headers: s.headers(),
        })
      ).json<{ items: { name: string }[] }>().items;
    expect(await search('property=indicator_types%3Dmalicious-activity')).toHaveLength(60);
    expect(await search('property=confidence%3D80')).toHaveLength(40);
    expect(
      await search('property=confidence%3D80&property=indicator_types%3Dmalicious-activity'),
    ).toHaveLength(20);
    expect(await search('property=confidence%3D%2280%22')).toHaveLength(0);
    const bad = await lab.app.inject({
      method: 'GET',
      url: '/api/v1/intel/objects?property=no-equals-sign',
      headers: s.headers(),
    });
    expect(bad.statusCode).toBe(400);
  });

  it('answers a missing feed or a non-bundle with a problem naming the field, storing nothing', async () => {
    const s = await login(lab.app, ANALYST);
    const regime = (await collectionIds(lab.app, ANALYST)).get('regime-indicators')!;
    const before = await snapshot(lab.deps);
    const missing = await post(lab, s, `/intel/collections/${regime}/import`, {
      url: `${feedUrl}/nothing.json`,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('url');
    served = '{"type":"bundle","objects":[{"type":"indicator"';
    const truncated = await post(lab, s, `/intel/collections/${regime}/import`, {
      url: `${feedUrl}/feed.json`,
    });
    expect(truncated.statusCode).toBe(400);
    expect(truncated.json<{ code: string }>().code).toBe('INTEL_BAD_ENVELOPE');
    expect(await snapshot(lab.deps)).toEqual(before);
  });

  it('refuses private, loopback and reserved addresses unless allowed', async () => {
    const s = await login(guarded.app, ANALYST);
    const regime = (await collectionIds(guarded.app, ANALYST)).get('regime-indicators')!;
    for (const url of [
      `${feedUrl}/feed.json`,
      'https://127.0.0.1/feed.json',
      'https://10.0.0.1/feed.json',
      'https://169.254.169.254/latest/meta-data',
      'ftp://feeds.example/x.json',
    ]) {
      const res = await post(guarded, s, `/intel/collections/${regime}/import`, { url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json<{ errors: { field: string }[] }>().errors[0]?.field, url).toBe('url');
    }
  });
});
