/**
 * Reading a participant's Ed25519 signing key in the browser: a 32-byte seed pasted as hex or
 * base64, or loaded from a file (the raw 32 bytes, a PKCS#8 DER or PEM "PRIVATE KEY", or a text
 * file holding hex or base64). The seed stays in memory; nothing here sends it anywhere.
 */
import { base64ToBytes, bytesEqual, ed25519StatementSigner, hexToBytes } from '@concord/ledger';

export const SEED_SIZE = 32;

/** RFC 8410 §7: the PKCS#8 prefix of an Ed25519 private key, followed by the 32-byte seed. */
const PKCS8_ED25519_PREFIX = hexToBytes('302e020100300506032b657004220420');

export type KeyReadError = 'EMPTY' | 'PUBLIC_KEY' | 'WRONG_LENGTH' | 'NOT_A_KEY';

export type KeyReadResult =
  { ok: true; seed: Uint8Array } | { ok: false; code: KeyReadError; message: string };

const fail = (code: KeyReadError, message: string): KeyReadResult => ({ ok: false, code, message });

function fromDer(der: Uint8Array): Uint8Array | null {
  if (der.length !== PKCS8_ED25519_PREFIX.length + SEED_SIZE) return null;
  const prefix = der.subarray(0, PKCS8_ED25519_PREFIX.length);
  return bytesEqual(prefix, PKCS8_ED25519_PREFIX) ? der.slice(PKCS8_ED25519_PREFIX.length) : null;
}

const sized = (bytes: Uint8Array, what: string): KeyReadResult =>
  bytes.length === SEED_SIZE
    ? { ok: true, seed: bytes }
    : fail(
        'WRONG_LENGTH',
        `That ${what} is ${bytes.length} bytes long; an Ed25519 signing key is ${SEED_SIZE} bytes.`,
      );

/** A seed from pasted or file text: hex, base64 (standard or URL-safe) or a PEM private key. */
export function parseSeedText(input: string): KeyReadResult {
  const text = input.trim();
  if (text === '') return fail('EMPTY', 'Paste the signing key or choose its file.');
  if (/-----BEGIN PUBLIC KEY-----/.test(text)) {
    return fail('PUBLIC_KEY', 'That is a public key. Signing needs the private key (the seed).');
  }
  const pem = /-----BEGIN PRIVATE KEY-----([\s\S]*?)-----END PRIVATE KEY-----/.exec(text);
  if (pem) {
    let der: Uint8Array;
    try {
      der = base64ToBytes((pem[1] ?? '').replace(/\s+/g, ''));
    } catch {
      return fail('NOT_A_KEY', 'The PEM block is not valid base64.');
    }
    const seed = fromDer(der);
    return seed
      ? { ok: true, seed }
      : fail('NOT_A_KEY', 'The PEM block is not an Ed25519 private key (RFC 8410).');
  }
  const compact = text.replace(/\s+/g, '');
  const hex = compact.replace(/^0x/i, '');
  if (/^[0-9a-fA-F]+$/.test(hex) && hex.length % 2 === 0 && hex.length >= 2 * SEED_SIZE) {
    return sized(hexToBytes(hex.toLowerCase()), 'hex key');
  }
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) {
    const standard = compact.replace(/-/g, '+').replace(/_/g, '/');
    const padded = standard.padEnd(standard.length + ((4 - (standard.length % 4)) % 4), '=');
    let bytes: Uint8Array;
    try {
      bytes = base64ToBytes(padded);
    } catch {
      return fail('NOT_A_KEY', 'That is neither hex nor base64.');
    }
    const seed = fromDer(bytes);
    return seed ? { ok: true, seed } : sized(bytes, 'base64 key');
  }
  return fail('NOT_A_KEY', 'That is neither hex nor base64, nor a PEM private key.');
}

/** A seed from a file's bytes: raw 32 bytes, PKCS#8 DER, or text that parseSeedText reads. */
export function parseSeedFile(bytes: Uint8Array): KeyReadResult {
  if (bytes.length === 0) return fail('EMPTY', 'The file is empty.');
  if (bytes.length === SEED_SIZE) return { ok: true, seed: Uint8Array.from(bytes) };
  const der = fromDer(bytes);
  if (der) return { ok: true, seed: der };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('NOT_A_KEY', `The file is ${bytes.length} bytes of binary data, not a key.`);
  }
  return parseSeedText(text);
}

/** The key id (DSSE keyid: hex SHA-256 of the public key) and public key of a seed. */
export function describeSeed(seed: Uint8Array): { keyId: string; publicKey: Uint8Array } {
  const signer = ed25519StatementSigner(seed);
  return { keyId: signer.keyid, publicKey: signer.publicKey };
}
