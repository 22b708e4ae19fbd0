/**
 * The object browser behind the REST API and the web pages: search across the collections the
 * caller reads, one object with its versions, relationships (a graph) and, for indicators,
 * sightings over time. Every query carries the TLP predicate; a hidden object is "not found".
 */
import { sql } from 'drizzle-orm';
import type { Deps } from '../../deps';
import type { Actor } from '../../auth/actor';
import { notFound } from '../../errors';
import { visibleCollections, viewerFor, decodeCursor, encodeCursor } from './service';
import {
  listCollections,
  pageObjects,
  notRevoked,
  visibleSql,
  type ObjectFilters,
  type ObjectRow,
  type Reader,
  type TlpText,
} from './store';

/** The collections a reader may read and the TLP audience it belongs to. */
export interface Scope {
  collectionIds: string[];
  reader: Reader;
}

/** A member's scope: the collections they read; TLP decides within them. */
export async function scopeOf(deps: Deps, actor: Actor): Promise<Scope> {
  const readable = (await visibleCollections(deps, actor)).filter(
    (c) => actor.kind === 'system' || c.canRead,
  );
  return { collectionIds: readable.map((c) => c.id), reader: viewerFor(actor) };
}

/** The public portal's scope: TLP:CLEAR objects of every collection ("may be distributed without restriction"). */
export async function publicScope(deps: Deps): Promise<Scope> {
  const all = await listCollections(deps.database.db, null);
  return { collectionIds: all.map((c) => c.id), reader: 'public' };
}

export interface ObjectSummary {
  id: string;
  type: string;
  name: string | null;
  tlp: TlpText;
  version: string | null;
  dateAdded: string;
  collectionId: string;
  revoked: boolean;
}

/** An object's display name: its `name`, else an SCO's `value`, else an indicator's `pattern`. */
export function nameOf(o: Record<string, unknown>): string | null {
  for (const k of ['name', 'value', 'pattern']) if (typeof o[k] === 'string') return o[k];
  return null;
}

/** A stored version as a list entry, from its row and its parsed body. */
export function summaryOf(r: ObjectRow, o: Record<string, unknown>): ObjectSummary {
  return {
    id: r.stixId,
    type: r.type,
    name: nameOf(o),
    revoked: o.revoked === true,
    tlp: r.tlp,
    version: r.version,
    dateAdded: r.dateAdded,
    collectionId: r.collectionId,
  };
}

const parse = (body: string) => JSON.parse(body) as Record<string, unknown>;

/** `name=value` → a condition; JSON numbers, booleans and quoted strings keep their type. */
export function propertyCondition(text: string): { name: string; value: unknown } {
  const eq = text.indexOf('=');
  const name = text.slice(0, eq);
  const raw = text.slice(eq + 1);
  let value: unknown = raw;
  if (/^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|".*")$/.test(raw)) {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      value = raw;
    }
  }
  return { name, value };
}

export interface BrowseQuery {
  collectionId?: string | undefined;
  type?: string[] | undefined;
  q?: string | undefined;
  tlp?: string[] | undefined;
  /** `name=value` conditions on top-level properties (see PropertyCondition). */
  property?: string[] | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** One page of the latest visible versions matching the query, as stored rows. */
export async function browseRows(
  deps: Deps,
  scope: Scope,
  query: BrowseQuery,
): Promise<{ rows: ObjectRow[]; nextCursor: string | null }> {
  const ids = query.collectionId
    ? scope.collectionIds.filter((id) => id === query.collectionId)
    : scope.collectionIds;
  if (query.collectionId && ids.length === 0) throw notFound('Collection');
  if (ids.length === 0) return { rows: [], nextCursor: null };
  const filters: ObjectFilters = {
    types: query.type,
    text: query.q?.trim() || undefined,
    tlp: query.tlp,
    properties: query.property?.map(propertyCondition),
  };
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await pageObjects(deps.database.db, ids, scope.reader, filters, after, query.limit);
  const more = rows.length > query.limit;
  if (more) rows.length = query.limit;
  const last = rows[rows.length - 1];
  return { rows, nextCursor: more && last ? encodeCursor(last) : null };
}

export async function browseObjects(
  deps: Deps,
  scope: Scope,
  query: BrowseQuery,
): Promise<{ items: ObjectSummary[]; nextCursor: string | null }> {
  const { rows, nextCursor } = await browseRows(deps, scope, query);
  return { items: rows.map((r) => summaryOf(r, parse(r.body))), nextCursor };
}

function relationshipTypeOf(body: string): string {
  const t = (JSON.parse(body) as { relationship_type?: unknown }).relationship_type;
  return typeof t === 'string' ? t : '';
}

export interface GraphNode {
  id: string;
  type: string;
  name: string | null;
}
export interface GraphEdge {
  id: string;
  relationshipType: string;
  source: string;
  target: string;
}

export interface ObjectDetail {
  object: Record<string, unknown>;
  tlp: TlpText;
  collectionId: string;
  dateAdded: string;
  versions: { version: string | null; dateAdded: string }[];
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
  sightings: SightingSummary | null;
}

export interface SightingSummary {
  total: number;
  reports: number;
  firstSeen: string | null;
  lastSeen: string | null;
  byDay: { day: string; count: number }[];
}

/** Throws the same 404 as objectDetail unless the caller may see some version of the object. */
export async function assertVisible(deps: Deps, scope: Scope, stixId: string): Promise<void> {
  if (scope.collectionIds.length === 0) throw notFound('Object');
  const found = await pageObjects(
    deps.database.db,
    scope.collectionIds,
    scope.reader,
    { ids: [stixId], versions: { first: false, last: false, all: true, keys: [] } },
    null,
    1,
    'manifest',
  );
  if (found.length === 0) throw notFound('Object');
}

/** The latest visible version of an object, with what the caller may see around it. */
export async function objectDetail(
  deps: Deps,
  scope: Scope,
  stixId: string,
): Promise<ObjectDetail> {
  const readable = scope.collectionIds;
  if (readable.length === 0) throw notFound('Object');
  const viewer = scope.reader;
  const versions = await pageObjects(
    deps.database.db,
    readable,
    viewer,
    { ids: [stixId], versions: { first: false, last: false, all: true, keys: [] } },
    null,
    1000,
  );
  if (versions.length === 0) throw notFound('Object');
  const latest = versions.reduce((a, b) => ((b.version ?? '') > (a.version ?? '') ? b : a));
  const db = deps.database.db;
  const v = visibleSql(viewer);
  const rels = await db.execute(sql`
    select distinct on (o.stix_id) o.stix_id as id, o.body, o.source_ref as source, o.target_ref as target
    from intel_objects o
    where o.type = 'relationship' and o.is_latest
      and o.collection_id = any(${sql.param(readable)}::uuid[]) and ${v}
      and (o.source_ref = ${stixId} or o.target_ref = ${stixId})
      and ${notRevoked}
    order by o.stix_id
    limit 200`);
  const edges: GraphEdge[] = (
    rels as { rows: { id: string; body: string; source: string; target: string }[] }
  ).rows.map((r) => ({
    id: r.id,
    relationshipType: relationshipTypeOf(r.body),
    source: r.source,
    target: r.target,
  }));
  const neighbourIds = [...new Set(edges.flatMap((e) => [e.source, e.target]))].filter(
    (id) => id !== stixId,
  );
  const nodes: GraphNode[] = [{ id: stixId, type: latest.type, name: nameOf(parse(latest.body)) }];
  if (neighbourIds.length > 0) {
    const found = await pageObjects(db, readable, viewer, { ids: neighbourIds }, null, 500);
    for (const n of found) nodes.push({ id: n.stixId, type: n.type, name: nameOf(parse(n.body)) });
  }
  // Edges to objects the caller cannot see are dropped: they would reveal that those exist.
  const known = new Set(nodes.map((n) => n.id));
  const shown = edges.filter((e) => known.has(e.source) && known.has(e.target));
  return {
    object: JSON.parse(latest.body) as Record<string, unknown>,
    tlp: latest.tlp,
    collectionId: latest.collectionId,
    dateAdded: latest.dateAdded,
    versions: versions.map((x) => ({ version: x.version, dateAdded: x.dateAdded })),
    graph: { nodes, edges: shown },
    sightings:
      latest.type === 'indicator' ? await sightingsOf(deps, readable, viewer, stixId) : null,
  };
}

/** Sightings of an indicator the caller may see, aggregated per day of first_seen (or date added). */
export async function sightingsOf(
  deps: Deps,
  collectionIds: string[],
  viewer: Reader,
  indicatorId: string,
): Promise<SightingSummary> {
  const res = await deps.database.db.execute(sql`
    with s as (
      select coalesce((o.body::jsonb ->> 'count')::int, 1) as n,
             coalesce(o.body::jsonb ->> 'first_seen', to_char(o.date_added at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) as first_seen,
             coalesce(o.body::jsonb ->> 'last_seen', o.body::jsonb ->> 'first_seen',
                      to_char(o.date_added at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) as last_seen
      from intel_objects o
      where o.type = 'sighting' and o.is_latest and o.target_ref = ${indicatorId}
        and o.collection_id = any(${sql.param(collectionIds)}::uuid[]) and ${visibleSql(viewer)}
    )
    select substring(first_seen from 1 for 10) as day, sum(n)::int8 as count,
           min(first_seen) as first, max(last_seen) as last, count(*)::int8 as reports
    from s group by 1 order by 1`);
  const rows = (
    res as {
      rows: {
        day: string;
        count: number | string;
        first: string;
        last: string;
        reports: number | string;
      }[];
    }
  ).rows;
  return {
    total: rows.reduce((n, r) => n + Number(r.count), 0),
    reports: rows.reduce((n, r) => n + Number(r.reports), 0),
    firstSeen: rows.length > 0 ? rows.map((r) => r.first).sort()[0]! : null,
    lastSeen:
      rows.length > 0
        ? rows
            .map((r) => r.last)
            .sort()
            .at(-1)!
        : null,
    byDay: rows.map((r) => ({ day: r.day, count: Number(r.count) })),
  };
}
