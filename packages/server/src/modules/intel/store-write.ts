/**
 * Writing object versions (TAXII 2.1 §5.4 Add Objects): the collection's add lock and
 * date_added, the one-statement insert with its search-queue rows, and the first/latest flags.
 * Reads, visibility and deletes are in store.ts.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../../db/client';
import { COPY_COLUMNS, SEARCH_COPY_COLUMNS, uuidArray } from './copy-batch';
import { isoText } from './store';

/**
 * Takes the collection's lock for the rest of the transaction and returns the date_added for
 * this add: the database clock, or one microsecond after the last add if the clock is behind.
 * `previousMicros` is the collection's last date_added before this one (null before its first
 * add): every add claims a time, so an import that finds its own last claim there knows that
 * nobody else has added to the collection since.
 */
export async function claimAddTime(
  db: Db,
  collectionId: string,
): Promise<{ micros: number; text: string; previousMicros: number | null }> {
  const res = await db.execute(sql`
    update intel_collections c
    set last_added_at = greatest(clock_timestamp(),
                                 coalesce(old.last_added_at, '-infinity'::timestamptz) + interval '1 microsecond')
    from (select id, last_added_at from intel_collections
          where id = ${collectionId}::uuid for update) old
    where c.id = old.id
    returning (extract(epoch from c.last_added_at) * 1000000)::int8 as micros,
              ${isoText(sql`c.last_added_at`)} as text,
              (extract(epoch from old.last_added_at) * 1000000)::int8 as previous`);
  const row = (
    res as { rows: { micros: number | string; text: string; previous: number | string | null }[] }
  ).rows[0];
  if (!row) throw new Error(`collection ${collectionId} vanished`);
  return {
    micros: Number(row.micros),
    text: row.text,
    previousMicros: row.previous === null ? null : Number(row.previous),
  };
}

/** Whether the collection holds no version at all (the caller holds its lock). */
export async function collectionEmpty(db: Db, collectionId: string): Promise<boolean> {
  const res = await db.execute(sql`
    select not exists (select 1 from intel_objects where collection_id = ${collectionId}::uuid)
      as empty`);
  return (res as { rows: { empty: boolean }[] }).rows[0]!.empty;
}

export interface NewObjectRow {
  stixId: string;
  type: string;
  specVersion: string;
  version: string | null;
  versionKey: string;
  isLatest: boolean;
  isFirst: boolean;
  tlp: string;
  recipientParticipantIds: readonly string[];
  recipientUserIds: readonly string[];
  sourceRef: string | null;
  targetRef: string | null;
  searchText: string;
  body: string;
}

export interface InsertContext {
  collectionId: string;
  originParticipantId: string;
  addedBy: string | null;
  dateAddedMicros: number;
  /** The same instant as ISO 8601 text with microseconds (claimAddTime). */
  dateAddedText: string;
}

/**
 * Runs `fn` with generic plans (PostgreSQL 15 §20.7.2, plan_cache_mode) and then restores the
 * setting; `fn`'s statements must take their values as parameters. The per-id look-ups below
 * need it: with a custom plan, statistics that do not yet know a collection (a new one, or
 * one grown tenfold since the last ANALYZE) make the planner take it for a few rows and
 * scan all of it on (collection_id, date_added) for every id, filtering on stix_id. Measured:
 * 0.6–3.8 s per batch of 2,000 at 10,000–20,000 rows, 45 s at 60,000 (bench/RESULTS.md). A
 * generic plan estimates `collection_id = $n` from the column's distinct count instead, and
 * looks each id up on both columns of intel_objects_version_idx.
 */
async function withGenericPlans<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const res = await db.execute(sql`
    select current_setting('plan_cache_mode') as before,
           set_config('plan_cache_mode', 'force_generic_plan', true)`);
  const before = (res as { rows: { before: string }[] }).rows[0]!.before;
  const value = await fn();
  await db.execute(sql`select set_config('plan_cache_mode', ${before}, true)`);
  return value;
}

/**
 * Which of these objects already have a version in the collection. The caller holds the
 * collection's lock, so the answer holds until it commits.
 */
export async function objectsPresent(
  db: Db,
  collectionId: string,
  stixIds: readonly string[],
): Promise<Set<string>> {
  if (stixIds.length === 0) return new Set();
  const res = await withGenericPlans(db, () =>
    db.execute(sql`
      select i.stix_id as "stixId" from unnest(${textColumn(stixIds)}) as i(stix_id)
      where exists (select 1 from intel_objects
                    where collection_id = ${collectionId}::uuid and stix_id = i.stix_id)`),
  );
  return new Set((res as { rows: { stixId: string }[] }).rows.map((r) => r.stixId));
}

/** Sends COPY … FROM STDIN data. */
export async function copyIn(conn: pg.ClientBase, statement: string, data: Buffer): Promise<void> {
  await pipeline(Readable.from([data]), conn.query(copyFrom(statement)));
}

/** `n` values of intel_objects' identity sequence, in increasing order. */
export async function nextSeqs(db: Db, n: number): Promise<number[]> {
  // One text value rather than n rows: the driver builds no object per value.
  const res = await db.execute(sql`
    select string_agg(nextval((select pg_get_serial_sequence('intel_objects', 'seq'))::regclass)::text, ',')
      as seqs
    from generate_series(1, ${n}::int)`);
  const text = (res as { rows: { seqs: string }[] }).rows[0]!.seqs;
  return text
    .split(',')
    .map(Number)
    .sort((a, b) => a - b);
}

/** Sends the COPY data of copyData: the rows, then their search-queue rows. */
export async function copyRows(
  conn: pg.ClientBase,
  data: { rows: Buffer; search: Buffer },
): Promise<void> {
  await copyIn(conn, `copy intel_objects (${COPY_COLUMNS}) from stdin`, data.rows);
  await copyIn(conn, `copy intel_search_pending (${SEARCH_COPY_COLUMNS}) from stdin`, data.search);
}

/** ASCII record and unit separators: no STIX JSON text carries them raw (JSON escapes them). */
const RS = '\u001e';
const NUL = '\u001f';
// eslint-disable-next-line no-control-regex -- the separators are what is looked for
const SEPARATORS = /[\u001e\u001f]/;

/**
 * A column of text values as a SQL text[]. Sent as one text parameter, the values joined by
 * RS with NUL for null, and cut by `string_to_array` on the server: a quarter of the time of
 * an array parameter, which the driver escapes value by value and the server parses back
 * (bench/RESULTS.md, "Intel"). A column holding a separator character goes as an array, as
 * does a lone empty value.
 */
export function textColumn(values: readonly (string | null)[]): SQL {
  let joined = true;
  let nulls = false;
  for (const v of values) {
    if (v === null) nulls = true;
    else if (SEPARATORS.test(v)) {
      joined = false;
      break;
    }
  }
  const text = joined ? values.map((v) => v ?? NUL).join(RS) : '';
  // '' would come back as an empty array, not as one empty value.
  if (!joined || text === '') return sql`${sql.param(values)}::text[]`;
  // Without nulls the cut is twice as fast: no element is compared with the null marker.
  if (!nulls) return sql`string_to_array(${text}::text, ${RS}::text)`;
  return sql`string_to_array(${text}::text, ${RS}::text, ${NUL}::text)`;
}

/**
 * Inserts object versions in one statement (one array per column); a version already present
 * (same collection, id and version) is skipped. Each version stored queues its search text
 * for the background indexer (see intelSearch in db/tables/intel.ts) in the same statement.
 * Returns the (id, version key) pairs stored.
 */
export async function insertObjects(
  db: Db,
  ctx: InsertContext,
  rows: readonly NewObjectRow[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const col = (f: (r: NewObjectRow) => string | null) => textColumn(rows.map(f));
  const flag = (b: boolean) => (b ? 't' : 'f');
  const res = await db.execute(sql`
    with input as (
      select * from unnest(${col((r) => r.stixId)}, ${col((r) => r.type)},
                ${col((r) => r.specVersion)}, ${col((r) => r.version)},
                ${col((r) => r.versionKey)}, ${col((r) => flag(r.isLatest))}::bool[],
                ${col((r) => flag(r.isFirst))}::bool[], ${col((r) => r.tlp)},
                ${col((r) => uuidArray(r.recipientParticipantIds))},
                ${col((r) => uuidArray(r.recipientUserIds))},
                ${col((r) => r.sourceRef)}, ${col((r) => r.targetRef)},
                ${col((r) => r.searchText)}, ${col((r) => r.body)})
         as r(stix_id, type, spec_version, version, version_key, is_latest, is_first, tlp,
              recipients, red, source_ref, target_ref, search_text, body)
    ),
    stored as (
      insert into intel_objects (collection_id, stix_id, type, spec_version, version, version_key,
                                 date_added, is_latest, is_first, tlp, origin_participant_id,
                                 recipient_participant_ids, recipient_user_ids, added_by,
                                 source_ref, target_ref, body)
      select ${ctx.collectionId}::uuid, r.stix_id, r.type, r.spec_version, r.version,
             r.version_key, to_timestamp(${ctx.dateAddedMicros}::int8 / 1000000.0), r.is_latest,
             r.is_first, r.tlp, ${ctx.originParticipantId}::uuid, r.recipients::uuid[],
             r.red::uuid[], ${ctx.addedBy}::uuid, r.source_ref, r.target_ref, r.body
      from input r
      on conflict (collection_id, stix_id, version_key) do nothing
      returning seq, stix_id, version_key
    ),
    queued as (
      insert into intel_search_pending (seq, search_text)
      select s.seq, r.search_text from stored s
      join input r on r.stix_id = s.stix_id and r.version_key = s.version_key
    )
    select stix_id as "stixId", version_key as "versionKey" from stored`);
  return new Set(
    (res as { rows: { stixId: string; versionKey: string }[] }).rows.map(
      (r) => `${r.stixId}\u0000${r.versionKey}`,
    ),
  );
}

/**
 * After versions of these objects were stored: where an object now has more than one version
 * in the collection, marks exactly its first and latest (by version key) and clears the
 * flags of the rest. Newly stored versions come in marked as the first and latest of their
 * batch, which is right for every object new to the collection — the usual case of a bulk
 * import, where this finds nothing to do. It runs after the insert, whose index pages it
 * reads again while they are still in the buffer cache.
 *
 * Every look-up is written per id (a correlated subquery on both columns of
 * intel_objects_version_idx; `offset 0` keeps the planner from turning the second into a
 * join): given `stix_id = any(…)` or a join instead, a planner without statistics (a bulk
 * import into a fresh table) scanned the whole collection for each batch.
 */
export async function settleVersionFlags(
  db: Db,
  collectionId: string,
  stixIds: readonly string[],
): Promise<void> {
  if (stixIds.length === 0) return;
  const res = await withGenericPlans(db, () =>
    db.execute(sql`
    select v.seq, v.version_key = e.max_key as "latest", v.version_key = e.min_key as "first"
    from unnest(${sql.param(stixIds)}::text[]) as i(stix_id)
    cross join lateral (
      select max(version_key) as max_key, min(version_key) as min_key, count(*) as n
      from intel_objects
      where collection_id = ${collectionId}::uuid and stix_id = i.stix_id) e
    cross join lateral (
      select seq, version_key, is_latest, is_first from intel_objects
      where collection_id = ${collectionId}::uuid and stix_id = i.stix_id and e.n > 1
      offset 0) v
    where v.is_latest <> (v.version_key = e.max_key) or v.is_first <> (v.version_key = e.min_key)`),
  );
  const changes = (res as { rows: { seq: number | string; latest: boolean; first: boolean }[] })
    .rows;
  if (changes.length === 0) return;
  const seqs = changes.map((c) => Number(c.seq));
  await db.execute(sql`
    update intel_objects
    set is_latest = seq = any(${sql.param(seqs.filter((_, i) => changes[i]!.latest))}::int8[]),
        is_first = seq = any(${sql.param(seqs.filter((_, i) => changes[i]!.first))}::int8[])
    where seq = any(${sql.param(seqs)}::int8[])`);
}
