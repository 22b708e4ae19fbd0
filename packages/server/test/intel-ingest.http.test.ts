/**
 * Storing versions and finding them again: the background full-text index (search reads the
 * queue and the index, so results never depend on the indexer), first/latest version flags
 * across envelopes, text that carries separator and control characters, and a streamed
 * import that fails part-way.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStream } from '../src/modules/intel/ingest';
import { startIntelJobs } from '../src/modules/intel/jobs';
import { drainSearchIndex, indexPendingSearch } from '../src/modules/intel/search-index';
import { textColumn } from '../src/modules/intel/store-write';
import { JsonStreamError } from '../src/modules/intel/json-stream-error';
import { ANALYST, count, createTestApp, login, type Session, type TestApp } from './support/app';
import { dialectName } from './support/database';
import {
  basic,
  collectionIds,
  indicator,
  postEnvelope,
  ROOT,
  taxiiHeaders,
  type Envelope,
  type TaxiiStatus,
} from './support/intel';

describe(`intel: ingest and the search index (${dialectName})`, () => {
  let t: TestApp;
  let session: Session;
  let regime: string;

  const search = async (q: string): Promise<string[]> => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/intel/objects?q=${encodeURIComponent(q)}&limit=100`,
      headers: session.headers(),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json<{ items: { id: string }[] }>()
      .items.map((i) => i.id)
      .sort();
  };
  const post = async (objects: unknown[]) => {
    const res = await postEnvelope(t.app, regime, basic(ANALYST), objects);
    expect(res.statusCode, res.body).toBe(202);
    return res.json<TaxiiStatus>();
  };
  const taxii = (url: string) =>
    t.app.inject({ method: 'GET', url, headers: taxiiHeaders(ANALYST) });

  beforeAll(async () => {
    t = await createTestApp();
    session = await login(t.app, ANALYST);
    regime = (await collectionIds(t.app, ANALYST)).get('regime-indicators')!;
    // The demo's own versions: indexed, so each test starts from an empty queue.
    await drainSearchIndex(t.deps.database);
  }, 120_000);
  afterAll(() => t.close());

  describe('full-text search and its background index', () => {
    it('finds a version while it is queued, after it is indexed, and never once deleted', async () => {
      const a = indicator('green', { name: 'Quokkaware loader', description: 'first stage' });
      const b = indicator('green', { name: 'Quokkaware dropper' });
      const other = indicator('green', { name: 'Unrelated beacon' });
      await post([a, b, other]);

      // Queued, not yet indexed: search reads the queue.
      expect(await count(t.deps, 'intel_search_pending')).toBe(3);
      expect(await search('quokkaware')).toEqual([a.id, b.id].sort());
      expect(await search('quokkaware loader')).toEqual([a.id]);

      // Indexed in two steps: half-way, each version is in exactly one of the two tables.
      expect(await indexPendingSearch(t.deps.database, 2)).toBe(2);
      expect(await count(t.deps, 'intel_search_pending')).toBe(1);
      expect(await search('quokkaware')).toEqual([a.id, b.id].sort());
      expect(await drainSearchIndex(t.deps.database)).toBe(1);
      expect(await count(t.deps, 'intel_search_pending')).toBe(0);
      expect(await search('quokkaware')).toEqual([a.id, b.id].sort());
      expect(await search('first stage')).toEqual([a.id]);

      const del = await t.app.inject({
        method: 'DELETE',
        url: `${ROOT}/collections/${regime}/objects/${a.id}/`,
        headers: taxiiHeaders(ANALYST),
      });
      expect(del.statusCode, del.body).toBe(200);
      expect(await search('quokkaware')).toEqual([b.id]);
      // The deleted version leaves no search row behind, indexed or queued.
      const orphans = await t.deps.database.db.execute(sql`
        select count(*)::int as n from intel_search s
        where not exists (select 1 from intel_objects o where o.seq = s.seq)`);
      expect((orphans as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    });

    it('a version deleted while queued leaves the queue too', async () => {
      const a = indicator('green', { name: 'Wombatstealer' });
      await post([a]);
      expect(await count(t.deps, 'intel_search_pending')).toBe(1);
      const del = await t.app.inject({
        method: 'DELETE',
        url: `${ROOT}/collections/${regime}/objects/${a.id}/`,
        headers: taxiiHeaders(ANALYST),
      });
      expect(del.statusCode, del.body).toBe(200);
      expect(await count(t.deps, 'intel_search_pending')).toBe(0);
      expect(await search('wombatstealer')).toEqual([]);
    });

    it('stores and finds text with control and separator characters', async () => {
      const a = indicator('green', {
        name: 'Numbat\u0007rootkit\u001eloader\u001fstage',
        description: 'tab\there, line\nthere',
      });
      const status = await post([a]);
      expect(status).toMatchObject({ success_count: 1, failure_count: 0 });
      expect(await search('numbat rootkit')).toEqual([a.id]);
      expect(await search('loader stage')).toContain(a.id);
      await drainSearchIndex(t.deps.database);
      expect(await search('numbat rootkit')).toEqual([a.id]);
      // The object itself is served exactly as it was given.
      const got = await taxii(`${ROOT}/collections/${regime}/objects/${a.id}/`);
      expect(got.json<Envelope>().objects![0]!.name).toBe(a.name);
    });

    it('refuses U+0000 anywhere in an object, naming the property, and keeps the rest', async () => {
      const good = indicator('green', { name: 'Bilby harvester' });
      const inName = indicator('green', { name: 'Bilby\u0000' });
      const nested = indicator('green', {
        external_references: [{ source_name: 'x', description: 'a\u0000b' }],
      });
      const escaped = indicator('green', { name: 'a literal \\u0000 is fine' });
      const status = await post([good, inName, nested, escaped]);
      expect(status).toMatchObject({ success_count: 2, failure_count: 2 });
      const messages = new Map(status.failures!.map((f) => [f.id, f.message]));
      expect(messages.get(inName.id)).toMatch(/^name: .*U\+0000/);
      expect(messages.get(nested.id)).toMatch(/^external_references\[0\]\.description: /);
      // Property search reads every body as jsonb: it still works over this collection.
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/intel/objects?collectionId=${regime}&property=${encodeURIComponent('name=Bilby harvester')}`,
        headers: session.headers(),
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([good.id]);
    });
  });

  describe('first and latest versions across envelopes', () => {
    const versionOf = async (id: string, match: string) =>
      (await taxii(`${ROOT}/collections/${regime}/objects/${id}/?match[version]=${match}`))
        .json<Envelope>()
        .objects!.map((o) => o.modified as string);

    it('re-marks the first and latest when later envelopes add older and newer versions', async () => {
      const v = (month: number) => `2026-0${month}-01T00:00:00.000Z`;
      const base = indicator('green', { created: v(1), modified: v(3) });
      await post([base]);
      expect(await versionOf(base.id, 'first')).toEqual([v(3)]);
      expect(await versionOf(base.id, 'last')).toEqual([v(3)]);

      await post([{ ...base, modified: v(5) }]);
      expect(await versionOf(base.id, 'first')).toEqual([v(3)]);
      expect(await versionOf(base.id, 'last')).toEqual([v(5)]);

      // One envelope with a version older than the first, one in between and the same
      // version again: the first moves back, the latest stays.
      await post([{ ...base, modified: v(2) }, { ...base, modified: v(4) }, base]);
      expect(await versionOf(base.id, 'first')).toEqual([v(2)]);
      expect(await versionOf(base.id, 'last')).toEqual([v(5)]);
      expect((await versionOf(base.id, 'all')).sort()).toEqual([v(2), v(3), v(4), v(5)]);

      // Exactly one first and one latest among the stored versions.
      const flags = await t.deps.database.db.execute(sql`
        select count(*) filter (where is_latest)::int as latest,
               count(*) filter (where is_first)::int as first
        from intel_objects where stix_id = ${base.id}`);
      expect((flags as { rows: unknown[] }).rows[0]).toEqual({ latest: 1, first: 1 });
    });
  });

  describe('textColumn', () => {
    const roundTrip = async (values: (string | null)[]) => {
      const res = await t.deps.database.db.execute(
        sql`select coalesce(array_to_json(${textColumn(values)})::text, 'null') as a`,
      );
      return JSON.parse((res as { rows: { a: string }[] }).rows[0]!.a) as (string | null)[];
    };

    it('brings every value back as it was, joined or as an array', async () => {
      for (const values of [
        ['a', 'b', ''],
        ['', ''],
        [''],
        [null],
        ['x', null, 'z', null],
        ['quote " and \\ backslash', '{"json":[1,2]}', 'ümlaut ✓'],
        ['has \u001e record separator', 'plain'],
        ['has \u001f unit separator', null],
      ]) {
        expect(await roundTrip(values), JSON.stringify(values)).toEqual(values);
      }
    });
  });

  describe('streamed import', () => {
    it('commits the batches before a syntax error and reports the error after them', async () => {
      const objects = Array.from({ length: 7 }, (_, i) =>
        indicator('green', { name: `Streamed ${i}` }),
      );
      const text = `{"type":"bundle","id":"bundle--6a2ee2b4-5e2b-4f0b-9b51-0d7f5a3c1d2e","objects":[${objects.map((o) => JSON.stringify(o)).join(',')},{"broken":]}`;
      const before = await count(t.deps, 'intel_objects');
      const user = await t.deps.database.db.execute(
        sql`select id, participant_id as "participantId" from users where email = ${ANALYST}`,
      );
      const u = (user as { rows: { id: string; participantId: string }[] }).rows[0]!;
      const chunks = [text.slice(0, 500), text.slice(500, 1500), text.slice(1500)];
      await expect(
        importStream(
          t.deps.database,
          { collectionId: regime, participantId: u.participantId, userId: u.id },
          {
            defaultTlp: 'green',
            recipientParticipantIds: [],
            namedParticipantIds: [],
            recipientUserIds: [u.id],
          },
          chunks,
          { batchSize: 3 },
        ),
      ).rejects.toBeInstanceOf(JsonStreamError);
      // Two whole batches of three were stored; the seventh object never reached a batch.
      expect((await count(t.deps, 'intel_objects')) - before).toBe(6);
    });
  });

  describe('the background job', () => {
    it('indexes what an add stored, woken by the add', async () => {
      const errors: unknown[] = [];
      const stop = startIntelJobs(t.deps, (err) => errors.push(err));
      try {
        const a = indicator('green', { name: 'Dingo scanner' });
        await post([a]);
        // Shorter than the job's 5 s poll: only the wake-up after the add can empty the queue in time.
        const deadline = Date.now() + 3_000;
        while ((await count(t.deps, 'intel_search_pending')) > 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(await count(t.deps, 'intel_search_pending')).toBe(0);
        expect(
          await count(
            t.deps,
            'intel_search',
            `seq in (select seq from intel_objects where stix_id = '${a.id}')`,
          ),
        ).toBe(1);
        expect(await search('dingo')).toEqual([a.id]);
      } finally {
        await stop();
      }
      expect(errors).toEqual([]);
    });
  });
});
