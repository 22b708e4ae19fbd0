import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import { DomainError, invalid, notFound } from '../../errors';
import { isUniqueViolation } from '../../db/errors';
import { recordAudit } from '../audit/service';
import { participantPolicy } from '../participants/policy';
import { findParticipant } from '../participants/store';
import { keyFingerprint, parseEd25519PublicKey } from './ed25519';
import { findKey, insertKey, listKeys, revokeKey, type KeyRow } from './store';

export interface KeyView {
  id: string;
  participantId: string;
  label: string;
  algorithm: 'ed25519';
  publicKey: string;
  fingerprint: string;
  status: 'active' | 'revoked';
  createdAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
}

export const presentKey = (k: KeyRow): KeyView => ({
  id: k.id,
  participantId: k.participantId,
  label: k.label,
  algorithm: 'ed25519',
  publicKey: k.publicKey,
  fingerprint: k.fingerprint,
  status: k.status as KeyView['status'],
  createdAt: k.createdAt.toISOString(),
  revokedAt: k.revokedAt?.toISOString() ?? null,
  revokedReason: k.revokedReason,
});

export async function browseKeys(
  deps: Deps,
  ctx: RequestContext,
  participantId: string,
): Promise<KeyView[]> {
  const p = await findParticipant(deps.database.db, participantId);
  if (!p) throw notFound('Participant');
  authorize(participantPolicy, ctx.actor, 'read', p);
  return (await listKeys(deps.database.db, participantId)).map(presentKey);
}

/** Registers a participant's Ed25519 public key (used to sign its regime statements). */
export async function registerKey(
  deps: Deps,
  ctx: RequestContext,
  participantId: string,
  input: { label: string; publicKey: string },
): Promise<KeyView> {
  const parsed = parseEd25519PublicKey(input.publicKey);
  if (!parsed.ok) throw invalid('publicKey', parsed.message);
  try {
    return await deps.database.transaction(async (tx) => {
      const p = await findParticipant(tx, participantId);
      if (!p) throw notFound('Participant');
      authorize(participantPolicy, ctx.actor, 'manage_keys', p);
      const now = deps.clock.now();
      const row: KeyRow = {
        id: deps.random.uuid(),
        participantId,
        label: input.label.trim(),
        algorithm: 'ed25519',
        publicKey: parsed.raw.toString('base64'),
        fingerprint: keyFingerprint(parsed.raw),
        status: 'active',
        createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
        createdAt: now,
        revokedAt: null,
        revokedReason: null,
      };
      await insertKey(tx, row);
      await recordAudit(tx, deps.clock, ctx, {
        action: 'key.register',
        subjectType: 'participant_key',
        subjectId: row.id,
        subjectParticipantId: participantId,
        details: { label: row.label, fingerprint: row.fingerprint },
      });
      return presentKey(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new DomainError('KEY_EXISTS', 'publicKey: this key is already registered', {
        fieldErrors: [{ field: 'publicKey', message: 'is already registered' }],
      });
    }
    throw err;
  }
}

export async function revokeParticipantKey(
  deps: Deps,
  ctx: RequestContext,
  participantId: string,
  keyId: string,
  reason: string,
): Promise<KeyView> {
  return deps.database.transaction(async (tx) => {
    const p = await findParticipant(tx, participantId);
    if (!p) throw notFound('Participant');
    authorize(participantPolicy, ctx.actor, 'manage_keys', p);
    const key = await findKey(tx, participantId, keyId);
    if (!key) throw notFound('Key');
    if (key.revokedAt) throw new DomainError('ALREADY_REVOKED', 'This key was already revoked');
    const now = deps.clock.now();
    await revokeKey(tx, keyId, now, reason.trim());
    await recordAudit(tx, deps.clock, ctx, {
      action: 'key.revoke',
      subjectType: 'participant_key',
      subjectId: keyId,
      subjectParticipantId: participantId,
      details: { reason: reason.trim(), fingerprint: key.fingerprint },
    });
    return presentKey({ ...key, status: 'revoked', revokedAt: now, revokedReason: reason.trim() });
  });
}
