/**
 * Reading doctrines. Every read takes the viewer: a signed-in actor, or null for the public
 * (the portal). A version the viewer may not read is treated as absent (404), never as 403,
 * so its existence does not leak.
 */
import type { Deps } from '../../deps';
import type { Actor, RequestContext } from '../../auth/actor';
import { notFound } from '../../errors';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage, type Page } from '../../lib/cursor';
import { doctrineDiff, type DoctrineDiff } from './diff';
import type { Visibility } from './document';
import { visibleTo } from './policy';
import {
  presentSummary,
  presentVersion,
  type DoctrineSummaryView,
  type DoctrineVersionView,
} from './present';
import {
  commitmentsOf,
  findParticipantRef,
  findVersion,
  listLatest,
  listVersions,
  type CommitmentRow,
  type VersionWithRefs,
} from './store';

export interface DoctrineQuery {
  participantId?: string | undefined;
  participantKind?: string | undefined;
  visibility?: Visibility | undefined;
  normId?: string | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

async function withCommitments(
  deps: Deps,
  rows: VersionWithRefs[],
): Promise<Map<string, CommitmentRow[]>> {
  const all = await commitmentsOf(
    deps.database.db,
    rows.map((r) => r.id),
  );
  const out = new Map<string, CommitmentRow[]>();
  for (const c of all) out.set(c.doctrineVersionId, [...(out.get(c.doctrineVersionId) ?? []), c]);
  return out;
}

async function latestFor(
  deps: Deps,
  viewer: Actor | null,
  query: DoctrineQuery,
): Promise<Page<DoctrineSummaryView>> {
  const cursor = decodeCursor(query.cursor, ['string', 'string']);
  const rows = await listLatest(
    deps.database.db,
    visibleTo(viewer),
    {
      ...(query.participantId ? { participantId: query.participantId } : {}),
      ...(query.participantKind ? { participantKind: query.participantKind } : {}),
      ...(query.visibility ? { visibility: query.visibility } : {}),
      ...(query.normId ? { normId: query.normId } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(cursor ? { after: { name: String(cursor[0]), id: String(cursor[1]) } } : {}),
    },
    query.limit + 1,
  );
  const commitments = await withCommitments(deps, rows.slice(0, query.limit));
  return toPage(
    rows,
    query.limit,
    (r) => [r.participant.name.toLowerCase(), r.participant.id],
    (r) => presentSummary(r, commitments.get(r.id) ?? []),
  );
}

/** Each participant's latest version the caller may read, in participant-name order. */
export function browseDoctrines(
  deps: Deps,
  ctx: RequestContext,
  query: DoctrineQuery,
): Promise<Page<DoctrineSummaryView>> {
  return latestFor(deps, ctx.actor, query);
}

/** For the public portal: each participant's latest public version, and nothing else. */
export function publicDoctrines(
  deps: Deps,
  query: Omit<DoctrineQuery, 'visibility' | 'limit'> & { limit?: number } = {},
): Promise<Page<DoctrineSummaryView>> {
  return latestFor(deps, null, { ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE });
}

export interface VersionsQuery {
  visibility?: Visibility | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** A participant's versions the caller may read, newest first. */
export async function listDoctrineVersions(
  deps: Deps,
  ctx: RequestContext,
  participantId: string,
  query: VersionsQuery,
): Promise<Page<DoctrineSummaryView>> {
  const db = deps.database.db;
  if (!(await findParticipantRef(db, participantId))) throw notFound('Participant');
  const cursor = decodeCursor(query.cursor, ['number']);
  const rows = await listVersions(
    db,
    participantId,
    visibleTo(ctx.actor),
    {
      ...(query.visibility ? { visibility: query.visibility } : {}),
      ...(cursor ? { before: Number(cursor[0]) } : {}),
    },
    query.limit + 1,
  );
  const commitments = await withCommitments(deps, rows.slice(0, query.limit));
  return toPage(
    rows,
    query.limit,
    (r) => [r.version],
    (r) => presentSummary(r, commitments.get(r.id) ?? []),
  );
}

async function visibleVersion(
  deps: Deps,
  viewer: Actor | null,
  participantId: string,
  version: number,
): Promise<DoctrineVersionView> {
  const row = await findVersion(deps.database.db, participantId, version);
  if (!row || !visibleTo(viewer).includes(row.visibility as Visibility)) {
    throw notFound('Doctrine version');
  }
  return presentVersion(row, await commitmentsOf(deps.database.db, [row.id]));
}

/** One version in full: the signed envelope, its key and where it is in the ledger. */
export function getDoctrineVersion(
  deps: Deps,
  ctx: RequestContext,
  participantId: string,
  version: number,
): Promise<DoctrineVersionView> {
  return visibleVersion(deps, ctx.actor, participantId, version);
}

/** For the public portal: one public version (community versions are not found). */
export function publicDoctrineVersion(
  deps: Deps,
  participantId: string,
  version: number,
): Promise<DoctrineVersionView> {
  return visibleVersion(deps, null, participantId, version);
}

const content = (v: DoctrineVersionView) => ({
  version: v.version,
  title: v.title,
  summary: v.summary,
  visibility: v.visibility,
  redLines: v.redLines,
  thresholds: v.thresholds,
  permissibleDefence: v.permissibleDefence,
  commitments: v.commitments.map((c) => ({
    normId: c.normId,
    statement: c.statement,
    conditions: c.conditions ?? '',
  })),
});

/** What changed from one version to another, both of which the caller may read. */
export async function diffDoctrine(
  deps: Deps,
  ctx: RequestContext,
  participantId: string,
  from: number,
  to: number,
): Promise<DoctrineDiff> {
  const a = await visibleVersion(deps, ctx.actor, participantId, from);
  const b = await visibleVersion(deps, ctx.actor, participantId, to);
  return doctrineDiff(content(a), content(b));
}
