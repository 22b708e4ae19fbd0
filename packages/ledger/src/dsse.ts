/**
 * DSSE primitives (https://github.com/secure-systems-lab/dsse, protocol.md): the
 * pre-authentication encoding that is signed, and Ed25519 statement signers whose keyid is
 * the lowercase hex SHA-256 of the raw 32-byte public key.
 */
import { bytesToHex, concatBytes, utf8Encode } from './bytes';
import { ed25519PublicKey, ed25519Sign } from './ed25519';
import { sha256 } from './hash';

export interface StatementSigner {
  keyid: string;
  sign(message: Uint8Array): Uint8Array;
}

/** DSSE protocol: PAE = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body. */
export function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = utf8Encode(payloadType);
  const head = utf8Encode(`DSSEv1 ${type.length} `);
  const mid = utf8Encode(` ${payload.length} `);
  return concatBytes(head, type, mid, payload);
}

export function statementKeyId(publicKey: Uint8Array): string {
  return bytesToHex(sha256(publicKey));
}

/** A statement signer from a 32-byte Ed25519 seed. */
export function ed25519StatementSigner(
  seed: Uint8Array,
): StatementSigner & { publicKey: Uint8Array } {
  const publicKey = ed25519PublicKey(seed);
  const key = Uint8Array.from(seed);
  return { keyid: statementKeyId(publicKey), publicKey, sign: (m) => ed25519Sign(m, key) };
}
