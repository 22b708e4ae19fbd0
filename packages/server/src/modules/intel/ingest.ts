/**
 * Adding objects to a collection (TAXII 2.1 §5.4 Add Objects, and bundle imports).
 *
 * Each envelope is one transaction: every valid object is stored (or recognised as already
 * stored: the same id and version is idempotent) and every invalid one is listed as a failure
 * with the property at fault, together with the status resource — or nothing at all.
 */
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { pgConnectionOf, type Db } from '../../db/client';
import { splitObjectsSync, type JsonStreamError } from './json-stream';
import { preparedBatches, preparedBatchesInWorker } from './prepare-batches';
import { prepareElements, type Audience, type PreparedElements } from './prepare';
import {
  batchUnique,
  buildCopyBatch,
  copyData,
  newCopyScratch,
  rowFromCopy,
  type CopyBatch,
  type CopyContext,
  type CopyScratch,
} from './copy-batch';
import { SeenIds } from './seen-ids';
import {
  claimAddTime,
  collectionEmpty,
  copyRows,
  insertObjects,
  nextSeqs,
  objectsPresent,
  settleVersionFlags,
  type InsertContext,
  type NewObjectRow,
} from './store-write';
import { type StatusDetail } from './status-store';

export interface Sharer {
  collectionId: string;
  participantId: string;
  userId: string | null;
}

export interface AddResult {
  successes: StatusDetail[];
  failures: StatusDetail[];
  /** Versions newly stored (the rest of the successes were already there). */
  stored: number;
}

const key = (id: string, versionKey: string) => `${id}\u0000${versionKey}`;

/**
 * Stores prepared rows in the caller's transaction: takes the collection lock and one
 * date_added, inserts, and settles which versions are the first and latest of their object.
 * Returns the keys newly stored.
 *
 * On PostgreSQL the rows go as COPY text (see storeCopyLines); on PGlite, which has no COPY
 * from a client stream, by the insert that skips what is already stored.
 */
export async function storeRows(
  tx: Db,
  sharer: Sharer,
  rows: readonly NewObjectRow[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const conn = pgConnectionOf(tx);
  if (conn) {
    const batch = buildCopyBatch(rows, copyContextOf(sharer));
    const { fresh, known } = await storeCopyLines(tx, conn, sharer, batch);
    for (const i of fresh) known.add(key(batch.ids[i]!, batch.versionKeys[i]!));
    return known;
  }
  const at = await claimAddTime(tx, sharer.collectionId);
  return storeKnown(tx, insertContext(sharer, at), batchUnique(rows));
}

/** What every COPY line of this sharer's add carries. */
const copyContextOf = (sharer: Sharer): CopyContext => ({
  collectionId: sharer.collectionId,
  originParticipantId: sharer.participantId,
  addedBy: sharer.userId,
});

const insertContext = (sharer: Sharer, at: { micros: number; text: string }) => ({
  ...copyContextOf(sharer),
  dateAddedMicros: at.micros,
  dateAddedText: at.text,
});

/** Inserts what is not stored yet and settles the flags of the objects concerned. */
async function storeKnown(
  tx: Db,
  ctx: InsertContext,
  rows: readonly NewObjectRow[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await insertObjects(tx, ctx, rows);
  const storedIds = new Set<string>();
  for (const k of inserted) storedIds.add(k.slice(0, k.indexOf('\u0000')));
  await settleVersionFlags(tx, ctx.collectionId, [...storedIds]);
  return inserted;
}

/**
 * What an import knows of its collection between its batches: the ids it has stored, and
 * whether it is the collection's only writer since it began with the collection empty. While
 * it is, an object it has not stored before cannot be in the collection, and only the ids
 * the filter may have seen are looked up: for a first import, the presence look-up (a
 * tenth of the database's work per object; bench/RESULTS.md) all but disappears.
 */
export interface ImportState {
  seen: SeenIds;
  /** The date_added of this import's last batch; null before its first. */
  lastClaim: number | null;
  /** Began on an empty collection, and no other add has come between its batches. */
  sole: boolean;
  /** How many ids were looked up in the collection (for tests and diagnostics). */
  lookedUp: number;
  /** The COPY data's buffers, reused batch after batch. */
  scratch: CopyScratch;
}

export const newImportState = (): ImportState => ({
  seen: new SeenIds(),
  lastClaim: null,
  sole: false,
  lookedUp: 0,
  scratch: newCopyScratch(),
});

/**
 * Stores a batch in COPY text (./copy-batch) on PostgreSQL. Under the collection lock it asks
 * which of the batch's objects the collection already holds (with an import's state, only
 * those it may have stored itself, while it is the collection's sole writer). Versions of the
 * others (every object of a first import) carry final flags and cannot conflict: they go to
 * the database by COPY as the bytes they came in, with seq values drawn first so that their
 * search-queue rows go beside them. Versions of known objects are turned back into rows for
 * storeKnown.
 */
async function storeCopyLines(
  tx: Db,
  conn: pg.ClientBase,
  sharer: Sharer,
  batch: CopyBatch,
  state?: ImportState,
): Promise<{ fresh: number[]; known: Set<string> }> {
  const lines = batch.ids.length;
  if (lines === 0) return { fresh: [], known: new Set() };
  const at = await claimAddTime(tx, sharer.collectionId);
  const ids = [...new Set(batch.ids)];
  let asked = ids;
  if (state) {
    state.sole =
      state.lastClaim === null
        ? await collectionEmpty(tx, sharer.collectionId)
        : state.sole && at.previousMicros === state.lastClaim;
    state.lastClaim = at.micros;
    if (state.sole) {
      const seen = state.seen;
      asked = ids.filter((id) => seen.addIfNew(id));
    }
    state.lookedUp += asked.length;
  }
  const present = await objectsPresent(tx, sharer.collectionId, asked);
  const fresh: number[] = [];
  const knownRows: NewObjectRow[] = [];
  for (let i = 0; i < lines; i++) {
    if (present.has(batch.ids[i]!)) knownRows.push(rowFromCopy(batch, i));
    else fresh.push(i);
  }
  if (fresh.length > 0) {
    const seqs = await nextSeqs(tx, fresh.length);
    await copyRows(conn, copyData(batch, fresh, at.text, seqs, state?.scratch));
  }
  const known = await storeKnown(tx, insertContext(sharer, at), knownRows);
  return { fresh, known };
}

/** One status success per element stored or already present, in the order given. */
function successesOf(
  elements: readonly { id: string; version: string | null; versionKey: string }[],
  stored: Set<string>,
): StatusDetail[] {
  return elements.map((e) => ({
    id: e.id,
    ...(e.version !== null ? { version: e.version } : {}),
    ...(stored.has(key(e.id, e.versionKey)) ? {} : { message: 'already present' }),
  }));
}

/**
 * Stores a batch that comes as COPY text (built where it was validated: importStream on
 * PostgreSQL); returns how many versions were newly stored. Should the connection not be
 * reachable, its rows are rebuilt and stored as rows.
 */
export async function storeCopyBatch(
  tx: Db,
  sharer: Sharer,
  batch: CopyBatch,
  state?: ImportState,
): Promise<number> {
  const conn = pgConnectionOf(tx);
  if (!conn) {
    const rows = batch.ids.map((_, i) => rowFromCopy(batch, i));
    return (await storeRows(tx, sharer, rows)).size;
  }
  const { fresh, known } = await storeCopyLines(tx, conn, sharer, batch, state);
  return fresh.length + known.size;
}

/** Stores prepared elements in the caller's transaction. */
export async function storePrepared(
  tx: Db,
  sharer: Sharer,
  { rows, failures }: PreparedElements,
): Promise<AddResult> {
  const stored = await storeRows(tx, sharer, rows);
  const elements = rows.map((r) => ({
    id: r.stixId,
    version: r.version,
    versionKey: r.versionKey,
  }));
  return { successes: successesOf(elements, stored), failures, stored: stored.size };
}

/** Prepares and stores a list of parsed elements in the caller's transaction. */
export async function addParsed(
  tx: Db,
  sharer: Sharer,
  audience: Audience,
  elements: Iterable<unknown>,
): Promise<AddResult> {
  return storePrepared(tx, sharer, prepareElements(audience, elements));
}

/** The parsed elements of a TAXII envelope or STIX bundle held in memory. */
export function envelopeElements(body: Uint8Array | string): {
  fields: Record<string, unknown>;
  values: unknown[];
} {
  const { top, objects } = splitObjectsSync(body);
  const values: unknown[] = [];
  for (const o of objects) values.push(o.value);
  return { fields: top.fields, values };
}

/**
 * After a bulk import the planner's statistics are stale (autovacuum may be off or late, and
 * PGlite never gathers them): without them a page query over a large collection scans and
 * sorts every row instead of walking the (collection, date_added, seq) index. Measured:
 * 1.1 s per first page at 1,000,000 objects before ANALYZE, 10 ms after (bench/RESULTS.md).
 */
export const ANALYZE_AFTER = 10_000;

export async function refreshStatistics(database: {
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
}): Promise<void> {
  await database.transaction(async (tx) => {
    await tx.execute(sql`analyze intel_objects`);
  });
}

/**
 * Refreshes the statistics when, since the last ANALYZE, a tenth of intel_objects' rows and
 * at least ANALYZE_AFTER of them have changed: autovacuum's own rule for analyzing
 * (PostgreSQL 15 §25.1.6, autovacuum_analyze_scale_factor 0.1), for servers where autovacuum
 * is off or behind. Imports refresh as they grow; a collection filled by many small TAXII
 * adds does not, and without statistics a page over a large collection scans all of it.
 * The counters (pg_stat_user_tables) lag by up to a few seconds. Returns whether it ran.
 */
export async function refreshStaleStatistics(database: {
  db: Db;
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
}): Promise<boolean> {
  const res = await database.db.execute(sql`
    select n_live_tup as live, n_mod_since_analyze as changed from pg_stat_user_tables
    where relid = 'intel_objects'::regclass`);
  const row = (res as { rows: { live: number | string; changed: number | string }[] }).rows[0];
  if (!row) return false;
  if (Number(row.changed) < Math.max(ANALYZE_AFTER, Number(row.live) * 0.1)) return false;
  await refreshStatistics(database);
  return true;
}

/**
 * Bundles from this size up are read on a worker thread (importStream's `worker`): below it,
 * the worker's start (about half a second) costs more than it saves. ATT&CK for ICS (3.5 MB)
 * stays on the importing thread.
 */
export const IMPORT_WORKER_MIN_BYTES = 16 * 1024 * 1024;

export interface StreamProgress {
  objects: number;
  bytes: number;
}

/**
 * Imports a bundle of any size from a byte stream in batches of `batchSize`, each batch its
 * own transaction (an import of a million objects must not hold one lock and one transaction
 * for minutes; it can be re-run, since stored versions are recognised). Memory stays bounded
 * by a few batches (one being stored, the next ones being read) and the largest object.
 *
 * With `worker`, the bundle is split, parsed and validated on a worker thread (about half a
 * second to start; for large bundles, see ./prepare-batches).
 */
export async function importStream(
  database: {
    transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
    dialect?: 'pglite' | 'postgres';
  },
  sharer: Sharer,
  audience: Audience,
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: {
    batchSize?: number;
    maxTotalBytes?: number;
    worker?: boolean;
    onProgress?: (p: StreamProgress) => void;
    /** What the import knows between batches; a fresh one unless given (tests). */
    state?: ImportState;
  } = {},
): Promise<{
  total: number;
  stored: number;
  failures: StatusDetail[];
  bundle: Record<string, unknown>;
}> {
  const batchOptions = {
    batchSize: options.batchSize ?? 2_000,
    ...(options.maxTotalBytes !== undefined ? { maxTotalBytes: options.maxTotalBytes } : {}),
    // On PostgreSQL, batches are built as COPY text where they are validated.
    ...(database.dialect === 'postgres' ? { copy: copyContextOf(sharer) } : {}),
  };
  const { batches, fields } = (options.worker ? preparedBatchesInWorker : preparedBatches)(
    source,
    audience,
    batchOptions,
  );
  let total = 0;
  let stored = 0;
  const failures: StatusDetail[] = [];
  // One transaction at a time, in order; the next batch is read and validated while the
  // database stores the previous one.
  let inflight: Promise<void> = Promise.resolve();
  let analyzedAt = 0;
  const state = options.state ?? newImportState();
  try {
    for await (const batch of batches) {
      total = batch.objects;
      await inflight;
      // The planner's statistics may not know this collection yet (a new one, or one grown
      // tenfold since): without them, a page query over it scans and sorts every row.
      // Refreshed as the import grows: at 10,000 stored, 100,000, 1,000,000 …
      if (stored >= Math.max(ANALYZE_AFTER, analyzedAt * 10)) {
        await refreshStatistics(database);
        analyzedAt = stored;
      }
      const next = database
        .transaction(async (tx) =>
          batch.copy
            ? storeCopyBatch(tx, sharer, batch.copy, state)
            : (await storePrepared(tx, sharer, batch.prepared)).stored,
        )
        .then((n) => {
          stored += n;
          failures.push(...batch.prepared.failures);
          options.onProgress?.({ objects: batch.objects, bytes: batch.bytes });
        });
      // Awaited by the next batch or below; this keeps a failure from going unhandled meanwhile.
      next.catch(() => undefined);
      inflight = next;
    }
  } catch (err) {
    // The batch in flight settles before the error is reported, so the caller sees a
    // consistent database (every earlier batch committed or rolled back, none running).
    await inflight.catch(() => undefined);
    throw err;
  }
  await inflight;
  if (stored >= ANALYZE_AFTER && stored !== analyzedAt) await refreshStatistics(database);
  return { total, stored, failures, bundle: fields() };
}

export type { JsonStreamError };
