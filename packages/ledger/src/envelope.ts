/**
 * Signed statements as DSSE envelopes (https://github.com/secure-systems-lab/dsse,
 * envelope.md): { payloadType, payload: base64(JCS bytes), signatures: [{ keyid, sig }] }.
 * The payload is the RFC 8785 canonical JSON of the statement.
 */
import { bytesToBase64, isBytes, tryBase64ToBytes, utf8Encode } from './bytes';
import { pae, statementKeyId } from './dsse';
import type { StatementSigner } from './dsse';
import { ED25519_SIGNATURE_SIZE, ed25519Verify, isValidEd25519PublicKey } from './ed25519';
import { LedgerError } from './errors';
import { isPlainObject } from './guards';
import { canonicalJson, canonicalJsonBytes, parseCanonicalJson } from './json';
import type { JsonValue } from './json';
import { assertPayloadType } from './media-type';

export interface EnvelopeSignature {
  keyid: string;
  /** base64 of the 64-byte Ed25519 signature over PAE(payloadType, payload). */
  sig: string;
}

export interface Envelope {
  payloadType: string;
  /** base64 of the JCS bytes of the statement. */
  payload: string;
  signatures: EnvelopeSignature[];
}

export interface VerifiedStatement {
  payloadType: string;
  payload: JsonValue;
  /** The keyids whose signatures verified. */
  keyids: string[];
}

/** Bounds the work spent on one envelope. */
export const MAX_ENVELOPE_SIGNATURES = 16;
const KEYID = /^[0-9a-f]{64}$/;

export function signStatement(
  payloadType: string,
  payload: unknown,
  signer: StatementSigner,
): Envelope {
  assertPayloadType(payloadType);
  const body = canonicalJsonBytes(payload);
  if (typeof signer?.keyid !== 'string' || !KEYID.test(signer.keyid)) {
    throw new LedgerError('MALFORMED_KEY', 'signer.keyid: must be 64 lowercase hex digits');
  }
  const sig = signer.sign(pae(payloadType, body));
  return {
    payloadType,
    payload: bytesToBase64(body),
    signatures: [{ keyid: signer.keyid, sig: bytesToBase64(sig) }],
  };
}

const bad = (why: string): LedgerError => new LedgerError('MALFORMED_ENVELOPE', why);

function hasExactKeys(value: Record<string, unknown>, keys: string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => Object.hasOwn(value, k));
}

interface DecodedEnvelope {
  envelope: Envelope;
  body: Uint8Array;
  payload: JsonValue;
  sigs: Uint8Array[];
}

function decodeEnvelope(value: unknown): DecodedEnvelope {
  if (!isPlainObject(value) || !hasExactKeys(value, ['payloadType', 'payload', 'signatures'])) {
    throw bad('envelope: must have exactly payloadType, payload and signatures');
  }
  const { payloadType, payload, signatures } = value;
  try {
    assertPayloadType(payloadType);
  } catch (cause) {
    throw new LedgerError('MALFORMED_ENVELOPE', 'payloadType: not a media type', { cause });
  }
  const body = typeof payload === 'string' ? tryBase64ToBytes(payload) : null;
  if (body === null) throw bad('payload: must be canonical base64');
  if (!Array.isArray(signatures) || signatures.length === 0) {
    throw bad('signatures: must be a non-empty array');
  }
  if (signatures.length > MAX_ENVELOPE_SIGNATURES) throw bad('signatures: too many');
  const seen = new Set<string>();
  const sigs = signatures.map((s: unknown, i) => {
    if (!isPlainObject(s) || !hasExactKeys(s, ['keyid', 'sig'])) {
      throw bad(`signatures[${i}]: must have exactly keyid and sig`);
    }
    if (typeof s.keyid !== 'string' || !KEYID.test(s.keyid)) {
      throw bad(`signatures[${i}].keyid: must be 64 lowercase hex digits`);
    }
    if (seen.has(s.keyid)) throw bad(`signatures[${i}].keyid: repeated`);
    seen.add(s.keyid);
    const sig = typeof s.sig === 'string' ? tryBase64ToBytes(s.sig) : null;
    if (sig === null || sig.length !== ED25519_SIGNATURE_SIZE) {
      throw bad(`signatures[${i}].sig: must be base64 of a 64-byte signature`);
    }
    return sig;
  });
  const envelope: Envelope = {
    payloadType,
    payload: payload as string,
    signatures: signatures.map((s: EnvelopeSignature) => ({ keyid: s.keyid, sig: s.sig })),
  };
  return { envelope, body, payload: parseCanonicalJson(body), sigs };
}

/** Strict shape validation of an untrusted envelope (e.g. straight from JSON.parse). */
export function parseEnvelope(value: unknown): Envelope {
  return decodeEnvelope(value).envelope;
}

/**
 * Verifies every signature whose keyid `lookupKey` knows (unknown keyids are ignored; a
 * known key whose signature fails throws BAD_SIGNATURE) and returns the decoded statement.
 */
export function verifyStatement(
  envelope: unknown,
  lookupKey: (keyid: string) => Uint8Array | null | undefined,
): VerifiedStatement {
  const { envelope: env, body, payload, sigs } = decodeEnvelope(envelope);
  const message = pae(env.payloadType, body);
  const keyids: string[] = [];
  env.signatures.forEach(({ keyid }, i) => {
    const publicKey = lookupKey(keyid);
    if (publicKey === null || publicKey === undefined) return;
    if (
      !isBytes(publicKey) ||
      !isValidEd25519PublicKey(publicKey) ||
      statementKeyId(publicKey) !== keyid
    ) {
      throw new LedgerError('MALFORMED_KEY', `key for ${keyid} does not match its keyid`);
    }
    if (!ed25519Verify(sigs[i]!, message, publicKey)) {
      throw new LedgerError('BAD_SIGNATURE', `invalid signature by ${keyid}`, {
        details: { keyid },
      });
    }
    keyids.push(keyid);
  });
  if (keyids.length === 0) {
    throw new LedgerError('UNKNOWN_KEY', 'no signature from a known key', {
      details: { keyids: env.signatures.map((s) => s.keyid) },
    });
  }
  return { payloadType: env.payloadType, payload, keyids };
}

/** The bytes logged for a statement: the RFC 8785 canonical JSON of the envelope. */
export function envelopeLeafData(envelope: unknown): Uint8Array {
  return utf8Encode(canonicalJson(parseEnvelope(envelope)));
}

/** Inverse of envelopeLeafData: the logged bytes must be exactly a canonical envelope. */
export function envelopeFromLeafData(data: Uint8Array): Envelope {
  let value: JsonValue;
  try {
    value = parseCanonicalJson(data);
  } catch (cause) {
    throw new LedgerError('MALFORMED_ENVELOPE', 'leaf data: not canonical JSON', { cause });
  }
  return parseEnvelope(value);
}
