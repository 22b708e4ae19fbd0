/**
 * Adding objects to a collection (TAXII 2.1 §5.4 Add Objects, and bundle imports).
 *
 * Each envelope is one transaction: every valid object is stored (or recognised as already
 * stored: the same id and version is idempotent) and every invalid one is listed as a failure
 * with the property at fault, together with the status resource — or nothing at all.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { splitObjects, splitObjectsSync, type JsonStreamError } from './json-stream';
import { prepareObject, type Audience } from './prepare';
import { claimAddTime, insertObjects, settleVersionFlags, type NewObjectRow } from './store-write';
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
  const stored = await insertObjects(
    tx,
    {
      collectionId: sharer.collectionId,
      originParticipantId: sharer.participantId,
      addedBy: sharer.userId,
      dateAddedMicros: at.micros,
    },
    [...unique.values()],
  );
  const storedIds = new Set<string>();
  for (const k of stored) storedIds.add(k.slice(0, k.indexOf('\u0000')));
  await settleVersionFlags(tx, sharer.collectionId, [...storedIds]);
  return stored;
}

export interface Prepared {
  rows: NewObjectRow[];
  failures: StatusDetail[];
}

/** Validates and prepares parsed elements (pure: no database). */
export function prepareElements(audience: Audience, elements: Iterable<unknown>): Prepared {
  const rows: NewObjectRow[] = [];
  const failures: StatusDetail[] = [];
  for (const value of elements) {
    const p = prepareObject(value, audience);
    if (p.ok) rows.push(p.row);
    else failures.push(p.failure);
  }
  return { rows, failures };
}

/** Stores prepared elements in the caller's transaction. */
export async function storePrepared(
  tx: Db,
  sharer: Sharer,
  { rows, failures }: Prepared,
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

export interface StreamProgress {
  objects: number;
  bytes: number;
}

/**
 * Imports a bundle of any size from a byte stream in batches of `batchSize`, each batch its
 * own transaction (an import of a million objects must not hold one lock and one transaction
 * for minutes; it can be re-run, since stored versions are recognised). Memory stays bounded
 * by two batches (one being stored, the next being read) and the largest object.
 */
export async function importStream(
  database: { transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> },
  sharer: Sharer,
  audience: Audience,
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: {
    batchSize?: number;
    maxTotalBytes?: number;
    onProgress?: (p: StreamProgress) => void;
  } = {},
): Promise<{
  total: number;
  stored: number;
  failures: StatusDetail[];
  bundle: Record<string, unknown>;
}> {
  const batchSize = options.batchSize ?? 2_000;
  const { top, objects, stats } = splitObjects(source, {
    ...(options.maxTotalBytes !== undefined ? { maxTotalBytes: options.maxTotalBytes } : {}),
  });
  let total = 0;
  let stored = 0;
  const failures: StatusDetail[] = [];
  let batch: unknown[] = [];
  // One transaction at a time, in order; the next batch is split and validated while the
  // database stores the previous one (the two then use both cores).
  let inflight: Promise<void> = Promise.resolve();
  let analyzedAt = 0;
  const flush = async () => {
    const prepared = prepareElements(audience, batch);
    const progress = { objects: total, bytes: stats.bytes };
    batch = [];
    await inflight;
    // The planner's statistics may not know this collection yet (a new one, or one grown
    // tenfold since): it then takes the collection for tiny and, in settleVersionFlags, scans
    // all of it for every id. Measured: 45 s per batch of 2,000 at 60,000 rows. Refreshed as
    // the import grows: at 10,000 stored, 100,000, 1,000,000 …
    if (stored >= Math.max(ANALYZE_AFTER, analyzedAt * 10)) {
      await refreshStatistics(database);
      analyzedAt = stored;
    }
    const next = database
      .transaction((tx) => storePrepared(tx, sharer, prepared))
      .then((r) => {
        stored += r.stored;
        failures.push(...r.failures);
        options.onProgress?.(progress);
      });
    // Awaited by the next flush or below; this keeps a failure from going unhandled meanwhile.
    next.catch(() => undefined);
    inflight = next;
  };
  try {
    for await (const o of objects) {
      total += 1;
      batch.push(o.value);
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0) await flush();
  } catch (err) {
    // The batch in flight settles before the error is reported, so the caller sees a
    // consistent database (every earlier batch committed or rolled back, none running).
    await inflight.catch(() => undefined);
    throw err;
  }
  await inflight;
  if (stored >= ANALYZE_AFTER && stored !== analyzedAt) await refreshStatistics(database);
  return { total, stored, failures, bundle: top.fields };
}

export type { JsonStreamError };
