/**
 * Storage of the intel module: collections and their access, object versions, TAXII status.
 *
 * Ordering (TAXII 2.1 §3.4 pagination): objects are served in (date_added, seq) order, and a
 * cursor is that pair. Adding to a collection takes the collection row's lock and gives every
 * added object a date_added strictly after every earlier one in the collection
 * (`claimAddTime`), so commit order equals cursor order: a page boundary can never have a
 * row committed behind it later, and thousands of objects sharing one date_added page
 * stably by seq.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';

/** The reader, for the TLP audience predicate (TLP 2.0; see visibleSql). */
export interface Viewer {
  participantId: string;
  userId: string;
}

export interface CollectionRow {
  id: string;
  communityId: string;
  communityKind: string;
  communityName: string;
  alias: string | null;
  title: string;
  description: string;
  createdAt: Date;
  canRead: boolean;
  canWrite: boolean;
}

/**
 * Collections with the caller's rights: an `all-members` community gives every participant
 * read and write; otherwise the membership row decides.
 */
export async function listCollections(
  db: Db,
  participantId: string | null,
  onlyId?: string,
): Promise<CollectionRow[]> {
  const res = await db.execute(sql`
    select c.id, c.community_id as "communityId", m.kind as "communityKind",
           m.name as "communityName", c.alias, c.title, c.description,
           c.created_at as "createdAt",
           (m.kind = 'all-members' or coalesce(cm.can_read, false)) as "canRead",
           (m.kind = 'all-members' or coalesce(cm.can_write, false)) as "canWrite"
    from intel_collections c
    join intel_communities m on m.id = c.community_id
    left join intel_community_members cm
      on cm.community_id = c.community_id and cm.participant_id = ${participantId}::uuid
    where ${onlyId === undefined ? sql`true` : sql`c.id = ${onlyId}::uuid`}
    order by c.title, c.id`);
  return (res as { rows: (CollectionRow & { createdAt: Date | string })[] }).rows.map((r) => ({
    ...r,
    createdAt: new Date(r.createdAt),
  }));
}

/** The participants that may read a community's collections (AMBER's default audience). */
export async function communityReaders(db: Db, communityId: string): Promise<string[]> {
  const res = await db.execute(sql`
    select p.id from participants p
    join intel_communities m on m.id = ${communityId}::uuid
    left join intel_community_members cm on cm.community_id = m.id and cm.participant_id = p.id
    where p.status = 'active' and (m.kind = 'all-members' or coalesce(cm.can_read, false))
    order by p.id`);
  return (res as { rows: { id: string }[] }).rows.map((r) => r.id);
}

/**
 * Takes the collection's lock for the rest of the transaction and returns the date_added for
 * this add: the database clock, or one microsecond after the last add if the clock is behind.
 */
export async function claimAddTime(
  db: Db,
  collectionId: string,
): Promise<{ micros: number; text: string }> {
  const res = await db.execute(sql`
    update intel_collections
    set last_added_at = greatest(clock_timestamp(),
                                 coalesce(last_added_at, '-infinity'::timestamptz) + interval '1 microsecond')
    where id = ${collectionId}::uuid
    returning (extract(epoch from last_added_at) * 1000000)::int8 as micros,
              ${isoText(sql`last_added_at`)} as text`);
  const row = (res as { rows: { micros: number | string; text: string }[] }).rows[0];
  if (!row) throw new Error(`collection ${collectionId} vanished`);
  return { micros: Number(row.micros), text: row.text };
}

/** A timestamptz as STIX/TAXII timestamp text with microseconds (RFC 3339, UTC, 'Z'). */
export const isoText = (col: SQL) =>
  sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

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
}

/** Uuid arrays travel as one text value per row ('{a,b}') cast to uuid[]. */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

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
  const res = await db.execute(sql`
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
    where v.is_latest <> (v.version_key = e.max_key) or v.is_first <> (v.version_key = e.min_key)`);
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

/**
 * TLP 2.0 audience as SQL (see @concord/stix tlpAllows): CLEAR and GREEN — every reader of
 * the collection (a community member); AMBER and AMBER+STRICT — the originating organisation
 * and the recipient organisations; RED — the named individuals only.
 */
/**
 * Who reads: a member (Viewer), the node's operator at the console (null: everything, they
 * hold the database anyway), or the public portal ('public': TLP:CLEAR only).
 */
export type Reader = Viewer | null | 'public';

export function visibleSql(v: Reader): SQL {
  if (v === null) return sql`true`;
  if (v === 'public') return sql`o.tlp = 'clear'`;
  return sql`(o.tlp in ('clear','green')
    or (o.tlp in ('amber','amber+strict')
        and (o.origin_participant_id = ${v.participantId}::uuid
             or ${v.participantId}::uuid = any(o.recipient_participant_ids)))
    or (o.tlp = 'red' and ${v.userId}::uuid = any(o.recipient_user_ids)))`;
}

export interface ObjectFilters {
  /** Microseconds since the epoch: date_added strictly after. */
  addedAfter?: number | undefined;
  ids?: readonly string[] | undefined;
  types?: readonly string[] | undefined;
  /** TAXII match[version]: any of first, last, all, or version keys. */
  versions?: { first: boolean; last: boolean; all: boolean; keys: readonly string[] } | undefined;
  specVersions?: readonly string[] | undefined;
  /** Full-text query (words, all must match). */
  text?: string | undefined;
  tlp?: readonly string[] | undefined;
  /**
   * Top-level property conditions, all of which must hold: the property equals the value, or
   * (for a list) contains it (jsonb containment).
   */
  properties?: readonly { name: string; value: unknown }[] | undefined;
}

export interface Cursor {
  micros: number;
  seq: number;
}

export type TlpText = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';

export interface ObjectRow {
  seq: number;
  collectionId: string;
  micros: number;
  dateAdded: string;
  stixId: string;
  type: string;
  specVersion: string;
  version: string | null;
  tlp: TlpText;
  originParticipantId: string;
  body: string;
}

function filterSql(f: ObjectFilters): SQL[] {
  const where: SQL[] = [];
  const v = f.versions ?? { first: false, last: true, all: false, keys: [] };
  if (!v.all) {
    const alts: SQL[] = [];
    if (v.last) alts.push(sql`o.is_latest`);
    if (v.first) alts.push(sql`o.is_first`);
    if (v.keys.length > 0) alts.push(sql`o.version_key = any(${sql.param(v.keys)}::text[])`);
    where.push(alts.length === 0 ? sql`false` : sql`(${sql.join(alts, sql` or `)})`);
  }
  if (f.addedAfter !== undefined) {
    where.push(sql`o.date_added > to_timestamp(${f.addedAfter}::int8 / 1000000.0)`);
  }
  if (f.ids && f.ids.length > 0) where.push(sql`o.stix_id = any(${sql.param(f.ids)}::text[])`);
  if (f.types && f.types.length > 0) {
    where.push(
      f.types.length === 1
        ? sql`o.type = ${f.types[0]}`
        : sql`o.type = any(${sql.param(f.types)}::text[])`,
    );
  }
  if (f.specVersions && f.specVersions.length > 0) {
    where.push(sql`o.spec_version = any(${sql.param(f.specVersions)}::text[])`);
  }
  if (f.tlp && f.tlp.length > 0) where.push(sql`o.tlp = any(${sql.param(f.tlp)}::text[])`);
  for (const p of f.properties ?? []) {
    where.push(sql`(o.body::jsonb -> ${p.name}) @> ${JSON.stringify(p.value)}::jsonb`);
  }
  if (f.text) {
    // A version is either indexed (intel_search) or still queued (intel_search_pending):
    // both are read, so a search never misses what was just added (db/tables/intel.ts).
    const query = sql`plainto_tsquery('simple'::regconfig, ${f.text})`;
    where.push(sql`(o.seq in (select s.seq from intel_search s where s.document @@ ${query})
      or o.seq in (select p.seq from intel_search_pending p
                   where to_tsvector('simple'::regconfig, p.search_text) @@ ${query}))`);
  }
  return where;
}

/**
 * One page of object versions visible to the viewer, in (date_added, seq) order, after the
 * cursor. Fetches one row more than `limit` so the caller knows whether there is more.
 */
export async function pageObjects(
  db: Db,
  collectionIds: readonly string[],
  viewer: Reader,
  filters: ObjectFilters,
  after: Cursor | null,
  limit: number,
  columns: 'full' | 'manifest' = 'full',
): Promise<ObjectRow[]> {
  const where = [
    collectionIds.length === 1
      ? sql`o.collection_id = ${collectionIds[0]}::uuid`
      : sql`o.collection_id = any(${sql.param(collectionIds)}::uuid[])`,
    visibleSql(viewer),
    ...filterSql(filters),
  ];
  if (after) {
    where.push(
      sql`(o.date_added, o.seq) > (to_timestamp(${after.micros}::int8 / 1000000.0), ${after.seq}::int8)`,
    );
  }
  const res = await db.execute(sql`
    select o.seq, o.collection_id as "collectionId",
           (extract(epoch from o.date_added) * 1000000)::int8 as micros,
           ${isoText(sql`o.date_added`)} as "dateAdded", o.stix_id as "stixId", o.type,
           o.spec_version as "specVersion", o.version, o.tlp,
           o.origin_participant_id as "originParticipantId",
           ${columns === 'full' ? sql`o.body` : sql`'' as body`}
    from intel_objects o
    where ${sql.join(where, sql` and `)}
    order by o.date_added, o.seq
    limit ${limit + 1}`);
  return (res as { rows: ObjectRow[] }).rows.map((r) => ({
    ...r,
    seq: Number(r.seq),
    micros: Number(r.micros),
  }));
}

/**
 * Counts per collection and type of what the viewer may see, for many collections in one
 * query (statistics; never counts hidden objects).
 */
export async function countByCollectionAndType(
  db: Db,
  collectionIds: readonly string[],
  viewer: Reader,
): Promise<Map<string, { type: string; count: number }[]>> {
  const out = new Map<string, { type: string; count: number }[]>();
  if (collectionIds.length === 0) return out;
  const res = await db.execute(sql`
    select o.collection_id as "collectionId", o.type, count(*)::int8 as count
    from intel_objects o
    where o.collection_id = any(${sql.param(collectionIds)}::uuid[]) and ${visibleSql(viewer)}
      and ${sql.join([sql`true`, ...filterSql({})], sql` and `)}
    group by o.collection_id, o.type order by count(*) desc, o.type`);
  for (const r of (
    res as { rows: { collectionId: string; type: string; count: number | string }[] }
  ).rows) {
    const list = out.get(r.collectionId) ?? [];
    list.push({ type: r.type, count: Number(r.count) });
    out.set(r.collectionId, list);
  }
  return out;
}

/**
 * Deletes the viewer-visible versions of one object matching the version filter, then
 * re-marks the first and latest of what remains. Returns how many versions were deleted.
 */
export async function deleteObject(
  db: Db,
  collectionId: string,
  viewer: Reader,
  stixId: string,
  filters: ObjectFilters,
  /** Only versions shared by this organisation; null: any (the secretariat). */
  onlyOrigin: string | null,
): Promise<number> {
  const where = [
    sql`o.collection_id = ${collectionId}::uuid`,
    sql`o.stix_id = ${stixId}`,
    visibleSql(viewer),
    ...filterSql(filters),
  ];
  if (onlyOrigin !== null) where.push(sql`o.origin_participant_id = ${onlyOrigin}::uuid`);
  const res = await db.execute(sql`
    with gone as (
      delete from intel_objects o where ${sql.join(where, sql` and `)} returning o.seq
    ),
    unindexed as (delete from intel_search where seq in (select seq from gone)),
    unqueued as (delete from intel_search_pending where seq in (select seq from gone))
    select count(*)::int8 as n from gone`);
  const n = Number((res as { rows: { n: number | string }[] }).rows[0]?.n ?? 0);
  if (n > 0) {
    await db.execute(sql`
      update intel_objects o
      set is_latest = o.version_key = x.max_key, is_first = o.version_key = x.min_key
      from (select max(version_key) as max_key, min(version_key) as min_key
            from intel_objects
            where collection_id = ${collectionId}::uuid and stix_id = ${stixId}) x
      where o.collection_id = ${collectionId}::uuid and o.stix_id = ${stixId}`);
  }
  return n;
}
