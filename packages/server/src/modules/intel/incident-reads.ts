/**
 * Reading incidents and their links (writes are in incidents.ts): the links of an object either
 * way, incidents with their link counts, and an incident as a bundle. A reader sees a link only
 * when they may see the relationship and the object at its other end (TLP 2.0, store.ts
 * visibleSql); hidden links are absent from lists, counts and bundles alike.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { notFound } from '../../errors';
import { browseRows, nameOf, summaryOf, type ObjectSummary, type Scope } from './browse';
import { decodeCursor, encodeCursor } from './service';
import { isoText, pageObjects, visibleSql, type ObjectRow, type TlpText } from './store';

export interface Link {
  linkId: string;
  relationshipType: string;
  /** 'outgoing': incident → object (source_ref is the incident); 'incoming': object → incident. */
  direction: 'outgoing' | 'incoming';
  description: string | null;
  linkTlp: TlpText;
  linkCollectionId: string;
  linkedAt: string;
  /** The caller's organisation made the link, so it may remove it. */
  mine: boolean;
  object: ObjectSummary;
}

export interface LinkPage {
  items: Link[];
  nextCursor: string | null;
  /** Every visible link by the linked object's type (not only this page). */
  counts: { type: string; count: number }[];
  total: number;
}

/** An object as the scope sees it: its latest visible version and the collections holding one. */
export interface Visible {
  latest: ObjectRow;
  collectionIds: string[];
}

/** The latest version of an object the scope may see, across its collections; null if none. */
export async function visibleObject(
  deps: Deps,
  scope: Scope,
  stixId: string,
): Promise<Visible | null> {
  if (scope.collectionIds.length === 0) return null;
  const rows = await pageObjects(
    deps.database.db,
    scope.collectionIds,
    scope.reader,
    { ids: [stixId] },
    null,
    1000,
  );
  let best: ObjectRow | null = null;
  for (const r of rows) if (best === null || (r.version ?? '') > (best.version ?? '')) best = r;
  return best === null
    ? null
    : { latest: best, collectionIds: [...new Set(rows.map((r) => r.collectionId))] };
}

export async function visibleIncident(deps: Deps, scope: Scope, stixId: string): Promise<Visible> {
  const found = stixId.startsWith('incident--') ? await visibleObject(deps, scope, stixId) : null;
  if (found === null || found.latest.type !== 'incident') throw notFound('Incident');
  return found;
}

/**
 * The visible links of the given objects: one row per (object, relationship), with the latest
 * visible version of the object at the other end. Both ends and the relationship pass TLP.
 */
function linkRowsSql(scope: Scope, ids: readonly string[]): SQL {
  const readable = sql`${sql.param(scope.collectionIds)}::uuid[]`;
  const idList = sql`${sql.param(ids)}::text[]`;
  const rel = (self: SQL, other: SQL, outgoing: boolean) => sql`
    select ${self} as self, ${other} as other, ${sql.raw(String(outgoing))} as outgoing, r.stix_id as link_id,
           r.seq, r.date_added, r.tlp, r.origin_participant_id, r.collection_id, r.body
    from intel_objects r
    where r.type = 'relationship' and r.is_latest and ${self} = any(${idList})
      and r.collection_id = any(${readable}) and ${visibleSql(scope.reader, 'r')}
      and (r.body::jsonb ->> 'revoked') is distinct from 'true'`;
  return sql`
    with l as (
      select distinct on (x.self, x.link_id) x.*
      from (${rel(sql`r.source_ref`, sql`r.target_ref`, true)}
            union all
            ${rel(sql`r.target_ref`, sql`r.source_ref`, false)}) x
      order by x.self, x.link_id, x.date_added, x.seq
    )
    select l.self, l.outgoing, l.link_id as "linkId", l.seq as "linkSeq",
           (extract(epoch from l.date_added) * 1000000)::int8 as "linkMicros",
           ${isoText(sql`l.date_added`)} as "linkedAt", l.tlp as "linkTlp",
           l.origin_participant_id as "linkOrigin", l.collection_id as "linkCollectionId",
           l.body as "linkBody",
           o.stix_id as "stixId", o.type, o.tlp, o.version, o.collection_id as "collectionId",
           ${isoText(sql`o.date_added`)} as "dateAdded", o.body
    from l
    join lateral (
      select o.* from intel_objects o
      where o.stix_id = l.other and o.is_latest
        and o.collection_id = any(${readable}) and ${visibleSql(scope.reader)}
      order by o.version_key desc, o.date_added desc
      limit 1
    ) o on true`;
}

interface LinkRow {
  self: string;
  outgoing: boolean;
  linkId: string;
  linkSeq: number | string;
  linkMicros: number | string;
  linkedAt: string;
  linkTlp: TlpText;
  linkOrigin: string;
  linkCollectionId: string;
  linkBody: string;
  stixId: string;
  type: string;
  tlp: TlpText;
  version: string | null;
  collectionId: string;
  dateAdded: string;
  body: string;
}

/**
 * The links of one object, oldest first: an incident's linked objects (optionally of some
 * types), or, with `types: ['incident']`, the incidents an object is linked to.
 */
export async function linksOf(
  deps: Deps,
  scope: Scope,
  stixId: string,
  query: { types?: readonly string[] | undefined; cursor?: string | undefined; limit: number },
): Promise<LinkPage> {
  if ((await visibleObject(deps, scope, stixId)) === null) throw notFound('Object');
  const db = deps.database.db;
  const core = linkRowsSql(scope, [stixId]);
  const typeFilter =
    query.types && query.types.length > 0
      ? sql`t.type = any(${sql.param(query.types)}::text[])`
      : sql`true`;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const afterSql = after
    ? sql`(t."linkMicros", t."linkSeq") > (${after.micros}::int8, ${after.seq}::int8)`
    : sql`true`;
  const page = await db.execute(sql`
    select t.* from (${core}) t
    where ${typeFilter} and ${afterSql}
    order by t."linkMicros", t."linkSeq"
    limit ${query.limit + 1}`);
  const rows = (page as { rows: LinkRow[] }).rows;
  const counted = await db.execute(sql`
    select t.type, count(*)::int8 as count from (${core}) t
    where ${typeFilter}
    group by t.type order by count(*) desc, t.type`);
  const counts = (counted as { rows: { type: string; count: number | string }[] }).rows.map(
    (r) => ({ type: r.type, count: Number(r.count) }),
  );
  const more = rows.length > query.limit;
  if (more) rows.length = query.limit;
  const participantId =
    scope.reader && scope.reader !== 'public' ? scope.reader.participantId : null;
  const items = rows.map((r): Link => {
    const link = JSON.parse(r.linkBody) as Record<string, unknown>;
    const o = JSON.parse(r.body) as Record<string, unknown>;
    return {
      linkId: r.linkId,
      relationshipType: typeof link.relationship_type === 'string' ? link.relationship_type : '',
      direction: r.outgoing ? 'outgoing' : 'incoming',
      description: typeof link.description === 'string' ? link.description : null,
      linkTlp: r.linkTlp,
      linkCollectionId: r.linkCollectionId,
      linkedAt: r.linkedAt,
      mine: participantId !== null && r.linkOrigin === participantId,
      object: {
        id: r.stixId,
        type: r.type,
        name: nameOf(o),
        tlp: r.tlp,
        version: r.version,
        dateAdded: r.dateAdded,
        collectionId: r.collectionId,
        revoked: o.revoked === true,
      },
    };
  });
  const last = rows[rows.length - 1];
  return {
    items,
    nextCursor:
      more && last
        ? encodeCursor({ micros: Number(last.linkMicros), seq: Number(last.linkSeq) })
        : null,
    counts,
    total: counts.reduce((n, c) => n + c.count, 0),
  };
}

/** Links per page while an incident bundle is written. */
const BUNDLE_PAGE = 1000;

/**
 * An incident as a STIX 2.1 bundle (§8): its latest version, then page by page the links the
 * caller may see and the objects at their other ends (each once), so the package a recipient
 * imports holds exactly what the sender may pass on.
 */
export async function* incidentBundle(
  deps: Deps,
  scope: Scope,
  incidentId: string,
): AsyncGenerator<string> {
  const incident = await visibleIncident(deps, scope, incidentId);
  yield `{"type":"bundle","id":"bundle--${deps.random.uuid()}","objects":[${incident.latest.body}`;
  const written = new Set<string>([incidentId]);
  let after: { micros: number; seq: number } | null = null;
  for (;;) {
    const afterSql: SQL = after
      ? sql`where (t."linkMicros", t."linkSeq") > (${after.micros}::int8, ${after.seq}::int8)`
      : sql``;
    const res: unknown = await deps.database.db.execute(sql`
      select t."linkId", t."linkBody", t."stixId", t.body, t."linkMicros", t."linkSeq"
      from (${linkRowsSql(scope, [incidentId])}) t ${afterSql}
      order by t."linkMicros", t."linkSeq"
      limit ${BUNDLE_PAGE}`);
    const rows: LinkRow[] = (res as { rows: LinkRow[] }).rows;
    const parts: string[] = [];
    for (const r of rows) {
      if (!written.has(r.linkId)) parts.push(r.linkBody);
      if (!written.has(r.stixId)) parts.push(r.body);
      written.add(r.linkId).add(r.stixId);
    }
    if (parts.length > 0) yield `,${parts.join(',')}`;
    const last: LinkRow | undefined = rows[rows.length - 1];
    if (rows.length < BUNDLE_PAGE || !last) break;
    after = { micros: Number(last.linkMicros), seq: Number(last.linkSeq) };
  }
  yield ']}';
}

export interface IncidentSummary extends ObjectSummary {
  description: string | null;
  labels: string[];
  createdBy: string | null;
  /** Visible links (the caller may see both the relationship and the object). */
  links: number;
}

/** Incidents in the caller's collections, oldest first, each with its number of visible links. */
export async function listIncidents(
  deps: Deps,
  scope: Scope,
  query: {
    collectionId?: string | undefined;
    q?: string | undefined;
    tlp?: string[] | undefined;
    label?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<{ items: IncidentSummary[]; nextCursor: string | null }> {
  const { rows, nextCursor } = await browseRows(deps, scope, {
    collectionId: query.collectionId,
    type: ['incident'],
    q: query.q,
    tlp: query.tlp,
    // Quoted, so a label such as "80" is compared as text, not as a number.
    ...(query.label ? { property: [`labels=${JSON.stringify(query.label)}`] } : {}),
    limit: query.limit,
    cursor: query.cursor,
  });
  if (rows.length === 0) return { items: [], nextCursor };
  const ids = [...new Set(rows.map((r) => r.stixId))];
  const counted = await deps.database.db.execute(sql`
    select t.self as id, count(*)::int8 as count from (${linkRowsSql(scope, ids)}) t
    group by t.self`);
  const links = new Map(
    (counted as { rows: { id: string; count: number | string }[] }).rows.map((r) => [
      r.id,
      Number(r.count),
    ]),
  );
  return {
    items: rows.map((r) => {
      const o = JSON.parse(r.body) as Record<string, unknown>;
      return {
        ...summaryOf(r, o),
        description: typeof o.description === 'string' ? o.description : null,
        labels: Array.isArray(o.labels) ? o.labels.filter((l) => typeof l === 'string') : [],
        createdBy: typeof o.created_by_ref === 'string' ? o.created_by_ref : null,
        links: links.get(r.stixId) ?? 0,
      };
    }),
    nextCursor,
  };
}
