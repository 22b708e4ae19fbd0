/**
 * C2SP signed-note keys (https://c2sp.org/signed-note, "Signatures" and "Ed25519
 * signatures"), encoded as in Go's golang.org/x/mod/sumdb/note:
 *   verifier key  <name>+<hex key ID>+base64(0x01 || 32-byte public key)
 *   signer key    PRIVATE+KEY+<name>+<hex key ID>+base64(0x01 || 32-byte seed)
 */
import {
  bytesToBase64,
  bytesToUint32,
  concatBytes,
  hasLoneSurrogate,
  isBytes,
  tryBase64ToBytes,
  utf8Encode,
} from './bytes';
import {
  ED25519_KEY_SIZE,
  ed25519PublicKey,
  ed25519Sign,
  ed25519Verify,
  isValidEd25519PublicKey,
  randomSeed,
} from './ed25519';
import { LedgerError } from './errors';
import { hasControlChar } from './guards';
import { sha256 } from './hash';

/** signed-note "Signature types": 0x01 is Ed25519. */
export const SIGNATURE_TYPE_ED25519 = 0x01;
const MAX_KEY_STRING = 1024;

export interface NoteVerifier {
  readonly name: string;
  /** The uint32 key ID that prefixes each signature. */
  readonly keyId: number;
  readonly publicKey: Uint8Array;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

export interface NoteSigner {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

/** signed-note "Format": non-empty, no Unicode spaces, no "+", and (ours) no controls. */
export function isValidKeyName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    !hasLoneSurrogate(name) &&
    !hasControlChar(name) &&
    !/[\p{White_Space}+]/u.test(name)
  );
}

function assertKeyName(name: unknown): asserts name is string {
  if (!isValidKeyName(name)) {
    throw new LedgerError('MALFORMED_KEY', 'key name: must be non-empty, without spaces or "+"');
  }
}

/** signed-note: key ID = SHA-256(key name || 0x0A || 0x01 || public key)[:4]. */
export function noteKeyId(name: string, publicKey: Uint8Array): number {
  const encoded = concatBytes(new Uint8Array([SIGNATURE_TYPE_ED25519]), publicKey);
  return bytesToUint32(sha256(concatBytes(utf8Encode(name), new Uint8Array([0x0a]), encoded)));
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  assertKeyName(name);
  if (!isValidEd25519PublicKey(publicKey)) {
    throw new LedgerError('MALFORMED_KEY', 'public key: not a valid Ed25519 key');
  }
  const encoded = concatBytes(new Uint8Array([SIGNATURE_TYPE_ED25519]), publicKey);
  return `${name}+${hex8(noteKeyId(name, publicKey))}+${bytesToBase64(encoded)}`;
}

function makeVerifier(name: string, publicKey: Uint8Array): NoteVerifier {
  return {
    name,
    keyId: noteKeyId(name, publicKey),
    publicKey,
    verify: (message, signature) => ed25519Verify(signature, message, publicKey),
  };
}

function makeSigner(name: string, seed: Uint8Array): NoteSigner {
  const publicKey = ed25519PublicKey(seed);
  return {
    name,
    keyId: noteKeyId(name, publicKey),
    publicKey,
    sign: (message) => ed25519Sign(message, seed),
  };
}

/** Splits "<name>+<8 hex>+<base64>" and checks the type byte; the base64 may hold "+". */
function splitKey(text: string): { name: string; keyId: number; key: Uint8Array } {
  const malformed = (why: string): LedgerError => new LedgerError('MALFORMED_KEY', why);
  const first = text.indexOf('+');
  const second = first < 0 ? -1 : text.indexOf('+', first + 1);
  if (second < 0) throw malformed('key: expected <name>+<key ID>+<key>');
  const name = text.slice(0, first);
  const idHex = text.slice(first + 1, second);
  assertKeyName(name);
  if (!/^[0-9a-f]{8}$/.test(idHex)) throw malformed('key ID: must be 8 lowercase hex digits');
  const key = tryBase64ToBytes(text.slice(second + 1));
  if (key === null) throw malformed('key: not canonical base64');
  if (key[0] !== SIGNATURE_TYPE_ED25519) throw malformed('key: unsupported signature type');
  if (key.length !== 1 + ED25519_KEY_SIZE) throw malformed('key: wrong Ed25519 key length');
  return { name, keyId: parseInt(idHex, 16), key: key.subarray(1) };
}

function assertKeyString(text: unknown): asserts text is string {
  if (typeof text !== 'string' || text.length > MAX_KEY_STRING) {
    throw new LedgerError('MALFORMED_KEY', 'key: must be a string of reasonable length');
  }
}

export function parseVerifierKey(vkey: string): NoteVerifier {
  assertKeyString(vkey);
  const { name, keyId, key } = splitKey(vkey);
  if (!isValidEd25519PublicKey(key)) {
    throw new LedgerError('MALFORMED_KEY', 'public key: not a valid Ed25519 key');
  }
  const verifier = makeVerifier(name, Uint8Array.from(key));
  if (verifier.keyId !== keyId) throw new LedgerError('MALFORMED_KEY', 'key ID does not match');
  return verifier;
}

export function parseSignerKey(skey: string): NoteSigner {
  assertKeyString(skey);
  if (!skey.startsWith('PRIVATE+KEY+')) {
    throw new LedgerError('MALFORMED_KEY', 'signer key: must start with PRIVATE+KEY+');
  }
  const { name, keyId, key } = splitKey(skey.slice('PRIVATE+KEY+'.length));
  const signer = makeSigner(name, Uint8Array.from(key));
  if (signer.keyId !== keyId) throw new LedgerError('MALFORMED_KEY', 'key ID does not match');
  return signer;
}

export interface GeneratedNoteKey {
  /** Secret: PRIVATE+KEY+<name>+<key ID>+<base64(0x01 || seed)>. */
  signerKey: string;
  /** Public: <name>+<key ID>+<base64(0x01 || public key)>. */
  verifierKey: string;
}

/** A new Ed25519 note key; pass `seed` (32 bytes) for deterministic keys in tests. */
export function generateSignerKey(name: string, seed?: Uint8Array): GeneratedNoteKey {
  assertKeyName(name);
  if (seed !== undefined && (!isBytes(seed) || seed.length !== ED25519_KEY_SIZE)) {
    throw new LedgerError('MALFORMED_KEY', `seed: must be ${ED25519_KEY_SIZE} bytes`);
  }
  const s = seed ?? randomSeed();
  const signer = makeSigner(name, s);
  const encoded = concatBytes(new Uint8Array([SIGNATURE_TYPE_ED25519]), s);
  return {
    signerKey: `PRIVATE+KEY+${name}+${hex8(signer.keyId)}+${bytesToBase64(encoded)}`,
    verifierKey: formatVerifierKey(name, signer.publicKey),
  };
}
