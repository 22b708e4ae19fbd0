/**
 * npm run bench:ledger — the ledger's speed, each figure beside a reference measured in the
 * same run on the same machine (these machines are shared and noisy: compare ratios).
 *
 *   1. durable appends/s with 16 concurrent clients — each append acknowledged with its index
 *      only after its batch committed — with one and with 64 appends in flight per client,
 *      for entries as their authors submit them and for statements the node signs itself,
 *      and for transactional submissions; vs. 16 clients doing one-row autocommit inserts of
 *      the same bytes (the cost of any durable write on this machine);
 *   2. inclusion-proof latency p50/p99 at N entries (default 1,000,000) as the API answers it
 *      (from the process's in-memory node cache), and from the database, vs. a primary-key
 *      lookup of one entry;
 *   3. full verification (leaf hashes, every subtree, root) as a fraction of raw SHA-256
 *      throughput over the same bytes.
 *
 * PGlite always; PostgreSQL too when DATABASE_URL is set. BENCH_ENTRIES, BENCH_APPENDS and
 * BENCH_PROOFS override the sizes; BENCH_ONLY=postgres skips PGlite.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rootFromLeafHashes } from '@concord/ledger';
import { useNodeCrypto } from '@concord/ledger/node';
import {
  initLedger,
  loadFrontier,
  openDatabase,
  Sequencer,
  sequenceBatch,
  systemClock,
  systemRandom,
  testConfig,
  testIdentity,
  type Database,
  type Deps,
} from '@concord/server';
import {
  appendNodeStatement,
  recordNodeStatement,
} from '../packages/server/src/modules/ledger/service';
import {
  DEFAULT_NODE_CACHE_BYTES,
  inclusionProof,
} from '../packages/server/src/modules/ledger/proofs';
import { NodeCache } from '../packages/server/src/modules/ledger/node-cache';
import { readEntry } from '../packages/server/src/modules/ledger/store';
import { fmt, freshPostgres, pct } from './support';

useNodeCrypto();
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const APPENDS = Number(process.env.BENCH_APPENDS ?? 20_000);
const PROOFS = Number(process.env.BENCH_PROOFS ?? 2_000);
const CLIENTS = 16;

interface AppendFigures {
  /** 16 clients doing one-row autocommit inserts of the same bytes: the floor of a durable write. */
  reference: number;
  /** Log appends of entries as their authors submit them (already signed), one in flight. */
  direct: number;
  /** The same with 64 appends in flight per client. */
  pipelined: number;
  /** Statements the node signs itself (Ed25519 per entry in this process), 64 in flight. */
  signed: number;
  /** Ed25519 signatures per second in this process: the ceiling of `signed`. */
  signRate: number;
  /** A module's transaction queues the statement, then waits for its index; one in flight. */
  transactional: number;
}

const entryOf = (c: number, i: number) => ({
  data: Buffer.from(JSON.stringify({ concord: 1, kind: 'bench', c, i, pad: 'x'.repeat(360) })),
  kind: 'statement' as const,
  payloadType: 'application/vnd.concord.bench+json',
});

/** Runs `CLIENTS` clients, each keeping `depth` operations in flight until it has done `perClient`. */
async function clients(
  perClient: number,
  depth: number,
  op: (c: number, i: number) => Promise<unknown>,
): Promise<number> {
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: depth }, async () => {
          while (next < perClient) await op(c, next++);
        }),
      );
    }),
  );
  return (perClient * CLIENTS) / ((performance.now() - start) / 1000);
}

async function appends(deps: Deps): Promise<AppendFigures> {
  const sequencer = new Sequencer(deps, { batchMs: 5 });
  const live: Deps = { ...deps, ledger: sequencer };
  sequencer.start();
  const perClient = Math.ceil(APPENDS / CLIENTS);
  const direct = await clients(perClient, 1, (c, i) => sequencer.append(entryOf(c, i)));
  const pipelined = await clients(perClient * 4, 64, (c, i) =>
    sequencer.append(entryOf(c, i + 1e6)),
  );
  const signed = await clients(perClient * 2, 64, (c, i) =>
    appendNodeStatement(live, 'application/vnd.concord.bench+json', { c, i }),
  );
  const transactional = await clients(perClient, 1, async (c, i) => {
    const pending = await live.database.transaction((tx) =>
      recordNodeStatement(tx, live, 'application/vnd.concord.bench+json', { c, i, tx: true }),
    );
    await sequencer.indexOf(pending.queueId);
  });
  await sequencer.stop();
  const message = Buffer.alloc(420);
  const t = performance.now();
  for (let i = 0; i < 4000; i++) deps.log.signer.sign(message);
  const signRate = 4000 / ((performance.now() - t) / 1000);
  await deps.database.db.execute(
    sql`create table bench_raw (id bigserial primary key, data bytea not null)`,
  );
  const sample = entryOf(0, 0).data;
  const reference = await clients(perClient, 1, () =>
    deps.database.db.execute(sql`insert into bench_raw (data) values (${sample})`),
  );
  return { reference, direct, pipelined, signed, signRate, transactional };
}

/** Fills the log to ENTRIES with compact entries through the real batch writer, 8,192 at a time. */
async function fill(deps: Deps, onProgress: (n: number) => void): Promise<void> {
  let frontier = await loadFrontier(deps.database.db, deps.log);
  while (frontier.size < ENTRIES) {
    const n = Math.min(8192, ENTRIES - frontier.size);
    const direct = Array.from({ length: n }, (_, i) => ({
      data: Buffer.from(`{"concord":1,"kind":"bench","n":${frontier.size + i}}`),
      kind: 'statement' as const,
      payloadType: 'application/vnd.concord.bench+json',
    }));
    const batch = await sequenceBatch(deps, deps.log, { direct, takeQueue: false, frontier });
    if (!batch) throw new Error('an empty batch while filling');
    frontier = batch.frontier;
    onProgress(frontier.size);
  }
}

interface ProofFigures {
  cached: { p50: number; p99: number };
  database: { p50: number; p99: number };
  lookup: { p50: number; p99: number };
  loadSeconds: number;
  cacheMb: number;
}

const stats = (times: number[]) => {
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p99: pct(times, 99) };
};

/**
 * Inclusion proofs at ENTRIES as the API serves them (from the process's node cache, loaded
 * once first), as they were served before (one prepared query), and a one-row lookup.
 */
async function proofs(deps: Deps): Promise<ProofFigures> {
  const db = deps.database.db;
  const cache = new NodeCache(db, DEFAULT_NODE_CACHE_BYTES);
  const t0 = performance.now();
  if (!(await cache.ensure(ENTRIES))) throw new Error('the node cache declined the log');
  const loadSeconds = (performance.now() - t0) / 1000;
  const cached: number[] = [];
  const database: number[] = [];
  const lookup: number[] = [];
  for (let i = 0; i < PROOFS; i++) {
    const idx = Math.floor(Math.random() * ENTRIES);
    let t = performance.now();
    await inclusionProof(db, idx, ENTRIES, cache);
    cached.push(performance.now() - t);
    t = performance.now();
    await inclusionProof(db, idx, ENTRIES);
    database.push(performance.now() - t);
    t = performance.now();
    await readEntry(db, idx);
    lookup.push(performance.now() - t);
  }
  return {
    cached: stats(cached),
    database: stats(database),
    lookup: stats(lookup),
    loadSeconds,
    cacheMb: NodeCache.bytesFor(ENTRIES) / 1024 / 1024,
  };
}

/** Verification of N leaves (leaf hashes + every subtree + root) vs raw SHA-256 of the same bytes. */
function verification(): { verifyMBs: number; rawMBs: number } {
  const n = Math.min(ENTRIES, 1_000_000);
  const leaves = Array.from({ length: n }, (_, i) =>
    Buffer.from(`{"concord":1,"kind":"bench","n":${i},"pad":"${'x'.repeat(300)}"}`),
  );
  const bytes = leaves.reduce((a, l) => a + l.length + 1, 0) + (n - 1) * 65;
  let t = performance.now();
  const hashes = leaves.map((l) =>
    createHash('sha256')
      .update(Buffer.from([0]))
      .update(l)
      .digest(),
  );
  rootFromLeafHashes(hashes);
  const verifySeconds = (performance.now() - t) / 1000;
  // Raw: one SHA-256 per message of the same sizes, nothing else.
  t = performance.now();
  for (const l of leaves) createHash('sha256').update(l).digest();
  const pair = Buffer.alloc(65);
  for (let i = 0; i < n - 1; i++) createHash('sha256').update(pair).digest();
  const rawSeconds = (performance.now() - t) / 1000;
  return { verifyMBs: bytes / verifySeconds / 1e6, rawMBs: bytes / rawSeconds / 1e6 };
}

async function run(label: string, database: Database): Promise<void> {
  await database.migrate();
  const deps: Deps = {
    database,
    config: testConfig(),
    clock: systemClock,
    random: systemRandom,
    log: testIdentity('bench.test/ledger'),
  };
  await initLedger(deps);
  console.log(`\n## ${label}`);
  const a = await appends(deps);
  const ratio = (x: number) => `ratio ${fmt(x / a.reference, 2)}`;
  console.log(
    `reference: ${CLIENTS} clients, one-row autocommit inserts of the same bytes: ${fmt(a.reference)}/s`,
  );
  console.log(
    `durable appends, ${CLIENTS} clients, 1 in flight each: ${fmt(a.direct)}/s   ${ratio(a.direct)}`,
  );
  console.log(
    `durable appends, ${CLIENTS} clients, 64 in flight each: ${fmt(a.pipelined)}/s   ${ratio(a.pipelined)}`,
  );
  console.log(
    `node-signed statements, ${CLIENTS} clients, 64 in flight each: ${fmt(a.signed)}/s   ${ratio(a.signed)}   (Ed25519 signing alone: ${fmt(a.signRate)}/s)`,
  );
  console.log(
    `transactional submissions (queue, commit, wait for index), ${CLIENTS} clients: ${fmt(a.transactional)}/s   ${ratio(a.transactional)}`,
  );
  const started = performance.now();
  await fill(deps, (n) => process.stderr.write(`\rfilling the log: ${fmt(n)} / ${fmt(ENTRIES)}`));
  process.stderr.write('\n');
  console.log(
    `filled to ${fmt(ENTRIES)} entries in ${fmt((performance.now() - started) / 1000, 1)} s (direct batches of 8,192)`,
  );
  const p = await proofs(deps);
  const ms = (x: { p50: number; p99: number }) =>
    `p50 ${fmt(x.p50, 3)} ms, p99 ${fmt(x.p99, 3)} ms`;
  console.log(
    `inclusion proof at ${fmt(ENTRIES)} (node cache, ${fmt(p.cacheMb)} MB loaded in ${fmt(p.loadSeconds, 1)} s): ${ms(p.cached)}`,
  );
  console.log(
    `inclusion proof at ${fmt(ENTRIES)} from the database: ${ms(p.database)}   one-row lookup: ${ms(p.lookup)}   p99 ratio cache/lookup ${fmt(p.cached.p99 / p.lookup.p99, 2)}`,
  );
}

// The sequencer's timers do not hold the process open (the HTTP server does in production).
const keepAlive = setInterval(() => undefined, 1000);
const v = verification();
console.log(`# Ledger benchmark (${new Date().toISOString()}, node ${process.version})`);
console.log(
  `verification: ${fmt(v.verifyMBs, 1)} MB/s   raw SHA-256 over the same bytes: ${fmt(v.rawMBs, 1)} MB/s   fraction ${fmt((v.verifyMBs / v.rawMBs) * 100, 1)}%`,
);
if (process.env.BENCH_ONLY !== 'postgres') {
  const lite = await openDatabase({ kind: 'memory' });
  await run('PGlite (in memory)', lite);
  await lite.close();
}
if (process.env.DATABASE_URL) {
  const { database, drop } = await freshPostgres(process.env.DATABASE_URL);
  try {
    await run('PostgreSQL', database);
  } finally {
    await drop();
  }
}
clearInterval(keepAlive);
