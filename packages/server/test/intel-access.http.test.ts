/**
 * Who sees and changes what in the intel module: the TLP 2.0 audience matrix across TAXII and
 * REST, authorisation with "nothing changed", the REST API (communities, collections, import,
 * sightings, graph), and the small-limit configuration (413, background envelopes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TlpLevel } from '@concord/stix';
import { processPendingEnvelopes } from '../src/modules/intel/jobs';
import {
  ADMIN,
  ANALYST,
  count,
  createTestApp,
  ESTONIA,
  KENYA,
  login,
  OBSERVER,
  snapshot,
  type Session,
  type TestApp,
} from './support/app';
import { dialectName } from './support/database';
import {
  basic,
  collectionIds,
  identity,
  indicator,
  postEnvelope,
  ROOT,
  TAXII,
  TLP_LEVELS,
  taxiiHeaders,
  type Envelope,
  type ManifestPage,
  type TaxiiStatus,
} from './support/intel';

interface CollectionView {
  id: string;
  alias: string | null;
  total: number;
  counts: { type: string; count: number }[];
}

describe(`intel: access and REST (${dialectName})`, () => {
  let t: TestApp;
  let s: Record<string, Session>;
  let cols: Map<string, string>;
  let matrixCol: string;
  /** The matrix objects by level (each an indicator with a unique search word). */
  const byLevel = new Map<TlpLevel, ReturnType<typeof indicator>>();
  const WORD = 'zebracorn';

  const rest = (who: string, url: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s[who]!.headers() });
  const restPost = (who: string, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s[who]!.headers(), payload });
  const taxii = (who: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: taxiiHeaders(who) });

  beforeAll(async () => {
    t = await createTestApp({
      config: {
        taxiiMaxContentBytes: 4096,
        taxiiAsyncAbove: 10,
        sessionIdleMinutes: 60 * 24,
      },
    });
    s = {};
    for (const who of [ADMIN, ANALYST, ESTONIA, KENYA, OBSERVER, 'diplomat@singapore.example']) {
      s[who] = await login(t.app, who);
      // Basic credentials are verified once and then cached: warm them before snapshots.
      await collectionIds(t.app, who);
    }
    cols = await collectionIds(t.app, ANALYST);
    // A fresh all-members collection holds exactly the matrix objects.
    const community = (await rest(ADMIN, '/intel/communities'))
      .json<{ id: string; kind: string }[]>()
      .find((c) => c.kind === 'all-members')!;
    const c = await restPost(ADMIN, '/intel/collections', {
      communityId: community.id,
      title: 'TLP matrix',
      alias: 'tlp-matrix',
    });
    expect(c.statusCode, c.body).toBe(201);
    matrixCol = c.json<{ id: string }>().id;
    for (const level of TLP_LEVELS) {
      byLevel.set(level, indicator(level, { name: `${WORD} ${level}` }));
    }
    const res = await postEnvelope(t.app, matrixCol, basic(ANALYST), [...byLevel.values()]);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json<TaxiiStatus>().success_count).toBe(5);
  }, 120_000);
  afterAll(() => t.close());

  describe('TLP 2.0 audience matrix (all-members collection, shared by the CERT analyst)', () => {
    // Sharing into an all-members community makes every participant an AMBER recipient
    // organisation; AMBER+STRICT stays with the sharing organisation when it names no
    // recipients (TAXII cannot name any); RED stays with the named individual (the poster). The CERT has a single
    // demo user, so the "colleague in the same organisation" column cannot be exercised.
    const viewers: [string, string, TlpLevel[]][] = [
      ['the poster', ANALYST, ['clear', 'green', 'amber', 'amber+strict', 'red']],
      ['another organisation', ESTONIA, ['clear', 'green', 'amber']],
      ['an observer', OBSERVER, ['clear', 'green', 'amber']],
    ];

    describe.each(viewers)('%s', (_label, who, visible) => {
      const hidden = () => TLP_LEVELS.filter((l) => !visible.includes(l));
      const idsOf = (levels: readonly TlpLevel[]) => levels.map((l) => byLevel.get(l)!.id).sort();

      it('TAXII objects, manifest, object and versions', async () => {
        const objs = await taxii(who, `${ROOT}/collections/${matrixCol}/objects/`);
        expect(objs.statusCode).toBe(200);
        expect((objs.json<Envelope>().objects ?? []).map((o) => o.id).sort()).toEqual(
          idsOf(visible),
        );
        const man = await taxii(who, `${ROOT}/collections/${matrixCol}/manifest/`);
        expect((man.json<ManifestPage>().objects ?? []).map((o) => o.id).sort()).toEqual(
          idsOf(visible),
        );
        for (const level of TLP_LEVELS) {
          const id = byLevel.get(level)!.id;
          const one = await taxii(who, `${ROOT}/collections/${matrixCol}/objects/${id}/`);
          const versions = await taxii(
            who,
            `${ROOT}/collections/${matrixCol}/objects/${id}/versions/`,
          );
          const want = visible.includes(level) ? 200 : 404;
          expect(one.statusCode, level).toBe(want);
          expect(versions.statusCode, level).toBe(want);
          if (want === 404) {
            expect(one.body).not.toContain(id);
            expect(versions.body).not.toContain(id);
          }
        }
      });

      it('REST list, search, detail, collection counts and export', async () => {
        const list = await rest(who, `/intel/objects?collectionId=${matrixCol}&limit=100`);
        expect(list.statusCode, list.body).toBe(200);
        expect(
          list
            .json<{ items: { id: string }[] }>()
            .items.map((i) => i.id)
            .sort(),
        ).toEqual(idsOf(visible));
        const search = await rest(who, `/intel/objects?q=${WORD}&limit=100`);
        expect(search.statusCode, search.body).toBe(200);
        expect(
          search
            .json<{ items: { id: string }[] }>()
            .items.map((i) => i.id)
            .sort(),
        ).toEqual(idsOf(visible));
        for (const level of TLP_LEVELS) {
          const detail = await rest(who, `/intel/objects/${byLevel.get(level)!.id}`);
          expect(detail.statusCode, level).toBe(visible.includes(level) ? 200 : 404);
        }
        const views = (await rest(who, '/intel/collections')).json<CollectionView[]>();
        expect(views.find((v) => v.id === matrixCol)!.total).toBe(visible.length);
        const exp = await rest(who, `/intel/collections/${matrixCol}/export`);
        expect(exp.statusCode).toBe(200);
        const bundle = JSON.parse(exp.body) as { type: string; objects: { id: string }[] };
        expect(bundle.type).toBe('bundle');
        expect(bundle.objects.map((o) => o.id).sort()).toEqual(idsOf(visible));
        for (const level of hidden()) expect(exp.body).not.toContain(byLevel.get(level)!.id);
      });
    });

    it('AMBER shared into the energy-certs group is invisible to Kenya', async () => {
      const o = indicator('amber', { name: `${WORD} energy amber` });
      const res = await postEnvelope(t.app, cols.get('energy')!, basic(ANALYST), [o]);
      expect(res.json<TaxiiStatus>().success_count).toBe(1);
      expect((await rest(ESTONIA, `/intel/objects/${o.id}`)).statusCode).toBe(200);
      expect((await rest(KENYA, `/intel/objects/${o.id}`)).statusCode).toBe(404);
      const search = await rest(KENYA, `/intel/objects?q=${WORD}&limit=100`);
      expect(search.body).not.toContain(o.id);
      for (const url of [
        `${ROOT}/collections/${cols.get('energy')!}/`,
        `${ROOT}/collections/${cols.get('energy')!}/objects/${o.id}/`,
      ]) {
        expect((await taxii(KENYA, url)).statusCode, url).toBe(404);
      }
      expect(
        (await rest(KENYA, `/intel/collections/${cols.get('energy')!}/export`)).statusCode,
      ).toBe(404);
      const views = (await rest(KENYA, '/intel/collections')).json<CollectionView[]>();
      expect(views.map((v) => v.alias)).not.toContain('energy');
    });
  });

  describe('authorisation: refused requests change nothing', () => {
    it('refuses writes by non-writers', async () => {
      const before = await snapshot(t.deps);
      const energy = cols.get('energy')!;
      const cases: [string, string, number][] = [
        [KENYA, energy, 404],
        ['diplomat@singapore.example', energy, 403],
        [OBSERVER, cols.get('regime-indicators')!, 403],
        [OBSERVER, matrixCol, 403],
      ];
      for (const [who, col, status] of cases) {
        const res = await postEnvelope(t.app, col, basic(who), [indicator('green')]);
        expect(res.statusCode, `${who}: ${res.body}`).toBe(status);
        expect(res.headers['content-type']).toBe(TAXII);
      }
      const imp = await restPost(KENYA, `/intel/collections/${energy}/import`, {
        bundle: { type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects: [] },
      });
      expect(imp.statusCode).toBe(404);
      const community = await restPost(ESTONIA, '/intel/communities', {
        slug: 'rogue',
        name: 'Rogue',
        kind: 'group',
        members: [],
      });
      expect(community.statusCode).toBe(403);
      const collection = await restPost(ANALYST, '/intel/collections', {
        communityId: (await rest(ANALYST, '/intel/communities')).json<{ id: string }[]>()[0]!.id,
        title: 'Rogue',
      });
      expect(collection.statusCode).toBe(403);
      const del = await t.app.inject({
        method: 'DELETE',
        url: `${ROOT}/collections/${matrixCol}/objects/${byLevel.get('green')!.id}/`,
        headers: taxiiHeaders(ESTONIA),
      });
      expect(del.statusCode).toBe(404);
      const observerDel = await t.app.inject({
        method: 'DELETE',
        url: `${ROOT}/collections/${matrixCol}/objects/${byLevel.get('green')!.id}/`,
        headers: taxiiHeaders(OBSERVER),
      });
      expect(observerDel.statusCode).toBe(403);
      expect(await snapshot(t.deps)).toEqual(before);
    });
  });

  describe('limits', () => {
    it('answers 413 above max_content_length and stores nothing', async () => {
      const root = await taxii(ANALYST, `${ROOT}/`);
      expect(root.json<{ max_content_length: number }>().max_content_length).toBe(4096);
      const before = await snapshot(t.deps);
      const big = Array.from({ length: 30 }, (_, i) => identity(`too big ${i}`));
      expect(JSON.stringify({ objects: big }).length).toBeGreaterThan(4096);
      const res = await postEnvelope(t.app, matrixCol, basic(ANALYST), big);
      expect(res.statusCode, res.body).toBe(413);
      expect(res.headers['content-type']).toBe(TAXII);
      expect(await snapshot(t.deps)).toEqual(before);
    });

    it('processes an envelope above taxiiAsyncAbove in the background', async () => {
      const objs: unknown[] = Array.from({ length: 11 }, (_, i) => identity(`async ${i}`));
      objs.push({ type: 'identity', id: 'identity--bad' });
      const res = await postEnvelope(t.app, cols.get('regime-indicators')!, basic(ANALYST), objs);
      expect(res.statusCode, res.body).toBe(202);
      const pending = res.json<TaxiiStatus>();
      expect(pending).toMatchObject({
        status: 'pending',
        total_count: 12,
        success_count: 0,
        failure_count: 0,
        pending_count: 12,
      });
      expect(pending.pendings).toHaveLength(12);
      expect(await processPendingEnvelopes(t.deps)).toBe(1);
      const done = await taxii(ANALYST, `${ROOT}/status/${pending.id}/`);
      expect(done.json<TaxiiStatus>()).toMatchObject({
        status: 'complete',
        total_count: 12,
        success_count: 11,
        failure_count: 1,
        pending_count: 0,
      });
      expect(done.json<TaxiiStatus>().pendings).toBeUndefined();
      expect((await taxii(ESTONIA, `${ROOT}/status/${pending.id}/`)).statusCode).toBe(404);
      expect(await processPendingEnvelopes(t.deps)).toBe(0);
    });
  });

  describe('REST', () => {
    it('lists and creates communities; bilateral needs exactly two members', async () => {
      const mine = (await rest(KENYA, '/intel/communities')).json<{ slug: string }[]>();
      expect(mine.map((c) => c.slug).sort()).toEqual(['all-members', 'estonia-kenya']);
      const bad = await restPost(ADMIN, '/intel/communities', {
        slug: 'one-sided',
        name: 'One-sided',
        kind: 'bilateral',
        members: [{ participantId: s[KENYA]!.participantId, canRead: true, canWrite: true }],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('members');
      const ok = await restPost(ADMIN, '/intel/communities', {
        slug: 'kenya-singapore',
        name: 'Kenya–Singapore',
        kind: 'bilateral',
        members: [
          { participantId: s[KENYA]!.participantId, canRead: true, canWrite: true },
          {
            participantId: s['diplomat@singapore.example']!.participantId,
            canRead: true,
            canWrite: true,
          },
        ],
      });
      expect(ok.statusCode, ok.body).toBe(201);
      const created = ok.json<{ id: string }>();
      const col = await restPost(ADMIN, '/intel/collections', {
        communityId: created.id,
        title: 'Kenya–Singapore',
        alias: 'kenya-singapore',
      });
      expect(col.statusCode, col.body).toBe(201);
      expect((await collectionIds(t.app, KENYA)).has('kenya-singapore')).toBe(true);
      expect((await collectionIds(t.app, ESTONIA)).has('kenya-singapore')).toBe(false);
    });

    it('imports an inline bundle, listing failures', async () => {
      const good = indicator('green', { name: 'imported' });
      const res = await restPost(
        ESTONIA,
        `/intel/collections/${cols.get('regime-indicators')!}/import`,
        {
          bundle: {
            type: 'bundle',
            id: `bundle--${crypto.randomUUID()}`,
            objects: [good, { type: 'indicator', id: 'indicator--broken' }],
          },
        },
      );
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json<{ total: number; stored: number; failures: { id: string }[] }>();
      expect(r).toMatchObject({ total: 2, stored: 1 });
      expect(r.failures.map((f) => f.id)).toEqual(['indicator--broken']);
      expect(await count(t.deps, 'intel_objects', `stix_id = '${good.id}'`)).toBe(1);
    });

    it('shows AMBER+STRICT objects to the organisations the sharer names, and no others', async () => {
      const strict = indicator('amber+strict', { name: 'strict for Kenya' });
      const res = await restPost(
        ESTONIA,
        `/intel/collections/${cols.get('regime-indicators')!}/import`,
        {
          bundle: { type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects: [strict] },
          recipients: [s[KENYA]!.participantId],
        },
      );
      expect(res.statusCode, res.body).toBe(200);
      for (const [who, status] of [
        [ESTONIA, 200],
        [KENYA, 200],
        [ANALYST, 404],
        [OBSERVER, 404],
      ] as const) {
        expect((await rest(who, `/intel/objects/${strict.id}`)).statusCode, who).toBe(status);
      }
    });

    it('aggregates sightings on the indicator', async () => {
      const ind = indicator('green', { name: 'sighted' });
      const regime = cols.get('regime-indicators')!;
      await postEnvelope(t.app, regime, basic(ANALYST), [ind]);
      for (const [who, n, day] of [
        [ESTONIA, 3, '2026-01-05T10:00:00.000Z'],
        [KENYA, 4, '2026-01-06T10:00:00.000Z'],
      ] as const) {
        const r = await restPost(who, '/intel/sightings', {
          collectionId: regime,
          indicatorId: ind.id,
          count: n,
          firstSeen: day,
          tlp: 'green',
        });
        expect(r.statusCode, r.body).toBe(201);
      }
      const detail = await rest(ANALYST, `/intel/objects/${ind.id}`);
      expect(detail.json<{ sightings: unknown }>().sightings).toMatchObject({
        total: 7,
        reports: 2,
        byDay: [
          { day: '2026-01-05', count: 3 },
          { day: '2026-01-06', count: 4 },
        ],
      });
      const hidden = await restPost(KENYA, '/intel/sightings', {
        collectionId: regime,
        indicatorId: byLevel.get('red')!.id,
        count: 1,
        firstSeen: '2026-01-05T10:00:00.000Z',
      });
      expect(hidden.statusCode).toBe(404);
    });

    it('graph edges leave out neighbours the caller cannot see', async () => {
      const regime = cols.get('regime-indicators')!;
      const hub = indicator('green', { name: 'hub' });
      const open = identity('open neighbour', {
        object_marking_refs: hub.object_marking_refs,
      });
      const secret = indicator('red', { name: 'secret neighbour' });
      const rel = (target: string) => ({
        type: 'relationship',
        spec_version: '2.1',
        id: `relationship--${crypto.randomUUID()}`,
        created: '2026-01-01T00:00:00.000Z',
        modified: '2026-01-01T00:00:00.000Z',
        relationship_type: 'related-to',
        source_ref: hub.id,
        target_ref: target,
        object_marking_refs: hub.object_marking_refs,
      });
      const r = await postEnvelope(t.app, regime, basic(ANALYST), [
        hub,
        open,
        secret,
        rel(open.id),
        rel(secret.id),
      ]);
      expect(r.json<TaxiiStatus>().success_count).toBe(5);
      const graphOf = async (who: string) =>
        (await rest(who, `/intel/objects/${hub.id}`)).json<{
          graph: { nodes: { id: string }[]; edges: { target: string }[] };
        }>().graph;
      const mine = await graphOf(ANALYST);
      expect(mine.edges.map((e) => e.target).sort()).toEqual([open.id, secret.id].sort());
      const theirs = await graphOf(ESTONIA);
      expect(theirs.edges.map((e) => e.target)).toEqual([open.id]);
      expect(JSON.stringify(theirs)).not.toContain(secret.id);
    });
  });
});
