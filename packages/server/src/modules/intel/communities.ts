/**
 * Sharing communities and their collections: created and maintained by the secretariat's
 * administrators; members see the communities they belong to (all of them: `all-members`).
 */
import { sql } from 'drizzle-orm';
import type { Deps } from '../../deps';
import type { Actor, RequestContext } from '../../auth/actor';
import { isPlatformAdmin } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import { DomainError, invalid, notFound } from '../../errors';
import type { Db } from '../../db/client';
import { recordAudit } from '../audit/service';
import { communityPolicy } from './access';
import { visibleCollections } from './service';
import { countByCollectionAndType, type CollectionRow } from './store';
import { viewerFor } from './service';

export interface MemberInput {
  participantId: string;
  canRead: boolean;
  canWrite: boolean;
}

export interface CommunityView {
  id: string;
  slug: string;
  name: string;
  description: string;
  kind: 'all-members' | 'group' | 'bilateral';
  members: { participantId: string; name: string; canRead: boolean; canWrite: boolean }[];
  collections: { id: string; title: string }[];
  createdAt: string;
}

async function loadCommunities(db: Db, onlyId?: string): Promise<CommunityView[]> {
  const res = await db.execute(sql`
    select m.id, m.slug, m.name, m.description, m.kind, m.created_at as "createdAt",
      coalesce((select json_agg(json_build_object('participantId', cm.participant_id, 'name', p.name,
                                                 'canRead', cm.can_read, 'canWrite', cm.can_write)
                                order by p.name)
                from intel_community_members cm join participants p on p.id = cm.participant_id
                where cm.community_id = m.id), '[]'::json) as members,
      coalesce((select json_agg(json_build_object('id', c.id, 'title', c.title) order by c.title)
                from intel_collections c where c.community_id = m.id), '[]'::json) as collections
    from intel_communities m
    where ${onlyId === undefined ? sql`true` : sql`m.id = ${onlyId}::uuid`}
    order by m.name`);
  return (
    res as {
      rows: (Omit<CommunityView, 'createdAt'> & {
        createdAt: Date | string;
        members: unknown;
        collections: unknown;
      })[];
    }
  ).rows.map((r) => ({
    ...r,
    members: (typeof r.members === 'string'
      ? JSON.parse(r.members)
      : r.members) as CommunityView['members'],
    collections: (typeof r.collections === 'string'
      ? JSON.parse(r.collections)
      : r.collections) as CommunityView['collections'],
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}

const visibleTo = (actor: Actor, c: CommunityView) =>
  actor.kind === 'system' ||
  isPlatformAdmin(actor) ||
  c.kind === 'all-members' ||
  c.members.some((m) => m.participantId === actor.participantId);

/** Communities the caller belongs to (all of them for the secretariat's administrators). */
export async function listCommunities(deps: Deps, actor: Actor): Promise<CommunityView[]> {
  return (await loadCommunities(deps.database.db)).filter((c) => visibleTo(actor, c));
}

export async function getCommunity(deps: Deps, actor: Actor, id: string): Promise<CommunityView> {
  const [c] = UUID.test(id) ? await loadCommunities(deps.database.db, id) : [];
  if (!c || !visibleTo(actor, c)) throw notFound('Community');
  return c;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function checkMembers(db: Db, kind: string, members: readonly MemberInput[]): Promise<void> {
  const ids = members.map((m) => m.participantId);
  if (new Set(ids).size !== ids.length) throw invalid('members', 'lists a participant twice');
  if (kind === 'bilateral' && members.length !== 2) {
    throw invalid('members', 'a bilateral channel has exactly two participants');
  }
  if (kind === 'all-members' && members.length > 0) {
    throw invalid('members', 'an all-members community includes every participant; list none');
  }
  if (ids.length === 0) return;
  const res = await db.execute(
    sql`select id from participants where id = any(${sql.param(ids)}::uuid[])`,
  );
  const found = new Set((res as { rows: { id: string }[] }).rows.map((r) => r.id));
  ids.forEach((id, i) => {
    if (!found.has(id)) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `members.${i}.participantId: no such participant`,
        {
          fieldErrors: [{ field: `members.${i}.participantId`, message: 'no such participant' }],
        },
      );
    }
  });
}

async function writeMembers(
  db: Db,
  communityId: string,
  members: readonly MemberInput[],
  at: Date,
) {
  await db.execute(
    sql`delete from intel_community_members where community_id = ${communityId}::uuid`,
  );
  if (members.length === 0) return;
  await db.execute(sql`
    insert into intel_community_members (community_id, participant_id, can_read, can_write, added_at)
    select ${communityId}::uuid, r.p, r.r, r.w, ${at.toISOString()}::timestamptz
    from unnest(${sql.param(members.map((m) => m.participantId))}::uuid[],
                ${sql.param(members.map((m) => m.canRead))}::bool[],
                ${sql.param(members.map((m) => m.canWrite))}::bool[]) as r(p, r, w)`);
}

export async function createCommunity(
  deps: Deps,
  ctx: RequestContext,
  input: {
    slug: string;
    name: string;
    description?: string;
    kind: CommunityView['kind'];
    members: MemberInput[];
  },
): Promise<CommunityView> {
  authorize(communityPolicy, ctx.actor, 'manage', null);
  const id = deps.random.uuid();
  await deps.database.transaction(async (tx) => {
    const taken = await tx.execute(sql`select 1 from intel_communities where slug = ${input.slug}`);
    if ((taken as { rows: unknown[] }).rows.length > 0) {
      throw new DomainError('CONFLICT', `slug: a community '${input.slug}' exists`, {
        fieldErrors: [{ field: 'slug', message: 'is taken' }],
      });
    }
    await checkMembers(tx, input.kind, input.members);
    const now = deps.clock.now();
    await tx.execute(sql`
      insert into intel_communities (id, slug, name, description, kind, created_at, created_by)
      values (${id}::uuid, ${input.slug}, ${input.name}, ${input.description ?? ''}, ${input.kind},
              ${now.toISOString()}::timestamptz, ${ctx.actor.kind === 'user' ? ctx.actor.userId : null}::uuid)`);
    await writeMembers(tx, id, input.members, now);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'intel.community.create',
      subjectType: 'intel_community',
      subjectId: id,
      details: { slug: input.slug, kind: input.kind, members: input.members.length },
    });
  });
  return getCommunity(deps, ctx.actor, id);
}

export async function setCommunityMembers(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  members: MemberInput[],
): Promise<CommunityView> {
  authorize(communityPolicy, ctx.actor, 'manage', null);
  const current = await getCommunity(deps, ctx.actor, id);
  await deps.database.transaction(async (tx) => {
    await checkMembers(tx, current.kind, members);
    await writeMembers(tx, id, members, deps.clock.now());
    await recordAudit(tx, deps.clock, ctx, {
      action: 'intel.community.members',
      subjectType: 'intel_community',
      subjectId: id,
      details: { members: members.map((m) => ({ ...m })) },
    });
  });
  return getCommunity(deps, ctx.actor, id);
}

export interface CollectionView {
  id: string;
  title: string;
  description: string;
  alias: string | null;
  community: { id: string; name: string; kind: string };
  canRead: boolean;
  canWrite: boolean;
  createdAt: string;
  /** Objects the caller may see, by type (latest versions). */
  counts: { type: string; count: number }[];
  total: number;
}

export async function presentCollections(
  deps: Deps,
  actor: Actor,
  rows: CollectionRow[],
): Promise<CollectionView[]> {
  const viewer = viewerFor(actor);
  const countable = rows.filter((c) => c.canRead || actor.kind === 'system').map((c) => c.id);
  const countsOf = await countByCollectionAndType(deps.database.db, countable, viewer);
  return rows.map((c) => {
    const counts = countsOf.get(c.id) ?? [];
    return {
      id: c.id,
      title: c.title,
      description: c.description,
      alias: c.alias,
      community: { id: c.communityId, name: c.communityName, kind: c.communityKind },
      canRead: c.canRead,
      canWrite: c.canWrite,
      createdAt: c.createdAt.toISOString(),
      counts,
      total: counts.reduce((n, x) => n + x.count, 0),
    };
  });
}

export async function listCollectionViews(deps: Deps, actor: Actor): Promise<CollectionView[]> {
  return presentCollections(deps, actor, await visibleCollections(deps, actor));
}

export async function createCollection(
  deps: Deps,
  ctx: RequestContext,
  input: {
    communityId: string;
    title: string;
    description?: string;
    alias?: string | null;
    id?: string;
  },
): Promise<string> {
  authorize(communityPolicy, ctx.actor, 'manage', null);
  await getCommunity(deps, ctx.actor, input.communityId).catch(() => {
    throw invalid('communityId', 'no such community');
  });
  const id = input.id ?? deps.random.uuid();
  await deps.database.transaction(async (tx) => {
    if (input.alias) {
      const taken = await tx.execute(
        sql`select 1 from intel_collections where alias = ${input.alias}`,
      );
      if ((taken as { rows: unknown[] }).rows.length > 0) {
        throw new DomainError('CONFLICT', `alias: a collection '${input.alias}' exists`, {
          fieldErrors: [{ field: 'alias', message: 'is taken' }],
        });
      }
    }
    await tx.execute(sql`
      insert into intel_collections (id, community_id, alias, title, description, created_at, created_by)
      values (${id}::uuid, ${input.communityId}::uuid, ${input.alias ?? null}, ${input.title},
              ${input.description ?? ''}, ${deps.clock.now().toISOString()}::timestamptz,
              ${ctx.actor.kind === 'user' ? ctx.actor.userId : null}::uuid)`);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'intel.collection.create',
      subjectType: 'intel_collection',
      subjectId: id,
      details: { communityId: input.communityId, title: input.title },
    });
  });
  return id;
}
