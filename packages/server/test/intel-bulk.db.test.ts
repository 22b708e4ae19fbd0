/**
 * The bulk import path: COPY of versions of objects new to a collection (PostgreSQL), the
 * insert that skips stored versions for the rest, the look-ups planned generically, and the
 * worker thread that splits and validates large bundles. Each is checked against the plain
 * path: the same rows, flags, refusals and errors.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgConnectionOf, type Database } from '../src/db/client';
import {
  addParsed,
  importStream,
  newImportState,
  refreshStaleStatistics,
  type Sharer,
} from '../src/modules/intel/ingest';
import { JsonStreamError } from '../src/modules/intel/json-stream-error';
import type { Audience } from '../src/modules/intel/prepare';
import { copyText } from '../src/modules/intel/copy-batch';
import { objectsPresent } from '../src/modules/intel/store-write';
import {
  createTestDatabase,
  dialectName,
  usingPostgres,
  type TestDatabase,
} from './support/database';
import { indicator } from './support/intel';

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

describe(`intel: bulk import (${dialectName})`, () => {
  let tdb: TestDatabase;
  let database: Database;
  let community: string;
  const participantId = randomUUID();
  const userId = randomUUID();
  const audience: Audience = {
    defaultTlp: 'green',
    recipientParticipantIds: [],
    namedParticipantIds: [],
    recipientUserIds: [userId],
  };

  const newCollection = async (): Promise<Sharer> => {
    const id = randomUUID();
    await database.db.execute(sql`
      insert into intel_collections (id, community_id, title, created_at)
      values (${id}::uuid, ${community}::uuid, ${`bulk ${id}`}, now())`);
    return { collectionId: id, participantId, userId };
  };

  /** Each stored version of a collection, in the order a full listing gives them. */
  const stored = async (collectionId: string) =>
    rowsOf<{
      stixId: string;
      versionKey: string;
      isFirst: boolean;
      isLatest: boolean;
      body: string;
      queued: string | null;
    }>(
      await database.db.execute(sql`
        select o.stix_id as "stixId", o.version_key as "versionKey", o.is_first as "isFirst",
               o.is_latest as "isLatest", o.body, q.search_text as queued
        from intel_objects o left join intel_search_pending q on q.seq = o.seq
        where o.collection_id = ${collectionId}::uuid
        order by o.stix_id, o.version_key`),
    );

  const bundleText = (objects: unknown[], tail = ']}') =>
    `{"type":"bundle","id":"bundle--${randomUUID()}","objects":[${objects.map((o) => JSON.stringify(o)).join(',')}${tail}`;

  /** Cuts text into chunks of `size` characters (a stream's chunks land anywhere). */
  const chunked = (text: string, size = 700) =>
    Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
      Buffer.from(text.slice(i * size, (i + 1) * size)),
    );

  beforeAll(async () => {
    tdb = await createTestDatabase();
    database = tdb.database;
    community = randomUUID();
    await database.db.execute(sql`
      insert into intel_communities (id, slug, name, kind, created_at)
      values (${community}::uuid, 'bulk', 'Bulk', 'group', now())`);
  }, 120_000);
  afterAll(() => tdb.drop());

  it(`finds the node-postgres connection of a transaction on PostgreSQL only (${dialectName})`, async () => {
    expect(pgConnectionOf(database.db)).toBeNull();
    const inTx = await database.transaction((tx) => Promise.resolve(pgConnectionOf(tx) !== null));
    // On PostgreSQL the COPY path must be the one taken: if drizzle moved its session, this
    // fails rather than letting every import fall back to the slower insert unnoticed.
    expect(inTx).toBe(usingPostgres);
  });

  it('escapes COPY text values', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText('plain ✓')).toBe('plain ✓');
    expect(copyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyText('\\N')).toBe('\\\\N');
  });

  it('stores new objects, repeats and new versions exactly, with one first and one latest each', async () => {
    const sharer = await newCollection();
    const v = (month: number) => `2026-0${month}-01T00:00:00.000Z`;
    const tricky = indicator('green', {
      name: 'Back\\slash, tab\there, line\nfeed, return\r, quote " and ✓',
      description: '\\N is not null here; nor is \\\\N',
    });
    const versioned = indicator('green', { created: v(1), modified: v(3) });
    const first = [
      tricky,
      versioned,
      { ...versioned, modified: v(2) },
      versioned, // the same version twice in one batch
      ...Array.from({ length: 5 }, (_, i) => indicator('amber', { name: `Batch ${i}` })),
    ];
    const r1 = await importStream(database, sharer, audience, chunked(bundleText(first)), {
      batchSize: 4,
    });
    expect(r1).toMatchObject({ total: 9, stored: 8, failures: [] });

    // Again, with newer and older versions of known objects and two new objects.
    const fresh = [indicator('green'), indicator('red')];
    const second = [
      ...first,
      { ...versioned, modified: v(5) },
      { ...versioned, modified: v(1) },
      ...fresh,
    ];
    const r2 = await importStream(database, sharer, audience, chunked(bundleText(second)), {
      batchSize: 4,
    });
    expect(r2).toMatchObject({ total: 13, stored: 4, failures: [] });

    const rows = await stored(sharer.collectionId);
    expect(rows).toHaveLength(12);
    const byId = new Map<string, typeof rows>();
    for (const r of rows) byId.set(r.stixId, [...(byId.get(r.stixId) ?? []), r]);
    for (const [id, versions] of byId) {
      const keys = versions.map((x) => x.versionKey).sort();
      const latest = versions.filter((x) => x.isLatest).map((x) => x.versionKey);
      const firstKeys = versions.filter((x) => x.isFirst).map((x) => x.versionKey);
      expect(latest, id).toEqual([keys.at(-1)]);
      expect(firstKeys, id).toEqual([keys[0]]);
    }
    expect(byId.get(versioned.id)!.map((x) => x.versionKey.slice(0, 7))).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-05',
    ]);
    // Bodies come back byte for byte, those copied and those inserted (on PostgreSQL the
    // second import's known objects are rebuilt from their COPY text first); every version
    // is queued for the search index.
    const given = new Map(
      second.map((o) => [`${o.id}|${String(o.modified)}`, JSON.stringify(o)] as const),
    );
    for (const r of rows) {
      const body = JSON.parse(r.body) as { id: string; modified: string };
      expect(r.body, r.stixId).toBe(given.get(`${body.id}|${body.modified}`));
    }
    const trickyRow = byId.get(tricky.id)![0]!;
    expect(trickyRow.body).toBe(JSON.stringify(tricky));
    expect(trickyRow.queued).toContain('Back\\slash, tab here');
    expect(trickyRow.queued).toContain('nor is \\\\N');
    expect(rows.every((r) => r.queued !== null)).toBe(true);
  });

  /** Exactly one first and one latest version per object, the lowest and highest keys. */
  const expectOneFirstAndLatest = (rows: Awaited<ReturnType<typeof stored>>) => {
    const byId = new Map<string, typeof rows>();
    for (const r of rows) byId.set(r.stixId, [...(byId.get(r.stixId) ?? []), r]);
    for (const [id, versions] of byId) {
      const keys = versions.map((x) => x.versionKey).sort();
      expect(
        versions.filter((x) => x.isLatest).map((x) => x.versionKey),
        id,
      ).toEqual([keys.at(-1)]);
      expect(
        versions.filter((x) => x.isFirst).map((x) => x.versionKey),
        id,
      ).toEqual([keys[0]]);
    }
    return byId;
  };

  it("looks up only the objects an import may have stored itself, while it is the collection's sole writer", async () => {
    const sharer = await newCollection();
    const v = (month: number) => `2026-0${month}-01T00:00:00.000Z`;
    const objects = Array.from({ length: 600 }, (_, i) =>
      indicator('green', { name: `Sole ${i}`, created: v(1), modified: v(2) }),
    );
    // Later batches bring newer and older versions of objects stored by earlier ones.
    const revisions = [
      { ...objects[3]!, modified: v(4) },
      { ...objects[150]!, modified: v(1) },
      { ...objects[599]!, modified: v(3) },
    ];
    const state = newImportState();
    const r = await importStream(
      database,
      sharer,
      audience,
      chunked(bundleText([...objects, ...revisions])),
      { batchSize: 100, state },
    );
    expect(r).toMatchObject({ total: 603, stored: 603, failures: [] });
    if (usingPostgres) {
      // Only the three revised objects were looked up (and, rarely, a false "maybe" of the
      // filter); without the import's record all 603 ids would have been.
      expect(state.sole).toBe(true);
      expect(state.lookedUp).toBeGreaterThanOrEqual(3);
      expect(state.lookedUp).toBeLessThan(10);
    }
    const byId = expectOneFirstAndLatest(await stored(sharer.collectionId));
    expect(byId.size).toBe(600);
    expect(byId.get(objects[3]!.id)!.map((x) => x.versionKey.slice(0, 7))).toEqual([
      '2026-02',
      '2026-04',
    ]);
    expect(byId.get(objects[150]!.id)!.find((x) => x.isLatest)!.versionKey).toMatch(/^2026-02/);
  });

  it('looks every object up again once another add comes between its batches', async () => {
    const sharer = await newCollection();
    const v = (month: number) => `2026-0${month}-01T00:00:00.000Z`;
    const objects = Array.from({ length: 9 }, (_, i) =>
      indicator('green', { name: `Shared ${i}`, created: v(1), modified: v(2) }),
    );
    const text = bundleText(objects);
    // The 8th object reaches the import's third batch; meanwhile another sharer adds an
    // older version of it to the same collection.
    const cut = text.indexOf(objects[6]!.id) - 40;
    let interleaved = false;
    async function* source() {
      yield Buffer.from(text.slice(0, cut));
      const other = { ...sharer, participantId: randomUUID() };
      const added = await database.transaction((tx) =>
        addParsed(tx, other, audience, [{ ...objects[7]!, modified: v(1) }]),
      );
      interleaved = added.stored === 1;
      yield Buffer.from(text.slice(cut));
    }
    const state = newImportState();
    const r = await importStream(database, sharer, audience, source(), { batchSize: 3, state });
    expect(interleaved).toBe(true);
    if (usingPostgres) {
      expect(state.sole).toBe(false);
      // The first two batches were the import's alone; the third batch's three were looked up.
      expect(state.lookedUp).toBe(3);
    }
    expect(r).toMatchObject({ total: 9, stored: 9, failures: [] });
    const byId = expectOneFirstAndLatest(await stored(sharer.collectionId));
    expect(byId.get(objects[7]!.id)!.map((x) => [x.versionKey.slice(0, 7), x.isLatest])).toEqual([
      ['2026-01', false],
      ['2026-02', true],
    ]);
  });

  it('looks every object up when the collection already held objects', async () => {
    const sharer = await newCollection();
    const v = (month: number) => `2026-0${month}-01T00:00:00.000Z`;
    const old = indicator('green', { created: v(1), modified: v(1) });
    await database.transaction((tx) => addParsed(tx, sharer, audience, [old]));
    const objects = [
      ...Array.from({ length: 5 }, () => indicator('green')),
      { ...old, modified: v(3) },
    ];
    const state = newImportState();
    const r = await importStream(database, sharer, audience, chunked(bundleText(objects)), {
      batchSize: 2,
      state,
    });
    expect(r).toMatchObject({ total: 6, stored: 6, failures: [] });
    if (usingPostgres) expect([state.sole, state.lookedUp]).toEqual([false, 6]);
    const byId = expectOneFirstAndLatest(await stored(sharer.collectionId));
    expect(byId.get(old.id)!.map((x) => x.isLatest)).toEqual([false, true]);
  });

  it('plans the look-up of known objects on the version index, whatever the statistics say', async () => {
    // Statistics gathered while a collection did not exist make a custom plan take it for a
    // few rows and scan it on (collection_id, date_added) for each id.
    const old = await newCollection();
    const many = Array.from({ length: 3_000 }, () => indicator('green'));
    await importStream(database, old, audience, [bundleText(many)], { batchSize: 1_000 });
    await database.db.execute(sql`analyze intel_objects`);
    const grown = await newCollection();
    const grownObjects = Array.from({ length: 3_000 }, () => indicator('green'));
    await importStream(database, grown, audience, [bundleText(grownObjects)], {
      batchSize: 1_000,
    });
    const ids = [
      ...grownObjects.slice(0, 50).map((o) => o.id),
      ...many.slice(0, 50).map((o) => o.id),
    ];

    if (!usingPostgres) {
      // PGlite has the same planner; the statistics counters below are PostgreSQL's.
      const present = await database.transaction((tx) =>
        objectsPresent(tx, grown.collectionId, ids),
      );
      expect([...present].sort()).toEqual(
        grownObjects
          .slice(0, 50)
          .map((o) => o.id)
          .sort(),
      );
      return;
    }
    const scans = async () => {
      await database.db.execute(sql`select pg_stat_force_next_flush()`);
      await database.db.execute(sql`select pg_stat_clear_snapshot()`);
      return new Map(
        rowsOf<{ name: string; scans: number }>(
          await database.db.execute(sql`
            select indexrelname as name, idx_scan::int8 as scans from pg_stat_user_indexes
            where relname = 'intel_objects'`),
        ).map((r) => [r.name, Number(r.scans)]),
      );
    };
    const before = await scans();
    const present = await database.transaction((tx) => objectsPresent(tx, grown.collectionId, ids));
    const after = await scans();
    expect([...present].sort()).toEqual(
      grownObjects
        .slice(0, 50)
        .map((o) => o.id)
        .sort(),
    );
    const used = (name: string) => after.get(name)! - before.get(name)!;
    expect(used('intel_objects_version_idx')).toBeGreaterThanOrEqual(ids.length);
    expect(used('intel_objects_added_idx')).toBe(0);
    expect(used('intel_objects_latest_idx')).toBe(0);
  });

  it('refreshes the statistics once a tenth of the rows has changed since the last ANALYZE', async () => {
    const analyses = async () => {
      await database.db.execute(sql`select pg_stat_clear_snapshot()`);
      const [row] = rowsOf<{ n: number | string }>(
        await database.db.execute(sql`
          select analyze_count as n from pg_stat_user_tables
          where relid = 'intel_objects'::regclass`),
      );
      return Number(row!.n);
    };
    await database.db.execute(sql`analyze intel_objects`);
    // Up to date: nothing to do.
    expect(await refreshStaleStatistics(database)).toBe(false);
    // 10,500 versions added by plain adds (as TAXII POSTs are), which never analyze.
    const sharer = await newCollection();
    await database.transaction(async (tx) => {
      await addParsed(
        tx,
        sharer,
        audience,
        Array.from({ length: 10_500 }, () => indicator('green')),
      );
      // This backend's counters reach the shared statistics when the transaction ends.
      await tx.execute(sql`select pg_stat_force_next_flush()`);
    });
    const before = await analyses();
    expect(await refreshStaleStatistics(database)).toBe(true);
    expect(await analyses()).toBe(before + 1);
    expect(await refreshStaleStatistics(database)).toBe(false);
  });

  describe('on a worker thread', () => {
    const mixed = () => [
      ...Array.from({ length: 7 }, (_, i) => indicator('green', { name: `Worker ${i}` })),
      { type: 'indicator', id: 'indicator--not-a-uuid' },
      indicator('green', { pattern: "[ipv4-addr:value = '1.2.3.4'" }),
      ...Array.from({ length: 4 }, () => indicator('amber')),
    ];

    it('stores and refuses exactly what the importing thread does', async () => {
      const objects = mixed();
      const text = bundleText(objects);
      const results = [];
      for (const worker of [false, true]) {
        const sharer = await newCollection();
        const progress: number[] = [];
        const r = await importStream(database, sharer, audience, chunked(text, 333), {
          batchSize: 3,
          worker,
          onProgress: (p) => progress.push(p.objects),
        });
        expect(progress).toEqual([...progress].sort((a, b) => a - b));
        expect(progress.at(-1)).toBe(objects.length);
        const rows = (await stored(sharer.collectionId)).map((x) => ({ ...x }));
        results.push({ r, rows, progress });
      }
      const [plain, threaded] = results;
      expect(threaded!.r).toEqual(plain!.r);
      expect(threaded!.r).toMatchObject({ total: 13, stored: 11 });
      expect(threaded!.r.failures.map((f) => f.id)).toEqual([
        'indicator--not-a-uuid',
        (objects[8] as { id: string }).id,
      ]);
      expect(threaded!.rows).toEqual(plain!.rows);
      expect(threaded!.progress).toEqual(plain!.progress);
      expect(threaded!.r.bundle).toMatchObject({ type: 'bundle' });
    });

    it('commits the batches before a syntax error and reports the same error', async () => {
      const objects = Array.from({ length: 7 }, (_, i) => indicator('green', { name: `S ${i}` }));
      const text = bundleText(objects, ',{"broken":]}');
      const errors: JsonStreamError[] = [];
      for (const worker of [false, true]) {
        const sharer = await newCollection();
        const err = await importStream(database, sharer, audience, chunked(text, 500), {
          batchSize: 3,
          worker,
        }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(JsonStreamError);
        errors.push(err as JsonStreamError);
        // Two whole batches of three were stored; the seventh object never reached a batch.
        expect(await stored(sharer.collectionId)).toHaveLength(6);
      }
      expect({ ...errors[1], message: errors[1]!.message }).toEqual({
        ...errors[0],
        message: errors[0]!.message,
      });
    });

    it("passes the source's own error on, after the batches read before it", async () => {
      const objects = Array.from({ length: 5 }, () => indicator('green'));
      const text = bundleText(objects);
      const failure = new Error('the disk went away');
      function* failing() {
        yield Buffer.from(text.slice(0, text.length - 10));
        throw failure;
      }
      const sharer = await newCollection();
      await expect(
        importStream(database, sharer, audience, failing(), { batchSize: 2, worker: true }),
      ).rejects.toBe(failure);
      expect(await stored(sharer.collectionId)).toHaveLength(4);
    });
  });
});
