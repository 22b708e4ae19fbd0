/**
 * Commitments across participants: the norms × participants matrix (API, CSV, CLI export)
 * and, per norm, who committed to it. Taken from each participant's latest version the viewer
 * may read (null viewer: the public, public versions only).
 */
import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { notFound } from '../../errors';
import type { ParticipantKind } from '../../auth/roles';
import { buildMatrix, matrixToCsv, type CommitmentsMatrix } from './matrix';
import { PUBLISHING_KINDS, visibleTo } from './policy';
import { presentParticipant, type DoctrineParticipant } from './present';
import type { Visibility } from './document';
import { latestCommitments, matrixNorms, matrixParticipants, normExists } from './store';

export interface MatrixFilters {
  category?: string | undefined;
  pillar?: number | undefined;
  /** Norm status: proposed, adopted, retired. */
  status?: string | undefined;
  normId?: string | undefined;
  participantKind?: ParticipantKind | undefined;
  participantId?: string | undefined;
}

const viewerOf = (ctx: RequestContext | null) => (ctx === null ? null : ctx.actor);

export async function commitmentsMatrix(
  deps: Deps,
  ctx: RequestContext | null,
  filters: MatrixFilters = {},
): Promise<CommitmentsMatrix> {
  const db = deps.database.db;
  const visible = visibleTo(viewerOf(ctx));
  const kinds = filters.participantKind
    ? PUBLISHING_KINDS.filter((k) => k === filters.participantKind)
    : PUBLISHING_KINDS;
  const norms = await matrixNorms(db, {
    ...(filters.normId ? { normId: filters.normId } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.pillar !== undefined ? { pillar: filters.pillar } : {}),
    ...(filters.status ? { status: filters.status } : {}),
  });
  const participants =
    kinds.length === 0 ? [] : await matrixParticipants(db, kinds, visible, filters.participantId);
  const commitments = await latestCommitments(db, visible, filters.normId);
  return buildMatrix(
    norms,
    participants.map((p) => ({
      ...p,
      kind: p.kind as ParticipantKind,
      version: p.version === null ? null : Number(p.version),
    })),
    commitments.map((c) => ({
      participantId: c.participant.id,
      normId: c.normId,
      conditions: c.conditions,
    })),
  );
}

/** The matrix as RFC 4180 CSV: one row per norm, one column per participant. */
export async function matrixCsv(
  deps: Deps,
  ctx: RequestContext | null,
  filters: MatrixFilters = {},
): Promise<string> {
  return matrixToCsv(await commitmentsMatrix(deps, ctx, filters));
}

export interface NormCommitmentView {
  participant: DoctrineParticipant;
  version: number;
  visibility: Visibility;
  publishedAt: string;
  statement: string;
  conditions: string | null;
}

/** Who committed to a norm, and how, in their latest doctrine the viewer may read. */
export async function commitmentsForNorm(
  deps: Deps,
  ctx: RequestContext | null,
  normId: string,
): Promise<NormCommitmentView[]> {
  const db = deps.database.db;
  if (!(await normExists(db, normId))) throw notFound('Norm');
  const rows = await latestCommitments(db, visibleTo(viewerOf(ctx)), normId);
  return rows.map((c) => ({
    participant: presentParticipant(c.participant),
    version: c.version,
    visibility: c.visibility as Visibility,
    publishedAt: c.publishedAt.toISOString(),
    statement: c.statement,
    conditions: c.conditions === '' ? null : c.conditions,
  }));
}
