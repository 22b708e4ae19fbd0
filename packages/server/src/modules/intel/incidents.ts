/**
 * Incidents and the objects linked to them. An incident in the exchange is a STIX 2.1 `incident`
 * (§4.6) and each link is a STIX `relationship` (§5.1) with the incident at one end, stored in a
 * collection like any other object. Links therefore travel over TAXII with the incident (to
 * MISP, OpenCTI or another Concord node) and carry their own TLP marking; removing a link is
 * the producer revoking its relationship in a new version (§3.2 `revoked`, §3.6).
 *
 * A reader sees a link only when they may see the relationship and the object at its other
 * end (TLP 2.0, store.ts visibleSql); hidden links are absent from lists and counts alike.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import { DomainError, invalid, notFound } from '../../errors';
import { compareTlp, objectKind, strictestTlp, TLP2, type TlpLevel } from '@concord/stix';
import { collectionPolicy } from './access';
import { browseObjects, scopeOf, type ObjectSummary, type Scope } from './browse';
import { storeAuthored, userOf } from './exchange';
import { collectionFor, decodeCursor, encodeCursor } from './service';
import {
  communityReaders,
  isoText,
  pageObjects,
  visibleSql,
  type CollectionRow,
  type ObjectRow,
  type TlpText,
} from './store';

/** STIX 2.1 §5.1: relationship_type is open; `related-to` is the common one for any pair. */
export const DEFAULT_LINK_TYPE = 'related-to';
export const MAX_INITIAL_LINKS = 100;

export interface LinkInput {
  objectId: string;
  relationshipType?: string | undefined;
  description?: string | undefined;
}

export interface IncidentInput {
  collectionId: string;
  name: string;
  description?: string | undefined;
  labels?: string[] | undefined;
  tlp?: TlpLevel | undefined;
  /** Objects to link at once, in the incident's collection, with the incident's TLP or stricter. */
  links?: LinkInput[] | undefined;
}

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

const asTlp = (t: TlpText): TlpLevel => t;

/** An object as the scope sees it: its latest visible version and the collections holding one. */
interface Visible {
  latest: ObjectRow;
  collectionIds: string[];
}

/** The latest version of an object the scope may see, across its collections; null if none. */
async function visibleObject(deps: Deps, scope: Scope, stixId: string): Promise<Visible | null> {
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

async function visibleIncident(deps: Deps, scope: Scope, stixId: string): Promise<Visible> {
  const found = stixId.startsWith('incident--') ? await visibleObject(deps, scope, stixId) : null;
  if (found === null || found.latest.type !== 'incident') throw notFound('Incident');
  return found;
}

/**
 * A link names both its ends, so it must not reach anyone who may not read them: every reader
 * of the link's collection must read a collection holding the object (otherwise its TAXII
 * readers would learn the id of an object hidden from them).
 */
async function assertReadersCovered(
  deps: Deps,
  link: CollectionRow,
  holders: readonly string[],
  field: string,
): Promise<void> {
  if (holders.includes(link.id)) return;
  const db = deps.database.db;
  const res = await db.execute(sql`
    select distinct community_id as id from intel_collections
    where id = any(${sql.param(holders)}::uuid[])`);
  const communities = (res as { rows: { id: string }[] }).rows.map((r) => r.id);
  if (communities.includes(link.communityId)) return;
  const allowed = new Set<string>();
  for (const c of communities) for (const p of await communityReaders(db, c)) allowed.add(p);
  const readers = await communityReaders(db, link.communityId);
  if (readers.some((p) => !allowed.has(p))) {
    throw invalid(
      field,
      `some readers of “${link.title}” may not read the linked object; store the link in a collection of a community that can read both ends`,
    );
  }
}

/** A link says something about both ends, so it is at least as restricted as each. */
function linkTlp(ends: readonly TlpLevel[], given: TlpLevel | undefined): TlpLevel {
  const floor = strictestTlp(ends) ?? 'amber';
  if (given === undefined) return floor;
  if (compareTlp(given, floor) < 0) {
    throw invalid(
      'tlp',
      `must be at least as restricted as the incident and the object (${floor})`,
    );
  }
  return given;
}

/** Only SDOs, SCOs and custom objects may be linked: §5.1 source_ref/target_ref name an SDO or SCO. */
function assertLinkable(row: ObjectRow, field: string): void {
  const kind = objectKind(row.type);
  if (kind !== 'sdo' && kind !== 'sco' && kind !== 'custom') {
    throw invalid(
      field,
      `a ${row.type} cannot be linked (STIX 2.1 §5.1: only domain or cyber-observable objects)`,
    );
  }
}

const markingOf = (tlp: TlpLevel) => [String(TLP2[tlp].id)];

function relationshipObject(
  deps: Deps,
  participantId: string,
  incidentId: string,
  link: LinkInput,
  tlp: TlpLevel,
  now: string,
): Record<string, unknown> & { id: string } {
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: `relationship--${deps.random.uuid()}`,
    created: now,
    modified: now,
    created_by_ref: `identity--${participantId}`,
    relationship_type: link.relationshipType ?? DEFAULT_LINK_TYPE,
    source_ref: incidentId,
    target_ref: link.objectId,
    ...(link.description ? { description: link.description } : {}),
    object_marking_refs: markingOf(tlp),
  };
}

/** A member reports an incident (a STIX incident from their organisation), with its first links. */
export async function reportIncident(
  deps: Deps,
  ctx: RequestContext,
  input: IncidentInput,
): Promise<{ id: string; links: string[] }> {
  const u = userOf(ctx);
  const collection = await collectionFor(deps, ctx.actor, input.collectionId);
  authorize(collectionPolicy, ctx.actor, 'write', collection);
  const links = input.links ?? [];
  if (links.length > MAX_INITIAL_LINKS) {
    throw invalid('links', `at most ${MAX_INITIAL_LINKS} objects may be linked at once`);
  }
  const tlp = input.tlp ?? 'amber';
  const scope = await scopeOf(deps, ctx.actor);
  const seen = new Set<string>();
  const targets: { link: LinkInput; tlp: TlpLevel }[] = [];
  for (const [i, link] of links.entries()) {
    const field = `links/${i}/objectId`;
    if (seen.has(link.objectId)) throw invalid(field, 'is listed twice');
    seen.add(link.objectId);
    // A hidden object answers as a missing one: linking must not reveal that it exists.
    const found = await visibleObject(deps, scope, link.objectId);
    if (found === null) throw invalid(field, 'no object with this id is visible to you');
    assertLinkable(found.latest, field);
    await assertReadersCovered(deps, collection, found.collectionIds, field);
    targets.push({ link, tlp: linkTlp([tlp, asTlp(found.latest.tlp)], undefined) });
  }
  const now = deps.clock.now().toISOString();
  const id = `incident--${deps.random.uuid()}`;
  const incident = {
    type: 'incident',
    spec_version: '2.1',
    id,
    created: now,
    modified: now,
    created_by_ref: `identity--${u.participantId}`,
    name: input.name.trim(),
    ...(input.description?.trim() ? { description: input.description.trim() } : {}),
    ...(input.labels && input.labels.length > 0 ? { labels: input.labels } : {}),
    object_marking_refs: markingOf(tlp),
  };
  const relationships = targets.map((t) =>
    relationshipObject(deps, u.participantId, id, t.link, t.tlp, now),
  );
  await storeAuthored(
    deps,
    ctx,
    collection,
    [incident, ...relationships],
    (failed) => (failed === id ? 'name' : 'links'),
    {
      action: 'intel.incident.report',
      subjectType: 'intel_object',
      subjectId: id,
      details: { collectionId: collection.id, tlp, links: relationships.length },
    },
  );
  return { id, links: relationships.map((r) => r.id) };
}

/**
 * Links an object to an incident: a relationship in the given collection (default: the
 * incident's). Linking the same pair with the same type again returns the existing link.
 */
export async function linkToIncident(
  deps: Deps,
  ctx: RequestContext,
  incidentId: string,
  input: LinkInput & { collectionId?: string | undefined; tlp?: TlpLevel | undefined },
): Promise<{ id: string; created: boolean }> {
  const u = userOf(ctx);
  const scope = await scopeOf(deps, ctx.actor);
  const incident = await visibleIncident(deps, scope, incidentId);
  if (input.objectId === incidentId)
    throw invalid('objectId', 'an incident cannot be linked to itself');
  const found = await visibleObject(deps, scope, input.objectId);
  if (found === null) throw notFound('Object');
  const target = found.latest;
  assertLinkable(target, 'objectId');
  const collection = await collectionFor(
    deps,
    ctx.actor,
    input.collectionId ?? incident.latest.collectionId,
  );
  authorize(collectionPolicy, ctx.actor, 'write', collection);
  const tlp = linkTlp([asTlp(incident.latest.tlp), asTlp(target.tlp)], input.tlp);
  await assertReadersCovered(deps, collection, incident.collectionIds, 'collectionId');
  await assertReadersCovered(deps, collection, found.collectionIds, 'collectionId');
  const type = input.relationshipType ?? DEFAULT_LINK_TYPE;
  const existing = await deps.database.db.execute(sql`
    select r.stix_id as id from intel_objects r
    where r.type = 'relationship' and r.is_latest and r.source_ref = ${incidentId}
      and r.target_ref = ${input.objectId}
      and r.collection_id = any(${sql.param(scope.collectionIds)}::uuid[])
      and ${visibleSql(scope.reader, 'r')}
      and (r.body::jsonb ->> 'revoked') is distinct from 'true'
      and r.body::jsonb ->> 'relationship_type' = ${type}
    limit 1`);
  const same = (existing as { rows: { id: string }[] }).rows[0];
  if (same) return { id: same.id, created: false };

  const now = deps.clock.now().toISOString();
  const rel = relationshipObject(deps, u.participantId, incidentId, input, tlp, now);
  await storeAuthored(deps, ctx, collection, [rel], () => 'relationshipType', {
    action: 'intel.incident.link',
    subjectType: 'intel_object',
    subjectId: incidentId,
    details: { linkId: rel.id, objectId: input.objectId, relationshipType: type, tlp },
  });
  return { id: rel.id, created: true };
}

/**
 * Removes a link: the organisation that made it revokes the relationship with a new version,
 * which TAXII readers receive like any other version. Others get 403 (they can see the link).
 */
export async function unlinkFromIncident(
  deps: Deps,
  ctx: RequestContext,
  incidentId: string,
  linkId: string,
): Promise<void> {
  const u = userOf(ctx);
  const scope = await scopeOf(deps, ctx.actor);
  await visibleIncident(deps, scope, incidentId);
  const link = linkId.startsWith('relationship--')
    ? ((await visibleObject(deps, scope, linkId))?.latest ?? null)
    : null;
  const body = link ? (JSON.parse(link.body) as Record<string, unknown>) : null;
  if (
    link === null ||
    body === null ||
    body.revoked === true ||
    (body.source_ref !== incidentId && body.target_ref !== incidentId)
  ) {
    throw notFound('Link');
  }
  if (link.originParticipantId !== u.participantId) {
    throw new DomainError('FORBIDDEN', 'Only the organisation that made a link may remove it');
  }
  const collection = await collectionFor(deps, ctx.actor, link.collectionId);
  authorize(collectionPolicy, ctx.actor, 'write', collection);
  // §3.6.1: a new version's modified is later than the one it replaces.
  const previous = Date.parse(String(body.modified));
  const modified = new Date(Math.max(deps.clock.now().getTime(), previous + 1)).toISOString();
  const revoked = { ...body, modified, revoked: true };
  await storeAuthored(deps, ctx, collection, [revoked], () => 'linkId', {
    action: 'intel.incident.unlink',
    subjectType: 'intel_object',
    subjectId: incidentId,
    details: {
      linkId,
      objectId: body.source_ref === incidentId ? body.target_ref : body.source_ref,
    },
  });
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

function nameOf(o: Record<string, unknown>): string | null {
  for (const k of ['name', 'value', 'pattern']) if (typeof o[k] === 'string') return o[k];
  return null;
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
  const page = await browseObjects(deps, scope, {
    collectionId: query.collectionId,
    type: ['incident'],
    q: query.q,
    tlp: query.tlp,
    // Quoted, so a label such as "80" is compared as text, not as a number.
    ...(query.label ? { property: [`labels=${JSON.stringify(query.label)}`] } : {}),
    limit: query.limit,
    cursor: query.cursor,
  });
  if (page.items.length === 0) return { items: [], nextCursor: page.nextCursor };
  const ids = [...new Set(page.items.map((i) => i.id))];
  const db = deps.database.db;
  const [counted, bodies] = await Promise.all([
    db.execute(sql`
      select t.self as id, count(*)::int8 as count from (${linkRowsSql(scope, ids)}) t
      group by t.self`),
    pageObjects(db, scope.collectionIds, scope.reader, { ids }, null, 1000),
  ]);
  const links = new Map(
    (counted as { rows: { id: string; count: number | string }[] }).rows.map((r) => [
      r.id,
      Number(r.count),
    ]),
  );
  const onPage = new Set(page.items.map((i) => `${i.collectionId} ${i.id}`));
  const bodyOf = new Map<string, Record<string, unknown>>();
  for (const r of bodies) {
    const key = `${r.collectionId} ${r.stixId}`;
    if (onPage.has(key)) bodyOf.set(key, JSON.parse(r.body) as Record<string, unknown>);
  }
  return {
    items: page.items.map((i) => {
      const o = bodyOf.get(`${i.collectionId} ${i.id}`) ?? {};
      return {
        ...i,
        description: typeof o.description === 'string' ? o.description : null,
        labels: Array.isArray(o.labels) ? o.labels.filter((l) => typeof l === 'string') : [],
        createdBy: typeof o.created_by_ref === 'string' ? o.created_by_ref : null,
        links: links.get(i.id) ?? 0,
      };
    }),
    nextCursor: page.nextCursor,
  };
}
