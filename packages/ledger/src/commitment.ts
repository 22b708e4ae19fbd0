/**
 * Restricted records: the log holds only a salted commitment
 *   hex(SHA-256(salt || JCS({ payloadType, payload })))
 * and the salt is disclosed to those entitled to check the statement. The 32-byte random
 * salt stops anyone guessing low-entropy statements from the commitment.
 */
import { bytesEqual, bytesToHex, concatBytes, isBytes, tryHexToBytes } from './bytes';
import { randomSeed } from './ed25519';
import { LedgerError } from './errors';
import { sha256 } from './hash';
import { canonicalJsonBytes } from './json';
import { assertPayloadType } from './media-type';

export const SALT_SIZE = 32;

export interface Commitment {
  /** Lowercase hex SHA-256. */
  commitment: string;
  salt: Uint8Array;
}

function assertSalt(salt: unknown): asserts salt is Uint8Array {
  if (!isBytes(salt) || salt.length !== SALT_SIZE) {
    throw new LedgerError('MALFORMED_COMMITMENT', `salt: must be ${SALT_SIZE} bytes`);
  }
}

function digest(salt: Uint8Array, payloadType: string, payload: unknown): Uint8Array {
  assertPayloadType(payloadType);
  return sha256(concatBytes(salt, canonicalJsonBytes({ payloadType, payload })));
}

/** Commits to a statement; pass `salt` only in tests (default: 32 CSPRNG bytes). */
export function commitStatement(
  payloadType: string,
  payload: unknown,
  salt?: Uint8Array,
): Commitment {
  const s = salt ?? randomSeed();
  assertSalt(s);
  return { commitment: bytesToHex(digest(s, payloadType, payload)), salt: Uint8Array.from(s) };
}

/** Throws COMMITMENT_MISMATCH unless (salt, payloadType, payload) opens `commitment`. */
export function verifyCommitment(
  commitment: string,
  salt: Uint8Array,
  payloadType: string,
  payload: unknown,
): void {
  const expected = typeof commitment === 'string' ? tryHexToBytes(commitment) : null;
  if (expected === null || expected.length !== 32) {
    throw new LedgerError('MALFORMED_COMMITMENT', 'commitment: must be 64 lowercase hex digits');
  }
  assertSalt(salt);
  if (!bytesEqual(digest(salt, payloadType, payload), expected)) {
    throw new LedgerError('COMMITMENT_MISMATCH', 'statement does not match the commitment');
  }
}
