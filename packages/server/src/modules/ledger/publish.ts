import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { isObserverOnly } from '../../auth/actor';
import { authorize, definePolicy } from '../../auth/policy';
import { recordAudit } from '../audit/service';
import { recordParticipantStatement } from './service';

/** Any member of a participant except observers may publish its signed statements. */
export const statementPolicy = definePolicy<{ participantId: string }>()({
  publish: (actor, s) =>
    actor.kind === 'user' && actor.participantId === s.participantId && !isObserverOnly(actor),
});

export interface Published {
  index: number | null;
  queued: boolean;
  payloadType: string;
  keyId: string;
}

/**
 * Puts a statement the caller's participant signed (a DSSE envelope) on the record and, when
 * this process sequences, waits for its index.
 */
export async function publishStatement(
  deps: Deps,
  ctx: RequestContext,
  envelope: unknown,
): Promise<Published> {
  const actor = ctx.actor;
  const participantId = actor.kind === 'user' ? actor.participantId : '';
  authorize(statementPolicy, actor, 'publish', { participantId });
  const result = await deps.database.transaction(async (tx) => {
    const pending = await recordParticipantStatement(tx, deps, participantId, envelope, {
      subjectType: 'statement',
    });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'ledger.statement',
      subjectType: 'ledger_entry',
      subjectId: String(pending.queueId),
      subjectParticipantId: participantId,
      details: { payloadType: pending.payloadType, keyId: pending.keyId },
    });
    return pending;
  });
  const index = deps.ledger ? await deps.ledger.indexOf(result.queueId) : null;
  return { index, queued: index === null, payloadType: result.payloadType, keyId: result.keyId };
}
