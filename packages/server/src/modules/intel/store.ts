/**
 * Reading the intel module's storage: collections and their access, object versions by page
 * with the TLP audience, counts, and deletes (writes are in store-write.ts, TAXII status
 * resources in status-store.ts).
 *
 * Ordering (TAXII 2.1 §3.4 pagination): objects are served in (date_added, seq) order, and a
 * cursor is that pair. Adding to a collection takes the collection row's lock and gives every
 * added object a date_added strictly after every earlier one in the collection
 * (`claimAddTime` in store-write.ts), so commit order equals cursor order: a page boundary can never have a
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

/** A timestamptz as STIX/TAXII timestamp text with microseconds (RFC 3339, UTC, 'Z'). */
export const isoText = (col: SQL) =>
  sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

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

export function visibleSql(v: Reader, alias: 'o' | 'r' = 'o'): SQL {
  if (v === null) return sql`true`;
  const a = sql.raw(alias);
  if (v === 'public') return sql`${a}.tlp = 'clear'`;
  return sql`(${a}.tlp in ('clear','green')
    or (${a}.tlp in ('amber','amber+strict')
        and (${a}.origin_participant_id = ${v.participantId}::uuid
             or ${v.participantId}::uuid = any(${a}.recipient_participant_ids)))
    or (${a}.tlp = 'red' and ${v.userId}::uuid = any(${a}.recipient_user_ids)))`;
}

/**
 * The version is not revoked: STIX 2.1 §3.2 `revoked`, set by the producer in a new version
 * (§3.6), means the object is no longer valid. The flag lives in the body only.
 */
export const notRevoked = sql`(o.body::jsonb ->> 'revoked') is distinct from 'true'`;

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
