/** Reading amendments: the list, and one amendment with its diff, endorsements and thread. */
import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { authorize, can } from '../../auth/policy';
import { notFound } from '../../errors';
import { decodeCursor, toPage } from '../../lib/cursor';
import { listDiff, textDiff } from './diff';
import { normPolicy } from './policy';
import {
  commentsOf,
  endorsementsOf,
  findAmendment,
  listAmendments,
  normVersionsOf,
  type AmendmentListRow,
} from './store';
import type { NormCategory } from './vocabulary';

export const presentAmendmentSummary = (a: AmendmentListRow) => ({
  id: a.id,
  kind: a.kind as 'new' | 'change' | 'retire',
  normId: a.normId,
  baseVersion: a.baseVersion,
  title: a.title,
  status: a.status as 'open' | 'adopted' | 'rejected' | 'withdrawn',
  proposedBy: { id: a.proposedByParticipant, name: a.proposerName },
  endorsements: a.endorsements,
  comments: a.comments,
  createdAt: a.createdAt.toISOString(),
  decidedAt: a.decidedAt?.toISOString() ?? null,
});

export interface AmendmentQuery {
  status?: string | undefined;
  normId?: string | undefined;
  kind?: string | undefined;
  proposedBy?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function browseAmendments(deps: Deps, ctx: RequestContext, query: AmendmentQuery) {
  authorize(normPolicy, ctx.actor, 'read', null);
  const cursor = decodeCursor(query.cursor, ['string', 'string']);
  const rows = await listAmendments(
    deps.database.db,
    {
      ...(query.status ? { status: query.status } : {}),
      ...(query.normId ? { normId: query.normId } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.proposedBy ? { proposedBy: query.proposedBy } : {}),
      ...(cursor
        ? { before: { createdAt: new Date(String(cursor[0])), id: String(cursor[1]) } }
        : {}),
    },
    query.limit + 1,
  );
  return toPage(
    rows,
    query.limit,
    (r) => [r.createdAt.toISOString(), r.id],
    presentAmendmentSummary,
  );
}

export interface Content {
  title: string;
  text: string;
  category: string;
  pillar: number;
  sectors: string[];
  termIds: string[];
}

function contentDiff(before: Content | null, after: Content) {
  const b: Content = before ?? {
    title: '',
    text: '',
    category: '',
    pillar: 0,
    sectors: [],
    termIds: [],
  };
  return {
    title: textDiff(b.title, after.title),
    text: textDiff(b.text, after.text),
    category:
      b.category !== after.category && before ? { from: b.category, to: after.category } : null,
    pillar: b.pillar !== after.pillar && before ? { from: b.pillar, to: after.pillar } : null,
    sectors: listDiff(b.sectors, after.sectors),
    termIds: listDiff(b.termIds, after.termIds),
  };
}

export async function getAmendment(deps: Deps, ctx: RequestContext, id: string) {
  authorize(normPolicy, ctx.actor, 'read', null);
  const db = deps.database.db;
  const a = await findAmendment(db, id);
  if (!a) throw notFound('Amendment');
  const [summary] = await listAmendments(db, { id }, 1);
  const versions = await normVersionsOf(db, a.normId);
  const base = a.baseVersion ? (versions.find((v) => v.version === a.baseVersion) ?? null) : null;
  const resulting = a.resultingVersion
    ? versions.find((v) => v.version === a.resultingVersion)
    : a.kind === 'new' && a.status === 'adopted'
      ? versions.find((v) => v.version === 1)
      : undefined;
  const endorsedBy = await endorsementsOf(db, id);
  const thread = await commentsOf(db, id);
  return {
    ...presentAmendmentSummary(
      summary ?? {
        ...a,
        proposerName: '',
        endorsements: endorsedBy.length,
        comments: thread.length,
      },
    ),
    text: a.text,
    category: a.category as NormCategory,
    pillar: a.pillar,
    sectors: a.sectors,
    termIds: a.termIds,
    rationale: a.rationale,
    decisionReason: a.decisionReason,
    resultingVersion: a.resultingVersion,
    diff: contentDiff(a.kind === 'new' ? null : base, a),
    endorsedBy: endorsedBy.map((e) => ({
      participantId: e.participantId,
      name: e.participantName,
      countryCode: e.countryCode,
      at: e.createdAt.toISOString(),
    })),
    thread: thread.map((c) => ({
      id: c.id,
      participantId: c.participantId,
      participantName: c.participantName,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
    })),
    ledgerIndex: resulting?.ledgerIndex ?? null,
    can: {
      comment: can(normPolicy, ctx.actor, 'comment', a),
      endorse: can(normPolicy, ctx.actor, 'endorse', a),
      withdraw: a.status === 'open' && can(normPolicy, ctx.actor, 'withdraw', a),
      decide: a.status === 'open' && can(normPolicy, ctx.actor, 'decide', a),
    },
  };
}
