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
import { recordNodeStatement } from '../ledger/service';
import type { Db } from '../../db/client';
import type { ParticipantWithCount } from '../participants/store';

/** Key transparency: every registration, rotation and revocation is a ledger statement. */
export const KEY_EVENT_TYPE = 'application/vnd.concord.key-event+json';

const keyJson = (k: KeyRow) => ({
  id: k.id,
  fingerprint: k.fingerprint,
  publicKey: k.publicKey,
  algorithm: k.algorithm,
  label: k.label,
});

async function logKeyEvent(
  tx: Db,
  deps: Deps,
  event: 'register' | 'revoke' | 'rotate',
  participant: ParticipantWithCount,
  key: KeyRow,
  extra: { previousKey?: KeyRow; reason?: string } = {},
) {
  return recordNodeStatement(
    tx,
    deps,
    KEY_EVENT_TYPE,
    {
      event,
      participant: {
        id: participant.id,
        name: participant.name,
        kind: participant.kind,
        countryCode: participant.countryCode,
      },
      key: keyJson(key),
      ...(extra.previousKey ? { previousKey: keyJson(extra.previousKey) } : {}),
      ...(extra.reason ? { reason: extra.reason } : {}),
      at: deps.clock.now().toISOString(),
    },
    { participantId: participant.id, subjectType: 'participant_key', subjectId: key.id },
  );
}

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
  /** On changes: the ledger index of the key event, once sequenced (null when no sequencer runs). */
  ledgerIndex?: number | null;
}

/** Waits for the sequencer to log a queued entry; null when this process runs none. */
const indexOf = async (deps: Deps, queueId: number): Promise<number | null> =>
  deps.ledger ? deps.ledger.indexOf(queueId) : null;

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

const keyExists = () =>
  new DomainError('KEY_EXISTS', 'publicKey: this key is already registered', {
    fieldErrors: [{ field: 'publicKey', message: 'is already registered' }],
  });

function newKeyRow(
  deps: Deps,
  ctx: RequestContext,
  participantId: string,
  label: string,
  publicKey: string,
): KeyRow {
  const parsed = parseEd25519PublicKey(publicKey);
  if (!parsed.ok) throw invalid('publicKey', parsed.message);
  return {
    id: deps.random.uuid(),
    participantId,
    label: label.trim(),
    algorithm: 'ed25519',
    publicKey: parsed.raw.toString('base64'),
    fingerprint: keyFingerprint(parsed.raw),
    status: 'active',
    createdBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    createdAt: deps.clock.now(),
    revokedAt: null,
    revokedReason: null,
  };
}

/**
 * Registers a participant's Ed25519 public key (used to sign its regime statements), and
 * records the registration in the ledger in the same transaction.
 */
export async function registerKey(
  deps: Deps,
  ctx: RequestContext,
  participantId: string,
  input: { label: string; publicKey: string },
): Promise<KeyView> {
  const row = newKeyRow(deps, ctx, participantId, input.label, input.publicKey);
  try {
    const view = await deps.database.transaction(async (tx) => {
      const p = await findParticipant(tx, participantId);
      if (!p) throw notFound('Participant');
      authorize(participantPolicy, ctx.actor, 'manage_keys', p);
      await insertKey(tx, row);
      await recordAudit(tx, deps.clock, ctx, {
        action: 'key.register',
        subjectType: 'participant_key',
        subjectId: row.id,
        subjectParticipantId: participantId,
        details: { label: row.label, fingerprint: row.fingerprint },
      });
      const pending = await logKeyEvent(tx, deps, 'register', p, row);
      return { view: presentKey(row), pending };
    });
    return { ...view.view, ledgerIndex: await indexOf(deps, view.pending.queueId) };
  } catch (err) {
    throw isUniqueViolation(err) ? keyExists() : err;
  }
}

export async function revokeParticipantKey(
  deps: Deps,
  ctx: RequestContext,
  participantId: string,
  keyId: string,
  reason: string,
): Promise<KeyView> {
  const view = await deps.database.transaction(async (tx) => {
    const p = await findParticipant(tx, participantId);
    if (!p) throw notFound('Participant');
    authorize(participantPolicy, ctx.actor, 'manage_keys', p);
    const key = await findKey(tx, participantId, keyId);
    if (!key) throw notFound('Key');
    if (key.revokedAt) throw new DomainError('ALREADY_REVOKED', 'This key was already revoked');
    const now = deps.clock.now();
    // The row update comes first: it waits for statements being signed with this key to
    // commit, so they are queued (and logged) before the revocation.
    await revokeKey(tx, keyId, now, reason.trim());
    const revoked: KeyRow = {
      ...key,
      status: 'revoked',
      revokedAt: now,
      revokedReason: reason.trim(),
    };
    await recordAudit(tx, deps.clock, ctx, {
      action: 'key.revoke',
      subjectType: 'participant_key',
      subjectId: keyId,
      subjectParticipantId: participantId,
      details: { reason: reason.trim(), fingerprint: key.fingerprint },
    });
    const pending = await logKeyEvent(tx, deps, 'revoke', p, revoked, { reason: reason.trim() });
    return { view: presentKey(revoked), pending };
  });
  return { ...view.view, ledgerIndex: await indexOf(deps, view.pending.queueId) };
}

/** Replaces a key with a new one in one step: the new key is active, the old one revoked. */
export async function rotateParticipantKey(
  deps: Deps,
  ctx: RequestContext,
  participantId: string,
  keyId: string,
  input: { label: string; publicKey: string; reason?: string | undefined },
): Promise<{ previous: KeyView; current: KeyView }> {
  const row = newKeyRow(deps, ctx, participantId, input.label, input.publicKey);
  const reason = input.reason?.trim() || 'rotated';
  try {
    const result = await deps.database.transaction(async (tx) => {
      const p = await findParticipant(tx, participantId);
      if (!p) throw notFound('Participant');
      authorize(participantPolicy, ctx.actor, 'manage_keys', p);
      const old = await findKey(tx, participantId, keyId);
      if (!old) throw notFound('Key');
      if (old.revokedAt) throw new DomainError('ALREADY_REVOKED', 'This key was already revoked');
      const now = deps.clock.now();
      await revokeKey(tx, keyId, now, reason);
      await insertKey(tx, row);
      const previous: KeyRow = { ...old, status: 'revoked', revokedAt: now, revokedReason: reason };
      await recordAudit(tx, deps.clock, ctx, {
        action: 'key.rotate',
        subjectType: 'participant_key',
        subjectId: row.id,
        subjectParticipantId: participantId,
        details: { from: old.fingerprint, to: row.fingerprint, reason },
      });
      const pending = await logKeyEvent(tx, deps, 'rotate', p, row, {
        previousKey: previous,
        reason,
      });
      return { previous: presentKey(previous), current: presentKey(row), pending };
    });
    const ledgerIndex = await indexOf(deps, result.pending.queueId);
    return { previous: result.previous, current: { ...result.current, ledgerIndex } };
  } catch (err) {
    throw isUniqueViolation(err) ? keyExists() : err;
  }
}
