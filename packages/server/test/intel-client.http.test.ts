/**
 * A TAXII 2.1 client's session against a real listening server: everything a client learns
 * comes from the server's answers (discovery → API root → collections → add → status → pages
 * → object → versions), with the strict checks a client library makes on each answer —
 * exact Content-Type, status codes of TAXII 2.1 §4–5, envelope and manifest shapes, the
 * X-TAXII-Date-Added headers, and `next` followed until `more` is false.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYST, DEMO_PASSWORD, createTestApp, type TestApp } from './support/app';

const MEDIA = 'application/taxii+json;version=2.1';
const auth = `Basic ${Buffer.from(`${ANALYST}:${DEMO_PASSWORD}`).toString('base64')}`;

interface Answer {
  status: number;
  type: string | null;
  headers: Headers;
  json: Record<string, unknown>;
}

/** One TAXII request as a client sends it; the body is parsed only when the type is right. */
async function taxii(url: string, init: { method?: string; body?: unknown } = {}): Promise<Answer> {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      accept: MEDIA,
      authorization: auth,
      ...(init.body !== undefined ? { 'content-type': MEDIA } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  const type = res.headers.get('content-type');
  return {
    status: res.status,
    type,
    headers: res.headers,
    json: type === MEDIA && text !== '' ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

const stamp = (ms: number) => new Date(ms).toISOString();

describe('intel: a TAXII 2.1 client session over HTTP', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = address;
  }, 180_000);
  afterAll(() => t.close());

  it('discovers, adds objects, waits for the status and reads them back page by page', async () => {
    // §4.1 discovery: the API roots are URLs the client follows as given.
    const discovery = await taxii(`${base}/taxii2/`);
    expect(discovery.status).toBe(200);
    expect(discovery.type).toBe(MEDIA);
    const roots = discovery.json.api_roots as string[];
    expect(roots.length).toBeGreaterThan(0);
    const root = roots[0]!.replace(/^https?:\/\/[^/]+/, base);
    expect(discovery.json.default).toBe(roots[0]);

    // §4.2 API root: the client checks that it speaks a version the server lists.
    const info = await taxii(root);
    expect(info.status).toBe(200);
    expect(info.json.versions).toContain(MEDIA);
    expect(typeof info.json.max_content_length).toBe('number');

    // §5.1 collections: pick one the client may write to.
    const cols = await taxii(`${root}collections/`);
    expect(cols.status).toBe(200);
    const collections = cols.json.collections as {
      id: string;
      title: string;
      can_read: boolean;
      can_write: boolean;
      media_types: string[];
    }[];
    const target = collections.find((c) => c.can_write && c.can_read)!;
    expect(target).toBeDefined();
    expect(target.media_types).toContain('application/stix+json;version=2.1');
    const col = `${root}collections/${target.id}/`;
    expect((await taxii(col)).json.id).toBe(target.id);

    // §5.4 add: 250 indicators and one new version of the first one.
    const t0 = Date.UTC(2026, 0, 1);
    const objects = Array.from({ length: 250 }, (_, i) => ({
      type: 'indicator',
      spec_version: '2.1',
      id: `indicator--${randomUUID()}`,
      created: stamp(t0),
      modified: stamp(t0),
      name: `Client test ${i}`,
      pattern: `[ipv4-addr:value = '203.0.113.${i % 250}']`,
      pattern_type: 'stix',
      valid_from: stamp(t0),
    }));
    const v2 = { ...objects[0]!, modified: stamp(t0 + 60_000), name: 'Client test 0, revised' };
    const added = await taxii(`${col}objects/`, {
      method: 'POST',
      body: { objects: [...objects, v2] },
    });
    expect(added.status).toBe(202);
    expect(added.type).toBe(MEDIA);
    const statusId = added.json.id as string;
    let status = added.json;
    for (let i = 0; i < 50 && status.status !== 'complete'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await taxii(`${root}status/${statusId}/`)).json;
    }
    expect(status).toMatchObject({
      id: statusId,
      status: 'complete',
      total_count: 251,
      success_count: 251,
      failure_count: 0,
      pending_count: 0,
    });

    // §5.4 get objects, following `next` while `more` (added_after scopes it to this test).
    const seen = new Map<string, Record<string, unknown>>();
    let next: string | null = null;
    let pages = 0;
    const since = stamp(Date.now() - 3_600_000);
    do {
      const q = new URLSearchParams({
        limit: '40',
        added_after: since,
        'match[type]': 'indicator',
      });
      if (next) q.set('next', next);
      const page = await taxii(`${col}objects/?${q.toString()}`);
      expect(page.status).toBe(200);
      expect(page.type).toBe(MEDIA);
      const list = (page.json.objects ?? []) as Record<string, unknown>[];
      expect(list.length).toBeLessThanOrEqual(40);
      if (list.length > 0) {
        expect(page.headers.get('x-taxii-date-added-first')).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
        expect(page.headers.get('x-taxii-date-added-last')).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
      }
      for (const o of list) {
        expect(seen.has(o.id as string), `duplicate ${String(o.id)}`).toBe(false);
        seen.set(o.id as string, o);
      }
      next = page.json.more === true ? (page.json.next as string) : null;
      pages += 1;
    } while (next !== null && pages < 100);
    for (const o of objects) expect(seen.has(o.id), o.id).toBe(true);
    // match[version] defaults to last: the revised version is the one served.
    expect(seen.get(objects[0]!.id)?.name).toBe('Client test 0, revised');

    // §5.5 one object, all versions; §5.6 its versions; §5.3 the manifest.
    const one = await taxii(`${col}objects/${objects[0]!.id}/?match[version]=all`);
    expect((one.json.objects as unknown[]).length).toBe(2);
    const versions = await taxii(`${col}objects/${objects[0]!.id}/versions/`);
    expect(versions.json.versions).toEqual([objects[0]!.modified, v2.modified]);
    const manifest = await taxii(`${col}manifest/?match[id]=${objects[1]!.id}`);
    expect(manifest.json.objects).toEqual([
      {
        id: objects[1]!.id,
        date_added: expect.stringMatching(/Z$/) as unknown,
        version: objects[1]!.modified,
        media_type: 'application/stix+json;version=2.1',
      },
    ]);

    // §5.7 delete, then the object is gone (404 with a TAXII error resource).
    const del = await taxii(`${col}objects/${objects[2]!.id}/`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    const gone = await taxii(`${col}objects/${objects[2]!.id}/`);
    expect(gone.status).toBe(404);
    expect(gone.type).toBe(MEDIA);
    expect(gone.json).toMatchObject({ title: expect.any(String) as unknown, http_status: '404' });
  });
});
