/**
 * Adding objects to a collection (TAXII 2.1 §5.4 Add Objects, and bundle imports).
 *
 * Each envelope is one transaction: every valid object is stored (or recognised as already
 * stored: the same id and version is idempotent) and every invalid one is listed as a failure
 * with the property at fault, together with the status resource — or nothing at all.
 */
import { sql } from 'drizzle-orm';
import { pgConnectionOf, type Db } from '../../db/client';
import { splitObjectsSync, type JsonStreamError } from './json-stream';
import { preparedBatches, preparedBatchesInWorker } from './prepare-batches';
import { prepareElements, type Audience, type PreparedElements } from './prepare';
import {
  claimAddTime,
  copyNewObjects,
  insertObjects,
  objectsPresent,
  settleVersionFlags,
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
 * On PostgreSQL, versions of objects new to the collection (all of them in a first import)
 * go in by COPY with their flags final; the rest (new versions of known objects, repeats)
 * take the insert that skips what is already stored, and then have their flags settled.
 */
export async function storeRows(
  tx: Db,
  sharer: Sharer,
  rows: readonly NewObjectRow[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const at = await claimAddTime(tx, sharer.collectionId);
  // One row per (id, version): a repeat inside the envelope is the same version again.
  const unique = new Map<string, NewObjectRow>();
  for (const r of rows) {
    const k = key(r.stixId, r.versionKey);
    if (!unique.has(k)) unique.set(k, { ...r, isLatest: false, isFirst: false });
  }
  // Each object's first and latest within this batch; settleVersionFlags then corrects
  // them against versions already in the collection.
  const latest = new Map<string, NewObjectRow>();
  const first = new Map<string, NewObjectRow>();
  for (const r of unique.values()) {
    const max = latest.get(r.stixId);
    if (!max || r.versionKey > max.versionKey) latest.set(r.stixId, r);
    const min = first.get(r.stixId);
    if (!min || r.versionKey < min.versionKey) first.set(r.stixId, r);
  }
  for (const r of latest.values()) r.isLatest = true;
  for (const r of first.values()) r.isFirst = true;
  const ctx = {
    collectionId: sharer.collectionId,
    originParticipantId: sharer.participantId,
    addedBy: sharer.userId,
    dateAddedMicros: at.micros,
    dateAddedText: at.text,
  };
  let known = [...unique.values()];
  const stored = new Set<string>();
  const conn = pgConnectionOf(tx);
  if (conn) {
    const present = await objectsPresent(tx, sharer.collectionId, [...latest.keys()]);
    const fresh = known.filter((r) => !present.has(r.stixId));
    known = known.filter((r) => present.has(r.stixId));
    await copyNewObjects(tx, conn, ctx, fresh);
    for (const r of fresh) stored.add(key(r.stixId, r.versionKey));
  }
  if (known.length > 0) {
    const inserted = await insertObjects(tx, ctx, known);
    const storedIds = new Set<string>();
    for (const k of inserted) {
      stored.add(k);
      storedIds.add(k.slice(0, k.indexOf('\u0000')));
    }
    await settleVersionFlags(tx, sharer.collectionId, [...storedIds]);
  }
  return stored;
}

/** Stores prepared elements in the caller's transaction. */
export async function storePrepared(
  tx: Db,
  sharer: Sharer,
  { rows, failures }: PreparedElements,
): Promise<AddResult> {
  const stored = await storeRows(tx, sharer, rows);
  const successes = rows.map((r) => ({
    id: r.stixId,
    ...(r.version !== null ? { version: r.version } : {}),
    ...(stored.has(key(r.stixId, r.versionKey)) ? {} : { message: 'already present' }),
  }));
  return { successes, failures, stored: stored.size };
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
  database: { transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> },
  sharer: Sharer,
  audience: Audience,
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: {
    batchSize?: number;
    maxTotalBytes?: number;
    worker?: boolean;
    onProgress?: (p: StreamProgress) => void;
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
        .transaction((tx) => storePrepared(tx, sharer, batch.prepared))
        .then((r) => {
          stored += r.stored;
          failures.push(...r.failures);
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
