/** SHA-256 and the RFC 6962 / RFC 9162 §2.1.1 domain-separated tree hashes. */
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, isBytes } from './bytes';
import { LedgerError } from './errors';

export type Sha256 = (data: Uint8Array) => Uint8Array;

export const HASH_SIZE = 32;

/** The portable default (pure JS, works in browsers). */
export const defaultSha256: Sha256 = (data) => nobleSha256(data);

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const ABC_SHA256 = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

let current: Sha256 = defaultSha256;

/**
 * Replaces the SHA-256 implementation (e.g. with node:crypto, see `@concord/ledger/node`).
 * The candidate must reproduce two FIPS 180-2 test vectors before it is installed.
 */
export function setSha256(fn: Sha256): void {
  let ok = false;
  try {
    const empty = fn(new Uint8Array(0));
    const abc = fn(new Uint8Array([0x61, 0x62, 0x63]));
    ok =
      isBytes(empty) &&
      isBytes(abc) &&
      bytesToHex(empty) === EMPTY_SHA256 &&
      bytesToHex(abc) === ABC_SHA256;
  } catch (cause) {
    throw new LedgerError('INVALID_HASH_FUNCTION', 'SHA-256 candidate threw', { cause });
  }
  if (!ok) throw new LedgerError('INVALID_HASH_FUNCTION', 'SHA-256 candidate fails test vectors');
  current = fn;
}

export function sha256(data: Uint8Array): Uint8Array {
  return current(data);
}

export function assertBytes(value: unknown, what: string): asserts value is Uint8Array {
  if (!isBytes(value)) throw new LedgerError('INVALID_ARGUMENT', `${what}: must be a Uint8Array`);
}

export function assertHash(value: unknown, what: string): asserts value is Uint8Array {
  if (!isBytes(value) || value.length !== HASH_SIZE) {
    throw new LedgerError('INVALID_HASH_LENGTH', `${what}: must be ${HASH_SIZE} bytes`);
  }
}

const LEAF_PREFIX = new Uint8Array([0x00]);
const NODE_PREFIX = new Uint8Array([0x01]);

/** RFC 9162 §2.1.1: MTH({d(0)}) = HASH(0x00 || d(0)). */
export function leafHash(data: Uint8Array): Uint8Array {
  assertBytes(data, 'leaf data');
  return sha256(concatBytes(LEAF_PREFIX, data));
}

/** RFC 9162 §2.1.1: HASH(0x01 || MTH(left) || MTH(right)). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  assertHash(left, 'left');
  assertHash(right, 'right');
  return sha256(concatBytes(NODE_PREFIX, left, right));
}

/** RFC 9162 §2.1.1: the hash of an empty list is the hash of an empty string. */
export function emptyRoot(): Uint8Array {
  return sha256(new Uint8Array(0));
}
