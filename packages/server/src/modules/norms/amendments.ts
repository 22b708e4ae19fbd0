/**
 * Amendments to the catalogue: proposed by any participant, discussed, endorsed by states and
 * decided by the secretariat. Adopting one creates a norm version (or a norm, or retires one)
 * and a ledger entry signed by the node, in the decision's transaction. Nothing is deleted.
 */
import { inArray } from 'drizzle-orm';
import type { Deps } from '../../deps';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import { DomainError, notFound } from '../../errors';
import { isUniqueViolation } from '../../db/errors';
import { glossaryTerms } from '../../db/schema';
import { recordAudit } from '../audit/service';
import { recordNodeStatement } from '../ledger/service';
import { getAmendment, type Content } from './amendment-view';
import { NormError } from './errors';
import { normPolicy } from './policy';
import { loadNorm } from './service';
import {
  findAmendment,
  findNorm,
  insertAmendment,
  insertComment,
  insertEndorsement,
  insertNorm,
  insertNormVersion,
  nextPosition,
  setVersionLedgerEntry,
  updateAmendment,
  updateNorm,
  type AmendmentRow,
} from './store';
import { NORM_DECISION_TYPE } from './vocabulary';

export type ProposeInput =
  | ({ kind: 'new'; normId: string; rationale: string } & Content)
  | ({ kind: 'change'; normId: string; baseVersion: number; rationale: string } & Partial<Content>)
  | { kind: 'retire'; normId: string; baseVersion: number; rationale: string };

async function checkTerms(db: Db, termIds: string[]): Promise<void> {
  if (termIds.length === 0) return;
  const found = new Set(
    (
      await db
        .select({ id: glossaryTerms.id })
        .from(glossaryTerms)
        .where(inArray(glossaryTerms.id, termIds))
    ).map((r) => r.id),
  );
  const i = termIds.findIndex((t) => !found.has(t));
  if (i >= 0) {
    throw new NormError('UNKNOWN_TERM', `termIds[${i}]: '${termIds[i]}' is not a glossary term`, {
      fieldErrors: [{ field: `termIds[${i}]`, message: `'${termIds[i]}' is not a glossary term` }],
    });
  }
}

const userOf = (ctx: RequestContext) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);

function proposerOf(ctx: RequestContext): string {
  if (ctx.actor.kind === 'user') return ctx.actor.participantId;
  throw new DomainError('FORBIDDEN', 'Only a participant can do this');
}

const sameContent = (a: Content, b: Content) =>
  a.title === b.title &&
  a.text === b.text &&
  a.category === b.category &&
  a.pillar === b.pillar &&
  a.sectors.join() === b.sectors.join() &&
  a.termIds.join() === b.termIds.join();

/** Proposes a new norm, a change to a norm (against its current version) or its retirement. */
export async function proposeAmendment(deps: Deps, ctx: RequestContext, input: ProposeInput) {
  authorize(normPolicy, ctx.actor, 'propose', null);
  const participantId = proposerOf(ctx);
  const id = deps.random.uuid();
  const now = deps.clock.now();
  try {
    await deps.database.transaction(async (tx) => {
      let content: Content;
      let baseVersion: number | null = null;
      if (input.kind === 'new') {
        if (await findNorm(tx, input.normId)) {
          throw new NormError('NORM_EXISTS', `normId: ${input.normId} exists`, {
            fieldErrors: [{ field: 'normId', message: 'a norm with this identifier exists' }],
          });
        }
        content = {
          title: input.title,
          text: input.text,
          category: input.category,
          pillar: input.pillar,
          sectors: input.sectors,
          termIds: input.termIds,
        };
        // The proposed norm is visible in the catalogue as 'proposed' while it is discussed.
        await insertNorm(tx, {
          id: input.normId,
          status: 'proposed',
          currentVersion: 1,
          source: null,
          position: await nextPosition(tx),
          createdAt: now,
          updatedAt: now,
        });
        await insertNormVersion(tx, {
          normId: input.normId,
          version: 1,
          ...content,
          amendmentId: id,
          createdAt: now,
        });
      } else {
        const norm = await loadNorm(tx, input.normId);
        if (!norm) throw notFound('Norm');
        if (norm.status !== 'adopted') {
          throw new NormError('NORM_NOT_ADOPTED', `normId: ${input.normId} is ${norm.status}`, {
            fieldErrors: [{ field: 'normId', message: `the norm is ${norm.status}` }],
          });
        }
        if (input.baseVersion !== norm.currentVersion) {
          throw new NormError(
            'AMENDMENT_STALE',
            `baseVersion: the current version of ${norm.id} is ${norm.currentVersion}`,
            {
              fieldErrors: [
                { field: 'baseVersion', message: `the current version is ${norm.currentVersion}` },
              ],
            },
          );
        }
        baseVersion = norm.currentVersion;
        const cur = norm.current;
        const given: Partial<Content> = input.kind === 'change' ? input : {};
        content = {
          title: given.title ?? cur.title,
          text: given.text ?? cur.text,
          category: given.category ?? cur.category,
          pillar: given.pillar ?? cur.pillar,
          sectors: given.sectors ?? cur.sectors,
          termIds: given.termIds ?? cur.termIds,
        };
        if (input.kind === 'change' && sameContent(content, cur)) {
          throw new NormError('NO_CHANGE', 'The proposed version is the same as the current one');
        }
      }
      await checkTerms(tx, content.termIds);
      await insertAmendment(tx, {
        id,
        kind: input.kind,
        normId: input.normId,
        baseVersion,
        ...content,
        rationale: input.rationale,
        status: 'open',
        proposedByParticipant: participantId,
        proposedByUser: userOf(ctx),
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, deps.clock, ctx, {
        action: 'norm.amendment.propose',
        subjectType: 'norm_amendment',
        subjectId: id,
        subjectParticipantId: participantId,
        details: { kind: input.kind, normId: input.normId, baseVersion },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err) && input.kind === 'new') {
      throw new NormError('NORM_EXISTS', `normId: ${input.normId} exists`, {
        fieldErrors: [{ field: 'normId', message: 'a norm with this identifier exists' }],
      });
    }
    throw err;
  }
  return getAmendment(deps, ctx, id);
}

async function openAmendment(tx: Db, id: string): Promise<AmendmentRow> {
  const a = await findAmendment(tx, id, true);
  if (!a) throw notFound('Amendment');
  return a;
}

function mustBeOpen(a: AmendmentRow): void {
  if (a.status !== 'open') throw new NormError('AMENDMENT_CLOSED', `The amendment is ${a.status}`);
}

export async function commentOnAmendment(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  body: string,
) {
  await deps.database.transaction(async (tx) => {
    const a = await openAmendment(tx, id);
    mustBeOpen(a);
    authorize(normPolicy, ctx.actor, 'comment', a);
    const participantId = proposerOf(ctx);
    const commentId = deps.random.uuid();
    await insertComment(tx, {
      id: commentId,
      amendmentId: id,
      participantId,
      userId: userOf(ctx),
      body: body.trim(),
      createdAt: deps.clock.now(),
    });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'norm.amendment.comment',
      subjectType: 'norm_amendment',
      subjectId: id,
      subjectParticipantId: a.proposedByParticipant,
      details: { commentId },
    });
  });
  return getAmendment(deps, ctx, id);
}

export async function endorseAmendment(deps: Deps, ctx: RequestContext, id: string) {
  await deps.database.transaction(async (tx) => {
    const a = await openAmendment(tx, id);
    mustBeOpen(a);
    authorize(normPolicy, ctx.actor, 'endorse', a);
    const participantId = proposerOf(ctx);
    const added = await insertEndorsement(tx, {
      amendmentId: id,
      participantId,
      userId: userOf(ctx),
      createdAt: deps.clock.now(),
    });
    if (!added)
      throw new NormError(
        'ALREADY_ENDORSED',
        'Your participant has already endorsed this amendment',
      );
    await recordAudit(tx, deps.clock, ctx, {
      action: 'norm.amendment.endorse',
      subjectType: 'norm_amendment',
      subjectId: id,
      subjectParticipantId: a.proposedByParticipant,
    });
  });
  return getAmendment(deps, ctx, id);
}

export async function withdrawAmendment(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  reason: string,
) {
  await deps.database.transaction(async (tx) => {
    const a = await openAmendment(tx, id);
    authorize(normPolicy, ctx.actor, 'withdraw', a);
    mustBeOpen(a);
    const now = deps.clock.now();
    await updateAmendment(tx, id, {
      status: 'withdrawn',
      decisionReason: reason.trim(),
      decidedAt: now,
      decidedByUser: userOf(ctx),
      updatedAt: now,
    });
    if (a.kind === 'new') await updateNorm(tx, a.normId, { status: 'withdrawn', updatedAt: now });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'norm.amendment.withdraw',
      subjectType: 'norm_amendment',
      subjectId: id,
      subjectParticipantId: a.proposedByParticipant,
      details: { reason },
    });
  });
  return getAmendment(deps, ctx, id);
}

/**
 * The secretariat's decision. Adoption of a change is refused when the norm moved on since the
 * amendment was written (another amendment was adopted first): the proposer must rebase.
 */
export async function decideAmendment(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: { decision: 'adopted' | 'rejected'; reason: string },
) {
  let queueId: number | null = null;
  await deps.database.transaction(async (tx) => {
    const a = await openAmendment(tx, id);
    authorize(normPolicy, ctx.actor, 'decide', a);
    mustBeOpen(a);
    const now = deps.clock.now();
    const norm = await findNorm(tx, a.normId, true);
    if (!norm) throw new Error(`amendment ${id} names a missing norm ${a.normId}`);
    let resultingVersion: number | null = null;
    if (input.decision === 'adopted') {
      if (
        a.kind !== 'new' &&
        (norm.status !== 'adopted' || norm.currentVersion !== a.baseVersion)
      ) {
        throw new NormError(
          'AMENDMENT_STALE',
          `${a.normId} is now at version ${norm.currentVersion} (${norm.status}); the amendment was written against version ${a.baseVersion}`,
        );
      }
      resultingVersion = a.kind === 'change' ? norm.currentVersion + 1 : norm.currentVersion;
    }
    const content = {
      title: a.title,
      text: a.text,
      category: a.category,
      pillar: a.pillar,
      sectors: a.sectors,
      termIds: a.termIds,
    };
    const pending = await recordNodeStatement(
      tx,
      deps,
      NORM_DECISION_TYPE,
      {
        decision: input.decision,
        amendment: { id: a.id, kind: a.kind, proposedBy: a.proposedByParticipant },
        norm: { id: a.normId, version: resultingVersion ?? a.baseVersion, ...content },
        reason: input.reason,
        at: now.toISOString(),
      },
      { subjectType: 'norm', subjectId: a.normId },
    );
    queueId = pending.queueId;
    if (input.decision === 'adopted') {
      if (a.kind === 'change') {
        await insertNormVersion(tx, {
          normId: a.normId,
          version: resultingVersion!,
          ...content,
          amendmentId: a.id,
          ledgerQueueId: pending.queueId,
          createdAt: now,
        });
        await updateNorm(tx, a.normId, { currentVersion: resultingVersion!, updatedAt: now });
      } else {
        await updateNorm(tx, a.normId, {
          status: a.kind === 'new' ? 'adopted' : 'retired',
          updatedAt: now,
        });
        if (a.kind === 'new') await setVersionLedgerEntry(tx, a.normId, 1, pending.queueId);
      }
    } else if (a.kind === 'new') {
      await updateNorm(tx, a.normId, { status: 'rejected', updatedAt: now });
    }
    await updateAmendment(tx, id, {
      status: input.decision,
      decisionReason: input.reason.trim(),
      decidedAt: now,
      decidedByUser: userOf(ctx),
      resultingVersion,
      updatedAt: now,
    });
    await recordAudit(tx, deps.clock, ctx, {
      action: `norm.amendment.${input.decision === 'adopted' ? 'adopt' : 'reject'}`,
      subjectType: 'norm_amendment',
      subjectId: id,
      subjectParticipantId: a.proposedByParticipant,
      details: { normId: a.normId, kind: a.kind, resultingVersion, reason: input.reason },
    });
  });
  if (queueId !== null && deps.ledger) await deps.ledger.indexOf(queueId);
  return getAmendment(deps, ctx, id);
}
