/**
 * What other modules call, inside their own transactions, to put a statement on the record:
 * the submission is queued in the caller's transaction (so the statement and its log entry
 * commit or vanish together) and sequenced right after; `indexOf` gives the index.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Deps } from '../../deps';
import { DomainError } from '../../errors';
import {
  canonicalJson,
  commitStatement,
  parseEnvelope,
  signStatement,
  utf8Encode,
  verifyStatement,
  type Envelope,
} from '@concord/ledger';
import { participantKeys } from '../../db/schema';
import { enqueue } from './store';

export type LedgerErrorCode =
  | 'MALFORMED_ENVELOPE'
  | 'UNKNOWN_KEY'
  | 'KEY_REVOKED'
  | 'KEY_NOT_OF_PARTICIPANT'
  | 'BAD_SIGNATURE'
  | 'ENTRY_TOO_LARGE';

export class LedgerServiceError extends DomainError<LedgerErrorCode> {}

/** tlog-tiles entry bundles prefix each entry with a uint16 length. */
export const MAX_LEAF_BYTES = 0xffff;

export interface PendingEntry {
  queueId: number;
}

export interface Subject {
  participantId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
}

/** Leaf data of a signed statement: canonical JSON of a versioned record holding the envelope. */
export function statementLeaf(envelope: Envelope): Uint8Array {
  return utf8Encode(canonicalJson({ concord: 1, kind: 'statement', envelope }));
}

async function submit(
  tx: Db,
  deps: Deps,
  data: Uint8Array,
  meta: { kind: 'statement' | 'commitment'; payloadType: string; keyId: string | null } & Subject,
): Promise<PendingEntry> {
  if (data.length > MAX_LEAF_BYTES) {
    throw new LedgerServiceError(
      'ENTRY_TOO_LARGE',
      `A ledger entry is at most ${MAX_LEAF_BYTES} bytes (this one is ${data.length})`,
    );
  }
  const queueId = await enqueue(tx, {
    data,
    kind: meta.kind,
    payloadType: meta.payloadType,
    participantId: meta.participantId ?? null,
    keyId: meta.keyId,
    subjectType: meta.subjectType ?? null,
    subjectId: meta.subjectId ?? null,
    submittedAt: deps.clock.now(),
  });
  return { queueId };
}

/**
 * A statement the node itself makes (key transparency, regime decisions), signed with the
 * node's key.
 */
export async function recordNodeStatement(
  tx: Db,
  deps: Deps,
  payloadType: string,
  payload: unknown,
  subject: Subject = {},
): Promise<PendingEntry> {
  const signer = {
    keyid: deps.log.keyFingerprint,
    sign: (m: Uint8Array) => deps.log.signer.sign(m),
  };
  const envelope = signStatement(payloadType, payload, signer);
  return submit(tx, deps, statementLeaf(envelope), {
    kind: 'statement',
    payloadType,
    keyId: deps.log.keyFingerprint,
    ...subject,
  });
}

export interface VerifiedStatement {
  envelope: Envelope;
  payloadType: string;
  payload: unknown;
  keyId: string;
}

/**
 * Checks that an envelope is signed by one of the participant's keys that is active now,
 * without logging it (a caller may log a commitment to it instead). The key row is
 * share-locked so a revocation cannot slip in before the caller's transaction commits.
 */
export async function verifyParticipantEnvelope(
  tx: Db,
  participantId: string,
  rawEnvelope: unknown,
): Promise<VerifiedStatement> {
  let envelope: Envelope;
  try {
    envelope = parseEnvelope(rawEnvelope);
  } catch (err) {
    throw new LedgerServiceError('MALFORMED_ENVELOPE', `envelope: ${(err as Error).message}`, {
      fieldErrors: [{ field: 'envelope', message: (err as Error).message }],
    });
  }
  const keyIds = envelope.signatures.map((s) => s.keyid);
  const keys = await tx
    .select()
    .from(participantKeys)
    .where(
      sql`${participantKeys.fingerprint} in (${sql.join(
        keyIds.map((k) => sql`${k}`),
        sql`, `,
      )})`,
    )
    .for('share');
  if (keys.length === 0)
    throw new LedgerServiceError('UNKNOWN_KEY', 'The envelope is not signed by a registered key');
  const own = keys.filter((k) => k.participantId === participantId);
  if (own.length === 0) {
    throw new LedgerServiceError(
      'KEY_NOT_OF_PARTICIPANT',
      'The signing key belongs to another participant',
    );
  }
  const key = own.find((k) => k.status === 'active');
  if (!key) throw new LedgerServiceError('KEY_REVOKED', 'The signing key has been revoked');
  try {
    const result = verifyStatement(envelope, (keyid) =>
      keyid === key.fingerprint ? Buffer.from(key.publicKey, 'base64') : null,
    );
    if (!result.keyids.includes(key.fingerprint))
      throw new Error('no signature by the registered key');
    return {
      envelope,
      payloadType: result.payloadType,
      payload: result.payload,
      keyId: key.fingerprint,
    };
  } catch (err) {
    throw new LedgerServiceError(
      'BAD_SIGNATURE',
      `The envelope's signature does not verify: ${(err as Error).message}`,
    );
  }
}

/**
 * A statement a participant signed with one of its registered keys. The key must be active
 * now: statements signed with a revoked key are refused (those logged before the revocation
 * stay valid).
 */
export async function recordParticipantStatement(
  tx: Db,
  deps: Deps,
  participantId: string,
  rawEnvelope: unknown,
  subject: Omit<Subject, 'participantId'> = {},
): Promise<PendingEntry & { payloadType: string; payload: unknown; keyId: string }> {
  const verified = await verifyParticipantEnvelope(tx, participantId, rawEnvelope);
  const pending = await submit(tx, deps, statementLeaf(verified.envelope), {
    kind: 'statement',
    payloadType: verified.envelope.payloadType,
    keyId: verified.keyId,
    participantId,
    ...subject,
  });
  return {
    ...pending,
    payloadType: verified.payloadType,
    payload: verified.payload,
    keyId: verified.keyId,
  };
}

/**
 * A restricted record: only a salted SHA-256 commitment enters the log, proving the record's
 * existence and time; whoever holds the salt can later show what was committed.
 */
export async function recordCommitment(
  tx: Db,
  deps: Deps,
  payloadType: string,
  payload: unknown,
  subject: Subject = {},
): Promise<PendingEntry & { commitment: string; salt: Uint8Array }> {
  const { commitment, salt } = commitStatement(payloadType, payload, deps.random.bytes(32));
  const data = utf8Encode(
    canonicalJson({ concord: 1, kind: 'commitment', payloadType, commitment }),
  );
  const pending = await submit(tx, deps, data, {
    kind: 'commitment',
    payloadType,
    keyId: null,
    ...subject,
  });
  return { ...pending, commitment, salt };
}

/**
 * A node statement appended outside any caller transaction (high-volume, non-transactional
 * records): durable and indexed when the promise resolves. Needs the running sequencer.
 */
export async function appendNodeStatement(
  deps: Deps,
  payloadType: string,
  payload: unknown,
  subject: Subject = {},
): Promise<number> {
  if (!deps.ledger)
    throw new DomainError('LEDGER_NOT_INITIALISED', 'No sequencer runs in this process');
  const signer = {
    keyid: deps.log.keyFingerprint,
    sign: (m: Uint8Array) => deps.log.signer.sign(m),
  };
  const data = statementLeaf(signStatement(payloadType, payload, signer));
  if (data.length > MAX_LEAF_BYTES) {
    throw new LedgerServiceError(
      'ENTRY_TOO_LARGE',
      `A ledger entry is at most ${MAX_LEAF_BYTES} bytes`,
    );
  }
  return deps.ledger.append({
    data,
    kind: 'statement',
    payloadType,
    keyId: deps.log.keyFingerprint,
    ...subject,
  });
}
