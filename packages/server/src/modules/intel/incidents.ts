/**
 * Incidents and the objects linked to them: reporting, linking and unlinking (reads are in
 * incident-reads.ts). An incident in the exchange is a STIX 2.1 `incident`
 * (§4.6) and each link is a STIX `relationship` (§5.1) with the incident at one end, stored in a
 * collection like any other object. Links therefore travel over TAXII with the incident (to
 * MISP, OpenCTI or another Concord node) and carry their own TLP marking; removing a link is
 * the producer revoking its relationship in a new version (§3.2 `revoked`, §3.6).
 *
 * A reader sees a link only when they may see the relationship and the object at its other
 * end (TLP 2.0, store.ts visibleSql); hidden links are absent from lists and counts alike.
 */
import { sql } from 'drizzle-orm';
import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import { DomainError, invalid, notFound } from '../../errors';
import { compareTlp, objectKind, strictestTlp, TLP2, type TlpLevel } from '@concord/stix';
import { collectionPolicy } from './access';
import { scopeOf } from './browse';
import { visibleIncident, visibleObject } from './incident-reads';
import { storeAuthored, userOf } from './exchange';
import { collectionFor } from './service';
import { communityReaders, visibleSql, type CollectionRow, type ObjectRow } from './store';

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
    targets.push({ link, tlp: linkTlp([tlp, found.latest.tlp], undefined) });
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
  const tlp = linkTlp([incident.latest.tlp, target.tlp], input.tlp);
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
