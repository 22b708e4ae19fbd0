/**
 * npm run bench:intel — the intelligence exchange's speed, each figure beside the raw work
 * measured in the same run (these machines are shared and noisy: compare ratios).
 *
 *   1. ingest of MITRE ATT&CK for ICS (../shared/interop, when present), streamed from disk;
 *   2. ingest of a generated bundle of N objects, streamed from a generator (the bundle is
 *      never whole in memory), at N/10 and N, with peak heap and RSS sampled every 100 ms;
 *      then the full-text indexing that follows it in the background, timed on its own;
 *      vs. the raw work on the same bytes: JSON.parse of each object and a multi-row insert
 *      of (seq, id, body) into a table with no index; and vs. the database's floor: the same
 *      stored rows copied inside the database into a copy of intel_objects with its indexes;
 *   3. p50/p99 latency of a 100-object page of the N-object collection, first page and a deep
 *      page, with and without match[type], through the TAXII endpoint (in-process HTTP) and
 *      from the store; vs. the same page of the raw table by primary key.
 *
 * PGlite always (BENCH_OBJECTS_PGLITE, else BENCH_OBJECTS, default 100,000); PostgreSQL too
 * when DATABASE_URL is set (BENCH_OBJECTS, default 1,000,000). BENCH_ONLY=pglite|postgres runs one of them;
 * BENCH_PAGES sets the samples per latency figure (default 300).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import {
  buildApp,
  createTokenForEmail,
  initLedger,
  loadDemoCommunity,
  openDatabase,
  seedCatalogue,
  systemClock,
  systemContext,
  systemRandom,
  testConfig,
  testIdentity,
  type Database,
  type Deps,
} from '@concord/server';
import { createCollection } from '../packages/server/src/modules/intel/communities';
import { IMPORT_WORKER_MIN_BYTES, importStream } from '../packages/server/src/modules/intel/ingest';
import { drainSearchIndex } from '../packages/server/src/modules/intel/search-index';
import { pageObjects, type Cursor } from '../packages/server/src/modules/intel/store';
import { encodeCursor } from '../packages/server/src/modules/intel/service';
import { fmt, freshPostgres, pct } from './support';
import { generatedBundle, objectTexts } from './intel-bundle';

const ICS = fileURLToPath(new URL('../../shared/interop/attack/ics-attack.json', import.meta.url));
const PAGES = Number(process.env.BENCH_PAGES ?? 300);
const COLD_PAGES = 5;
const BATCH = 2_000;
const SHARER = 'analyst@cert.example';

/** Rows of a raw query, on either driver. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/* ----------------------------------------- helpers ---------------------------------------- */

interface Peak {
  heapMb: number;
  rssMb: number;
}

async function withPeak<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; peak: Peak; seconds: number }> {
  const peak = { heap: 0, rss: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.heap = Math.max(peak.heap, m.heapUsed);
    peak.rss = Math.max(peak.rss, m.rss);
  };
  sample();
  const timer = setInterval(sample, 100);
  const started = performance.now();
  try {
    const value = await fn();
    sample();
    return {
      value,
      peak: { heapMb: peak.heap / 1e6, rssMb: peak.rss / 1e6 },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    clearInterval(timer);
  }
}

async function latency(
  samples: number,
  fn: () => Promise<unknown>,
  warmUp = 20,
): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < Math.min(warmUp, samples); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p99: pct(times, 99) };
}

const ms = (x: { p50: number; p99: number }) => `p50 ${fmt(x.p50, 2)} ms, p99 ${fmt(x.p99, 2)} ms`;

/* ------------------------------------------- run ------------------------------------------ */

async function run(label: string, database: Database, n: number): Promise<void> {
  await database.migrate();
  const deps: Deps = {
    database,
    config: testConfig(),
    clock: systemClock,
    random: systemRandom,
    log: testIdentity('bench.test/intel'),
  };
  await initLedger(deps);
  await seedCatalogue(deps);
  await loadDemoCommunity(deps);
  const db = database.db;
  const op = systemContext('bench');
  const community = rowsOf<{ id: string }>(
    await db.execute(sql`select id from intel_communities where kind = 'all-members'`),
  )[0]!.id;
  const user = rowsOf<{ id: string; participantId: string }>(
    await db.execute(
      sql`select id, participant_id as "participantId" from users where email = ${SHARER}`,
    ),
  )[0]!;
  const audience = {
    defaultTlp: 'green' as const,
    recipientParticipantIds: [],
    namedParticipantIds: [],
    recipientUserIds: [user.id],
  };
  const newCollection = async (title: string) => {
    const id = await createCollection(deps, op, { communityId: community, title });
    return { collectionId: id, participantId: user.participantId, userId: user.id };
  };
  console.log(`\n## ${label}`);

  // 1. ATT&CK for ICS.
  if (fs.existsSync(ICS)) {
    const sharer = await newCollection('ICS');
    const r = await withPeak(() =>
      importStream(
        database,
        sharer,
        audience,
        fs.createReadStream(ICS, { highWaterMark: 1 << 16 }),
        {
          batchSize: BATCH,
        },
      ),
    );
    console.log(
      `ATT&CK for ICS (${fmt(r.value.total)} objects, ${fmt(fs.statSync(ICS).size / 1e6, 1)} MB): ${fmt(r.seconds, 2)} s, ${fmt(r.value.total / r.seconds)} objects/s (${fmt(r.value.failures.length)} refused)`,
    );
  } else {
    console.log('ATT&CK for ICS: skipped (../shared/interop/attack/ics-attack.json is absent)');
  }

  // 2. Generated bundles at n/10 and n, and the raw work on the same bytes.
  let big = await newCollection('generated');
  let ingestRate = 0;
  for (const size of [Math.max(1_000, Math.floor(n / 10)), n]) {
    const sharer = size === n ? big : await newCollection(`generated ${size}`);
    // Imported from a file, as `concord intel import` would: generating the objects is not
    // part of ingest (it is timed here on its own). Files from 16 MB up are read on a worker
    // thread, as the command does.
    const file = path.join(os.tmpdir(), `concord-bench-${process.pid}-${size}.json`);
    const writing = performance.now();
    await pipeline(Readable.from(generatedBundle(size)), fs.createWriteStream(file));
    const bytes = fs.statSync(file).size;
    const worker = bytes >= IMPORT_WORKER_MIN_BYTES;
    console.log(
      `generated bundle, ${fmt(size)} objects (${fmt(bytes / 1e6)} MB), written to a file in ${fmt((performance.now() - writing) / 1000, 1)} s; imported from it${worker ? ' with the worker thread' : ''}:`,
    );
    const r = await withPeak(() =>
      importStream(
        database,
        sharer,
        audience,
        fs.createReadStream(file, { highWaterMark: 1 << 16 }),
        {
          batchSize: BATCH,
          worker,
          onProgress: (p) => {
            if (process.stderr.isTTY) {
              process.stderr.write(`\ringesting ${fmt(p.objects)} / ${fmt(size)}`);
            }
          },
        },
      ),
    ).finally(() => fs.rmSync(file, { force: true }));
    if (process.stderr.isTTY) process.stderr.write('\n');
    console.log(
      `  ingest of ${fmt(size)} objects: ${fmt(r.seconds, 1)} s, ${fmt(size / r.seconds)} objects/s; peak heap ${fmt(r.peak.heapMb)} MB, peak RSS ${fmt(r.peak.rssMb)} MB`,
    );
    // Full-text indexing runs behind the ingest (modules/intel/search-index.ts): until it is
    // done the objects are stored, served and found by search, but search reads them from the
    // queue. Its time is reported on its own and added to the ingest's for an end-to-end rate.
    const indexing = await withPeak(() => drainSearchIndex(database));
    console.log(
      `  then search indexing of ${fmt(indexing.value)} versions: ${fmt(indexing.seconds, 1)} s, ${fmt(indexing.value / indexing.seconds)}/s; stored and indexed: ${fmt(r.seconds + indexing.seconds, 1)} s, ${fmt(size / (r.seconds + indexing.seconds))} objects/s`,
    );
    if (size === n) {
      big = sharer;
      ingestRate = size / r.seconds;
    }
  }
  // The raw work: JSON.parse of each object's text and a plain multi-row INSERT of (id, body)
  // into a table with no index at all, in batches of the same size, one transaction each.
  await db.execute(sql`drop table if exists bench_raw`);
  await db.execute(
    sql`create table bench_raw (seq int8 not null, id text not null, body text not null)`,
  );
  const raw = await withPeak(async () => {
    let rows: SQL[] = [];
    let seq = 0;
    const flush = async () => {
      const values = rows;
      rows = [];
      await database.transaction((tx) =>
        tx.execute(sql`insert into bench_raw (seq, id, body) values ${sql.join(values, sql`, `)}`),
      );
    };
    for (const text of objectTexts(n)) {
      const v = JSON.parse(text) as { id: string };
      rows.push(sql`(${seq++}, ${v.id}, ${text})`);
      if (rows.length >= BATCH) await flush();
    }
    if (rows.length > 0) await flush();
  });
  // The page reference needs the primary key; it is added after the timed inserts.
  await db.execute(sql`alter table bench_raw add primary key (seq)`);
  const rawRate = n / raw.seconds;
  console.log(
    `raw work, ${fmt(n)} objects (JSON.parse + multi-row insert of (seq, id, body), no index, batches of ${fmt(BATCH)}): ${fmt(raw.seconds, 1)} s, ${fmt(rawRate)} objects/s   ingest/raw ratio ${fmt(ingestRate / rawRate, 2)}`,
  );

  // The database's own floor: the same stored rows copied inside the database (INSERT …
  // SELECT by primary-key range, batches of the same size, one transaction each) into a copy
  // of intel_objects with all of its indexes. No parsing, validation, transfer, version
  // flags or search queue: what storing these rows costs this PostgreSQL at the least.
  await db.execute(sql`drop table if exists bench_floor`);
  await db.execute(sql`create table bench_floor (like intel_objects including indexes)`);
  const span = rowsOf<{ lo: number | string; hi: number | string }>(
    await db.execute(
      sql`select min(seq) as lo, max(seq) as hi from intel_objects where collection_id = ${big.collectionId}::uuid`,
    ),
  )[0]!;
  const floor = await withPeak(async () => {
    for (let lo = Number(span.lo); lo <= Number(span.hi); lo += BATCH) {
      await database.transaction((tx) =>
        tx.execute(
          sql`insert into bench_floor select * from intel_objects where seq >= ${lo} and seq < ${lo + BATCH}`,
        ),
      );
    }
  });
  const floorRate = n / floor.seconds;
  console.log(
    `database floor, ${fmt(n)} stored rows copied in the database (INSERT … SELECT into a copy of intel_objects with its indexes, batches of ${fmt(BATCH)}): ${fmt(floor.seconds, 1)} s, ${fmt(floorRate)} rows/s   ingest/floor ratio ${fmt(ingestRate / floorRate, 2)}`,
  );
  await db.execute(sql`drop table bench_floor`);

  // 3. Page latency on the n-object collection.
  const token = await createTokenForEmail(deps, op, SHARER, { name: 'bench', scopes: ['read'] });
  const { app } = await buildApp(deps, { webDir: null });
  await app.ready();
  const viewer = { participantId: user.participantId, userId: user.id };
  const col = big.collectionId;
  // Right after a bulk import the table has no planner statistics (PGlite never gathers them;
  // PostgreSQL only once autovacuum's autoanalyze runs, and it may be off). A few samples show
  // what a reader meets then; the figures below are taken after ANALYZE.
  const cold = await latency(COLD_PAGES, () => pageObjects(db, [col], viewer, {}, null, 100), 0);
  console.log(
    `100-object first page, all types, store query, before ANALYZE (${COLD_PAGES} samples): ${ms(cold)}`,
  );
  const t0 = performance.now();
  await db.execute(sql`analyze intel_objects`);
  await db.execute(sql`analyze bench_raw`);
  console.log(`ANALYZE intel_objects, bench_raw: ${fmt((performance.now() - t0) / 1000, 1)} s`);
  const middle = async (type: string | null): Promise<Cursor> => {
    const res = await db.execute(sql`
      select (extract(epoch from date_added) * 1000000)::int8 as micros, seq from intel_objects
      where collection_id = ${col}::uuid and is_latest ${type ? sql`and type = ${type}` : sql``}
      order by date_added, seq offset ${Math.floor((n / 2) * (type ? 0.85 : 1))} limit 1`);
    const row = (res as { rows: { micros: number | string; seq: number | string }[] }).rows[0]!;
    return { micros: Number(row.micros), seq: Number(row.seq) };
  };
  const headers = {
    authorization: `Bearer ${token.secret}`,
    accept: 'application/taxii+json;version=2.1',
  };
  const url = `/taxii2/concord/collections/${col}/objects/`;
  for (const [name, type] of [
    ['all types', null],
    ['match[type]=indicator', 'indicator'],
  ] as const) {
    const deep = await middle(type);
    const q = (after: Cursor | null) =>
      `?limit=100${type ? `&match[type]=${type}` : ''}${after ? `&next=${encodeCursor(after)}` : ''}`;
    const httpFirst = await latency(PAGES, () =>
      app.inject({ method: 'GET', url: url + q(null), headers }),
    );
    const httpDeep = await latency(PAGES, () =>
      app.inject({ method: 'GET', url: url + q(deep), headers }),
    );
    const filters = type ? { types: [type] } : {};
    const storeFirst = await latency(PAGES, () =>
      pageObjects(db, [col], viewer, filters, null, 100),
    );
    const storeDeep = await latency(PAGES, () =>
      pageObjects(db, [col], viewer, filters, deep, 100),
    );
    const rawPage = await latency(PAGES, () =>
      db.execute(
        sql`select id, body from bench_raw where seq > ${Math.floor(n / 2)} order by seq limit 101`,
      ),
    );
    console.log(`100-object page, ${name}:`);
    console.log(`  TAXII (in-process HTTP): first ${ms(httpFirst)}; deep ${ms(httpDeep)}`);
    console.log(`  store query:             first ${ms(storeFirst)}; deep ${ms(storeDeep)}`);
    console.log(
      `  raw table by primary key (deep): ${ms(rawPage)}   p99 ratio TAXII deep/raw ${fmt(httpDeep.p99 / rawPage.p99, 2)}`,
    );
  }
  await app.close();
}

const keepAlive = setInterval(() => undefined, 1000);
console.log(`# Intel benchmark (${new Date().toISOString()}, node ${process.version})`);
const only = process.env.BENCH_ONLY;
if (only !== 'postgres') {
  const lite = await openDatabase({ kind: 'memory' });
  await run(
    'PGlite (in memory)',
    lite,
    Number(process.env.BENCH_OBJECTS_PGLITE ?? process.env.BENCH_OBJECTS ?? 100_000),
  );
  await lite.close();
}
if (process.env.DATABASE_URL && only !== 'pglite') {
  const { database, drop } = await freshPostgres(process.env.DATABASE_URL);
  try {
    await run('PostgreSQL', database, Number(process.env.BENCH_OBJECTS ?? 1_000_000));
  } finally {
    await drop();
  }
}
clearInterval(keepAlive);
