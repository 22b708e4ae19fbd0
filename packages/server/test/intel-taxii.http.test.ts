/**
 * TAXII 2.1 (OASIS Standard, 10 June 2021) at /taxii2/: discovery, API root, collections,
 * objects, manifest, versions, status, media types, authentication, filters and pagination.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TLP2 } from '@concord/stix';
import {
  ADMIN,
  ANALYST,
  count,
  createTestApp,
  ESTONIA,
  KENYA,
  snapshot,
  type TestApp,
} from './support/app';
import { dialectName } from './support/database';
import {
  basic,
  collectionIds,
  createToken,
  identity,
  indicator,
  postEnvelope,
  ROOT,
  TAXII,
  taxiiHeaders,
  type Envelope,
  type ManifestPage,
  type TaxiiStatus,
} from './support/intel';

interface TaxiiError {
  title: string;
  error_code?: string;
  http_status?: string;
  description?: string;
  details?: { errors?: { field: string; message: string }[] };
}

describe(`intel: TAXII 2.1 server (${dialectName})`, () => {
  let t: TestApp;
  let regime: string;
  let energy: string;

  const get = (url: string, email = ANALYST, extra: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: taxiiHeaders(email, extra) });

  /** Every id (with its version) of a collection's objects, following `next`. */
  async function pageAll(url: string, limit: number, email = ANALYST) {
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const res = await get(
        `${url}${sep}limit=${limit}${next ? `&next=${encodeURIComponent(next)}` : ''}`,
        email,
      );
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<Envelope>();
      seen.push(...(page.objects ?? []).map((o) => o.id));
      next = page.more ? page.next : undefined;
      if (page.more) expect(page.next).toBeTruthy();
      pages += 1;
    } while (next);
    return { seen, pages };
  }

  beforeAll(async () => {
    t = await createTestApp({ config: { taxiiAsyncAbove: 5_000 } });
    const ids = await collectionIds(t.app, ANALYST);
    // Basic credentials are checked (and rate-limit counted) once, then cached: warm them up
    // so that "nothing changed" snapshots compare only what the request under test did.
    for (const email of [ESTONIA, KENYA, ADMIN]) await collectionIds(t.app, email);
    regime = ids.get('regime-indicators')!;
    energy = ids.get('energy')!;
  }, 120_000);
  afterAll(() => t.close());

  describe('discovery, API root and collections', () => {
    it('answers discovery (§4.1) and the API root (§4.2) in the TAXII media type', async () => {
      const d = await get('/taxii2/');
      expect(d.statusCode, d.body).toBe(200);
      expect(d.headers['content-type']).toBe(TAXII);
      const disc = d.json<{ api_roots: string[]; default: string }>();
      expect(disc.api_roots).toHaveLength(1);
      expect(disc.default).toMatch(/\/taxii2\/concord\/$/);
      const r = await get(`${ROOT}/`);
      expect(r.statusCode, r.body).toBe(200);
      const root = r.json<{ versions: string[]; max_content_length: number }>();
      expect(root.versions).toEqual([TAXII]);
      expect(root.max_content_length).toBe(t.deps.config.taxiiMaxContentBytes);
    });

    it('lists only the collections the caller may read or write (§5.1)', async () => {
      const analyst = await collectionIds(t.app, ANALYST);
      expect([...analyst.keys()].sort()).toEqual(['attack-ics', 'energy', 'regime-indicators']);
      const kenya = await collectionIds(t.app, KENYA);
      expect([...kenya.keys()].sort()).toEqual([
        'attack-ics',
        'estonia-kenya',
        'regime-indicators',
      ]);
      expect([...kenya.values()]).not.toContain(energy);
      const one = await get(`${ROOT}/collections/${energy}/`);
      expect(one.statusCode).toBe(200);
      expect(one.json()).toMatchObject({
        id: energy,
        can_read: true,
        can_write: true,
        media_types: ['application/stix+json;version=2.1'],
      });
    });

    it('answers 404 with a TAXII error resource for an unknown or hidden collection', async () => {
      for (const [url, who] of [
        [`${ROOT}/collections/${energy}/`, KENYA],
        [`${ROOT}/collections/${energy}/objects/`, KENYA],
        [`${ROOT}/collections/${energy}/manifest/`, KENYA],
        [`${ROOT}/collections/00000000-0000-4000-8000-000000000000/`, ANALYST],
        [`${ROOT}/collections/not-a-uuid/objects/`, ANALYST],
        [`${ROOT}/status/00000000-0000-4000-8000-000000000000/`, ANALYST],
      ] as const) {
        const res = await get(url, who);
        expect(res.statusCode, url).toBe(404);
        expect(res.headers['content-type']).toBe(TAXII);
        expect(res.json<TaxiiError>()).toMatchObject({ http_status: '404' });
        expect(typeof res.json<TaxiiError>().title).toBe('string');
      }
    });
  });

  describe('media types (§1.6.8)', () => {
    it('answers 406 to an Accept that excludes TAXII 2.1', async () => {
      for (const accept of ['application/json', 'application/taxii+json;version=2.0']) {
        const res = await get(`${ROOT}/collections/`, ANALYST, { accept });
        expect(res.statusCode, accept).toBe(406);
        expect(res.headers['content-type']).toBe(TAXII);
        expect(res.json<TaxiiError>().http_status).toBe('406');
      }
    });

    it('serves */*, application/taxii+json and an absent Accept', async () => {
      for (const accept of ['*/*', 'application/taxii+json', TAXII]) {
        const res = await get(`${ROOT}/`, ANALYST, { accept });
        expect(res.statusCode, accept).toBe(200);
      }
      const res = await t.app.inject({
        method: 'GET',
        url: `${ROOT}/`,
        headers: { authorization: basic(ANALYST) },
      });
      expect(res.statusCode).toBe(200);
    });

    it('answers 415 to a POST in application/json and stores nothing', async () => {
      const before = await snapshot(t.deps);
      const res = await t.app.inject({
        method: 'POST',
        url: `${ROOT}/collections/${regime}/objects/`,
        headers: {
          authorization: basic(ANALYST),
          accept: TAXII,
          'content-type': 'application/json',
        },
        payload: JSON.stringify({ objects: [indicator('green')] }),
      });
      expect(res.statusCode, res.body).toBe(415);
      expect(res.headers['content-type']).toBe(TAXII);
      expect(await snapshot(t.deps)).toEqual(before);
    });
  });

  describe('authentication', () => {
    it('answers 401 with WWW-Authenticate without or with wrong credentials', async () => {
      for (const authorization of [
        undefined,
        basic(ANALYST, 'wrong-password'),
        basic('nobody@nowhere.example'),
        'Bearer concord_pat_notatoken',
        'Digest x',
      ]) {
        const res = await t.app.inject({
          method: 'GET',
          url: `${ROOT}/collections/`,
          headers: { accept: TAXII, ...(authorization ? { authorization } : {}) },
        });
        expect(res.statusCode, authorization).toBe(401);
        expect(res.headers['www-authenticate']).toMatch(/^Basic /);
        expect(res.headers['content-type']).toBe(TAXII);
      }
    });

    it('accepts an API token as Basic password and as Bearer; read-only cannot POST', async () => {
      const read = await createToken(t.app, ANALYST, ['read']);
      const write = await createToken(t.app, ANALYST, ['read', 'write']);
      for (const authorization of [`Bearer ${read}`, basic(ANALYST, read), basic('x', read)]) {
        const res = await t.app.inject({
          method: 'GET',
          url: `${ROOT}/collections/${regime}/`,
          headers: { accept: TAXII, authorization },
        });
        expect(res.statusCode, authorization).toBe(200);
      }
      const before = await snapshot(t.deps);
      for (const authorization of [`Bearer ${read}`, basic(ANALYST, read)]) {
        const res = await postEnvelope(t.app, regime, authorization, [indicator('green')]);
        expect(res.statusCode, res.body).toBe(403);
        expect(res.headers['content-type']).toBe(TAXII);
      }
      expect(await snapshot(t.deps)).toEqual(before);
      const ok = await postEnvelope(t.app, regime, `Bearer ${write}`, [indicator('green')]);
      expect(ok.statusCode, ok.body).toBe(202);
      expect(ok.json<TaxiiStatus>().success_count).toBe(1);
    });
  });

  describe('objects, manifest, object, versions, delete', () => {
    it('stores, versions and deletes an object', async () => {
      const v1 = indicator('green');
      const v2 = { ...v1, modified: '2026-02-01T00:00:00.000Z', name: 'second' };
      const v3 = { ...v1, modified: '2026-03-01T00:00:00.123Z', name: 'third' };
      const post = await postEnvelope(t.app, regime, basic(ANALYST), [v1, v3, v2]);
      expect(post.statusCode, post.body).toBe(202);
      expect(post.headers['content-type']).toBe(TAXII);
      const status = post.json<TaxiiStatus>();
      expect(status).toMatchObject({ status: 'complete', total_count: 3, success_count: 3 });

      const s = await get(`${ROOT}/status/${status.id}/`);
      expect(s.statusCode).toBe(200);
      expect(s.json<TaxiiStatus>()).toMatchObject({ id: status.id, success_count: 3 });

      const obj = await get(`${ROOT}/collections/${regime}/objects/${v1.id}/`);
      expect(obj.statusCode, obj.body).toBe(200);
      expect(obj.json<Envelope>().objects!.map((o) => o.name)).toEqual(['third']);
      expect(obj.headers['x-taxii-date-added-first']).toMatch(/Z$/);

      const all = await get(`${ROOT}/collections/${regime}/objects/${v1.id}/?match[version]=all`);
      expect(
        all
          .json<Envelope>()
          .objects!.map((o) => o.name)
          .sort(),
      ).toEqual(['Test indicator green', 'second', 'third']);
      const first = await get(
        `${ROOT}/collections/${regime}/objects/${v1.id}/?match[version]=first`,
      );
      expect(first.json<Envelope>().objects!.map((o) => o.modified)).toEqual([v1.modified]);
      const exact = await get(
        `${ROOT}/collections/${regime}/objects/${v1.id}/?match[version]=2026-02-01T00:00:00Z`,
      );
      expect(exact.json<Envelope>().objects!.map((o) => o.name)).toEqual(['second']);

      const versions = await get(`${ROOT}/collections/${regime}/objects/${v1.id}/versions/`);
      expect(versions.statusCode, versions.body).toBe(200);
      expect(versions.headers['x-taxii-date-added-last']).toMatch(/Z$/);
      expect(versions.json<{ versions: string[] }>().versions.sort()).toEqual(
        [v1.modified, v2.modified, v3.modified].sort(),
      );

      const manifest = await get(`${ROOT}/collections/${regime}/manifest/?match[id]=${v1.id}`);
      expect(manifest.json<ManifestPage>().objects).toEqual([
        expect.objectContaining({
          id: v1.id,
          version: v3.modified,
          media_type: 'application/stix+json;version=2.1',
        }),
      ]);

      // §5.7: delete the latest version; the previous becomes latest.
      const del = await t.app.inject({
        method: 'DELETE',
        url: `${ROOT}/collections/${regime}/objects/${v1.id}/?match[version]=${v3.modified}`,
        headers: taxiiHeaders(ANALYST),
      });
      expect(del.statusCode, del.body).toBe(200);
      const after = await get(`${ROOT}/collections/${regime}/objects/${v1.id}/`);
      expect(after.json<Envelope>().objects!.map((o) => o.name)).toEqual(['second']);
      const delAll = await t.app.inject({
        method: 'DELETE',
        url: `${ROOT}/collections/${regime}/objects/${v1.id}/`,
        headers: taxiiHeaders(ANALYST),
      });
      expect(delAll.statusCode).toBe(200);
      const gone = await get(`${ROOT}/collections/${regime}/objects/${v1.id}/`);
      expect(gone.statusCode).toBe(404);
      expect(gone.json<TaxiiError>().http_status).toBe('404');
      const goneVersions = await get(`${ROOT}/collections/${regime}/objects/${v1.id}/versions/`);
      expect(goneVersions.statusCode).toBe(404);
    });

    it('only the origin organisation or the secretariat deletes a version', async () => {
      const o = indicator('green');
      await postEnvelope(t.app, regime, basic(ANALYST), [o]);
      const before = await snapshot(t.deps);
      const del = await t.app.inject({
        method: 'DELETE',
        url: `${ROOT}/collections/${regime}/objects/${o.id}/`,
        headers: taxiiHeaders(ESTONIA),
      });
      expect(del.statusCode, del.body).toBe(404);
      expect(await snapshot(t.deps)).toEqual(before);
      const admin = await t.app.inject({
        method: 'DELETE',
        url: `${ROOT}/collections/${regime}/objects/${o.id}/`,
        headers: taxiiHeaders(ADMIN),
      });
      expect(admin.statusCode, admin.body).toBe(200);
      expect(await count(t.deps, 'intel_objects', `stix_id = '${o.id}'`)).toBe(0);
    });
  });

  describe('POST semantics (§5.4)', () => {
    it('stores the good objects, lists the bad ones with the property at fault', async () => {
      const good = indicator('green');
      const bad = indicator('green', { pattern_type: undefined });
      delete bad.pattern_type;
      const badId = identity('x', { id: 'identity--not-a-uuid' });
      const res = await postEnvelope(t.app, regime, basic(ANALYST), [good, bad, badId]);
      expect(res.statusCode, res.body).toBe(202);
      const s = res.json<TaxiiStatus>();
      expect(s).toMatchObject({
        status: 'complete',
        total_count: 3,
        success_count: 1,
        failure_count: 2,
        pending_count: 0,
      });
      expect(s.successes).toEqual([{ id: good.id, version: good.modified }]);
      const failures = new Map(s.failures!.map((f) => [f.id, f.message ?? '']));
      expect(failures.get(bad.id)).toMatch(/pattern_type/);
      expect(failures.get('identity--not-a-uuid')).toMatch(/\bid\b/);
      expect(await count(t.deps, 'intel_objects', `stix_id = '${good.id}'`)).toBe(1);
      expect(await count(t.deps, 'intel_objects', `stix_id in ('${bad.id}', '${badId.id}')`)).toBe(
        0,
      );
    });

    it('is idempotent for the same id and version', async () => {
      const o = indicator('green');
      const first = await postEnvelope(t.app, regime, basic(ANALYST), [o]);
      expect(first.json<TaxiiStatus>().success_count).toBe(1);
      const manifestCount = async () =>
        (
          await get(`${ROOT}/collections/${regime}/manifest/?match[version]=all&match[id]=${o.id}`)
        ).json<ManifestPage>().objects?.length ?? 0;
      expect(await manifestCount()).toBe(1);
      const again = await postEnvelope(t.app, regime, basic(ANALYST), [o, o]);
      expect(again.statusCode).toBe(202);
      expect(again.json<TaxiiStatus>()).toMatchObject({ success_count: 2, failure_count: 0 });
      expect(await manifestCount()).toBe(1);
      expect(await count(t.deps, 'intel_objects', `stix_id = '${o.id}'`)).toBe(1);
    });

    it('answers 400 with an error resource to malformed JSON and stores nothing', async () => {
      const before = await snapshot(t.deps);
      for (const payload of [
        '{"objects": [',
        '{"objects": [{"type": "indicator",}]}',
        'not json',
        '[]',
        '{"more": false}',
      ]) {
        const res = await t.app.inject({
          method: 'POST',
          url: `${ROOT}/collections/${regime}/objects/`,
          headers: { authorization: basic(ANALYST), accept: TAXII, 'content-type': TAXII },
          payload,
        });
        expect(res.statusCode, payload).toBe(400);
        expect(res.headers['content-type']).toBe(TAXII);
        expect(res.json<TaxiiError>().http_status).toBe('400');
      }
      expect(await snapshot(t.deps)).toEqual(before);
    });

    it("hides another organisation's status (404)", async () => {
      const res = await postEnvelope(t.app, regime, basic(ANALYST), [indicator('green')]);
      const id = res.json<TaxiiStatus>().id;
      expect((await get(`${ROOT}/status/${id}/`, ANALYST)).statusCode).toBe(200);
      const other = await get(`${ROOT}/status/${id}/`, ESTONIA);
      expect(other.statusCode).toBe(404);
      expect(other.json<TaxiiError>().http_status).toBe('404');
    });
  });

  describe('filters (§3.4)', () => {
    let col: string;
    const ind = indicator('green');
    const idn = identity('Filter identity', {
      object_marking_refs: [String(TLP2.green.id)],
    });
    let addedFirst: string;

    beforeAll(async () => {
      // A fresh collection: predictable contents.
      const admin = await import('./support/app').then((m) => m.login(t.app, m.ADMIN));
      const all = await t.app.inject({
        method: 'GET',
        url: '/api/v1/intel/communities',
        headers: admin.headers(),
      });
      const community = all
        .json<{ id: string; kind: string }[]>()
        .find((c) => c.kind === 'all-members')!;
      const c = await t.app.inject({
        method: 'POST',
        url: '/api/v1/intel/collections',
        headers: admin.headers(),
        payload: { communityId: community.id, title: 'Filters', alias: 'filters' },
      });
      expect(c.statusCode, c.body).toBe(201);
      col = c.json<{ id: string }>().id;
      const r1 = await postEnvelope(t.app, col, basic(ANALYST), [ind]);
      expect(r1.statusCode, r1.body).toBe(202);
      const r2 = await postEnvelope(t.app, col, basic(ANALYST), [
        idn,
        { ...ind, modified: '2026-05-01T00:00:00.000Z', name: 'v2' },
      ]);
      expect(r2.json<TaxiiStatus>().success_count, r2.body).toBe(2);
      const m = await get(`${ROOT}/collections/${col}/manifest/?match[version]=all`);
      addedFirst = m.json<ManifestPage>().objects![0]!.date_added;
    });

    const ids = async (query: string) => {
      const res = await get(`${ROOT}/collections/${col}/objects/?${query}`);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(200);
      return (res.json<Envelope>().objects ?? [])
        .map((o) => `${o.type as string}:${o.modified as string}`)
        .sort();
    };

    it('match[type], single and comma list', async () => {
      expect(await ids('match[type]=identity')).toEqual([`identity:${String(idn.modified)}`]);
      expect(await ids('match[type]=indicator,identity')).toHaveLength(2);
      expect(await ids('match[type]=malware')).toEqual([]);
    });

    it('match[id] and match[version]', async () => {
      expect(await ids(`match[id]=${ind.id}`)).toEqual(['indicator:2026-05-01T00:00:00.000Z']);
      expect(await ids(`match[id]=${ind.id}&match[version]=first`)).toEqual([
        `indicator:${ind.modified}`,
      ]);
      expect(await ids(`match[id]=${ind.id}&match[version]=all`)).toHaveLength(2);
      expect(await ids(`match[id]=${ind.id}&match[version]=first,last`)).toHaveLength(2);
      expect(await ids(`match[id]=${ind.id}&match[version]=${ind.modified}`)).toEqual([
        `indicator:${ind.modified}`,
      ]);
      expect(await ids(`match[id]=${ind.id}&match[version]=2020-01-01T00:00:00Z`)).toEqual([]);
    });

    it('match[spec_version] and added_after', async () => {
      expect(await ids('match[spec_version]=2.1')).toHaveLength(2);
      expect(await ids('match[spec_version]=2.0')).toEqual([]);
      expect(await ids(`added_after=${addedFirst}&match[version]=all`)).toEqual([
        `identity:${String(idn.modified)}`,
        'indicator:2026-05-01T00:00:00.000Z',
      ]);
    });

    it('answers 400 naming the parameter to an invalid filter', async () => {
      for (const [query, name] of [
        ['added_after=yesterday', 'added_after'],
        ['added_after=2026-02-30T00:00:00Z', 'added_after'],
        ['match[id]=not-an-id', 'match[id]'],
        ['match[type]=Bad_Type', 'match[type]'],
        ['match[version]=newest', 'match[version]'],
        ['match[spec_version]=two', 'match[spec_version]'],
        ['limit=0', 'limit'],
        ['limit=ten', 'limit'],
      ] as const) {
        const res = await get(`${ROOT}/collections/${col}/objects/?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.headers['content-type']).toBe(TAXII);
        const e = res.json<TaxiiError>();
        expect(e.description, query).toContain(name);
      }
    });
  });

  describe('pagination (§3.6)', () => {
    it('pages 2,500 objects sharing one date_added, stable under concurrent inserts', async () => {
      const bulk = Array.from({ length: 2_500 }, (_, i) => identity(`bulk ${i}`));
      const res = await postEnvelope(t.app, regime, basic(ANALYST), bulk);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(202);
      expect(res.json<TaxiiStatus>().success_count).toBe(2_500);

      const before = await get(`${ROOT}/collections/${regime}/manifest/?limit=1000`);
      expect(before.statusCode).toBe(200);
      // Everything that exists before paging starts.
      const existing = new Set<string>();
      {
        let next: string | undefined;
        do {
          const page = await get(
            `${ROOT}/collections/${regime}/manifest/?limit=1000${next ? `&next=${next}` : ''}`,
          );
          const body = page.json<ManifestPage>();
          for (const o of body.objects ?? []) existing.add(o.id);
          next = body.more ? body.next : undefined;
        } while (next);
      }
      for (const o of bulk) expect(existing.has(o.id)).toBe(true);

      // Page with limit=100 while other envelopes arrive in the same collection.
      const seen: string[] = [];
      const added: string[] = [];
      let next: string | undefined;
      let pages = 0;
      do {
        const [page] = await Promise.all([
          get(
            `${ROOT}/collections/${regime}/objects/?limit=100${next ? `&next=${encodeURIComponent(next)}` : ''}`,
          ),
          (async () => {
            if (pages % 5 !== 0) return;
            const extra = [identity(`concurrent ${pages}`)];
            added.push(extra[0]!.id);
            const r = await postEnvelope(t.app, regime, basic(ANALYST), extra);
            expect(r.statusCode).toBe(202);
          })(),
        ]);
        expect(page.statusCode, page.body.slice(0, 300)).toBe(200);
        const body = page.json<Envelope>();
        expect(body.objects!.length).toBeLessThanOrEqual(100);
        if (body.objects!.length > 0) {
          expect(page.headers['x-taxii-date-added-first']).toBeTruthy();
          expect(page.headers['x-taxii-date-added-last']).toBeTruthy();
        }
        seen.push(...body.objects!.map((o) => o.id));
        next = body.more ? body.next : undefined;
        pages += 1;
      } while (next);
      expect(pages).toBeGreaterThanOrEqual(26);
      expect(new Set(seen).size).toBe(seen.length);
      const seenSet = new Set(seen);
      const missing = [...existing].filter((id) => !seenSet.has(id));
      expect(missing).toEqual([]);
      // The same walk over the manifest, now quiescent, sees everything once.
      const { seen: again } = await pageAll(`${ROOT}/collections/${regime}/objects/`, 100);
      expect(new Set(again).size).toBe(again.length);
      for (const id of [...existing, ...added]) expect(again).toContain(id);
    }, 120_000);

    it('answers 400 to a forged next', async () => {
      for (const next of ['forged', Buffer.from('1:2:3').toString('base64url'), 'a'.repeat(200)]) {
        const res = await get(`${ROOT}/collections/${regime}/objects/?next=${next}`);
        expect(res.statusCode, next).toBe(400);
        expect(res.json<TaxiiError>().http_status).toBe('400');
      }
    });
  });
});
