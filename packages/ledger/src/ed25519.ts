/** Ed25519 (RFC 8032) through @noble/curves, with strict verification and no throwing. */
import { ed25519 } from '@noble/curves/ed25519.js';
import { isBytes } from './bytes';
import { LedgerError } from './errors';

export const ED25519_KEY_SIZE = 32;
export const ED25519_SIGNATURE_SIZE = 64;

export function ed25519PublicKey(seed: Uint8Array): Uint8Array {
  if (!isBytes(seed) || seed.length !== ED25519_KEY_SIZE) {
    throw new LedgerError('MALFORMED_KEY', `Ed25519 seed: must be ${ED25519_KEY_SIZE} bytes`);
  }
  return ed25519.getPublicKey(seed);
}

export function ed25519Sign(message: Uint8Array, seed: Uint8Array): Uint8Array {
  return ed25519.sign(message, seed);
}

/** Whether the bytes decode to a point, per the strict RFC 8032 §5.1.3 rules. */
export function isValidEd25519PublicKey(publicKey: Uint8Array): boolean {
  if (!isBytes(publicKey) || publicKey.length !== ED25519_KEY_SIZE) return false;
  try {
    return ed25519.utils.isValidPublicKey(publicKey, false);
  } catch {
    return false;
  }
}

/** RFC 8032 §5.1.7 verification (zip215 off: non-canonical encodings are rejected). */
export function ed25519Verify(
  signature: Uint8Array,
  message: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  if (signature.length !== ED25519_SIGNATURE_SIZE || publicKey.length !== ED25519_KEY_SIZE) {
    return false;
  }
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/** 32 random bytes from the platform CSPRNG (Web Crypto, present in Node ≥ 19 and browsers). */
export function randomSeed(): Uint8Array {
  const seed = new Uint8Array(ED25519_KEY_SIZE);
  globalThis.crypto.getRandomValues(seed);
  return seed;
}
