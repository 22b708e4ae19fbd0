/** The norms catalogue: browse norms, their history and the amendments to each. */
import type { Deps } from '../../deps';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import { notFound } from '../../errors';
import { decodeCursor, toPage, type Page } from '../../lib/cursor';
import { presentAmendmentSummary } from './amendment-view';
import { normPolicy } from './policy';
import {
  findNorm,
  listAmendments,
  listNorms,
  normVersionsOf,
  type NormVersionRow,
  type NormWithVersion,
} from './store';
import {
  NORM_CATEGORIES,
  NORM_STATUSES,
  PILLARS,
  SECTORS,
  type NormCategory,
  type NormStatus,
} from './vocabulary';

export interface NormVersionView {
  version: number;
  title: string;
  text: string;
  category: NormCategory;
  pillar: number;
  pillarName: string;
  sectors: string[];
  termIds: string[];
  amendmentId: string | null;
  ledgerIndex: number | null;
  createdAt: string;
}

export interface NormView {
  id: string;
  status: NormStatus;
  source: string | null;
  position: number;
  currentVersion: number;
  current: NormVersionView;
  updatedAt: string;
}

const presentVersion = (v: NormVersionRow & { ledgerIndex: number | null }): NormVersionView => ({
  version: v.version,
  title: v.title,
  text: v.text,
  category: v.category as NormCategory,
  pillar: v.pillar,
  pillarName: PILLARS[v.pillar - 1] ?? '',
  sectors: v.sectors,
  termIds: v.termIds,
  amendmentId: v.amendmentId,
  ledgerIndex: v.ledgerIndex,
  createdAt: v.createdAt.toISOString(),
});

const presentNorm = (n: NormWithVersion): NormView => ({
  id: n.id,
  status: n.status as NormStatus,
  source: n.source,
  position: n.position,
  currentVersion: n.currentVersion,
  current: presentVersion({ ...n.current, ledgerIndex: n.ledgerIndex }),
  updatedAt: n.updatedAt.toISOString(),
});

export const vocabulary = () => ({
  categories: NORM_CATEGORIES.map((c) => ({ id: c.id, label: c.label })),
  pillars: PILLARS.map((label, i) => ({ id: i + 1, label })),
  sectors: [...SECTORS],
  statuses: [...NORM_STATUSES],
});

export interface NormQuery {
  q?: string | undefined;
  category?: string | undefined;
  pillar?: number | undefined;
  sector?: string | undefined;
  term?: string | undefined;
  status?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function browseNorms(
  deps: Deps,
  ctx: RequestContext,
  query: NormQuery,
): Promise<Page<NormView>> {
  authorize(normPolicy, ctx.actor, 'read', null);
  const cursor = decodeCursor(query.cursor, ['number', 'string']);
  const rows = await listNorms(
    deps.database.db,
    {
      ...(query.q ? { q: query.q } : {}),
      ...(query.category ? { category: query.category } : {}),
      ...(query.pillar !== undefined ? { pillar: query.pillar } : {}),
      ...(query.sector ? { sector: query.sector } : {}),
      ...(query.term ? { term: query.term } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(cursor ? { after: { position: Number(cursor[0]), id: String(cursor[1]) } } : {}),
    },
    query.limit + 1,
  );
  return toPage(rows, query.limit, (r) => [r.position, r.id], presentNorm);
}

/** Every norm in catalogue order (exports; the catalogue is small). */
export async function allNorms(deps: Deps, ctx: RequestContext): Promise<NormView[]> {
  authorize(normPolicy, ctx.actor, 'read', null);
  return (await listNorms(deps.database.db, {}, 10_000)).map(presentNorm);
}

/** A norm with its current version and, newest first, every version. */
export async function loadNorm(
  db: Db,
  id: string,
): Promise<(NormWithVersion & { versions: Awaited<ReturnType<typeof normVersionsOf>> }) | null> {
  const norm = await findNorm(db, id);
  if (!norm) return null;
  const versions = await normVersionsOf(db, id);
  const current = versions.find((v) => v.version === norm.currentVersion);
  if (!current) throw new Error(`norm ${id} has no version ${norm.currentVersion}`);
  return { ...norm, current, ledgerIndex: current.ledgerIndex, versions };
}

export async function getNorm(deps: Deps, ctx: RequestContext, id: string) {
  authorize(normPolicy, ctx.actor, 'read', null);
  const db = deps.database.db;
  const norm = await loadNorm(db, id);
  if (!norm) throw notFound('Norm');
  const amendments = await listAmendments(db, { normId: id }, 200);
  return {
    ...presentNorm(norm),
    versions: norm.versions.map(presentVersion),
    amendments: amendments.map(presentAmendmentSummary),
  };
}
