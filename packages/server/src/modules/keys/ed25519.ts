import { createHash, createPublicKey } from 'node:crypto';

/** RFC 8410 §4: the DER prefix of an Ed25519 SubjectPublicKeyInfo, followed by the 32-byte key. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export type ParsedKey = { ok: true; raw: Buffer } | { ok: false; message: string };

/** Accepts a raw 32-byte key in base64 or base64url, or a PEM "PUBLIC KEY" (SPKI). */
export function parseEd25519PublicKey(input: string): ParsedKey {
  const text = input.trim();
  if (text.startsWith('-----BEGIN')) {
    try {
      const key = createPublicKey({ key: text, format: 'pem' });
      if (key.asymmetricKeyType !== 'ed25519')
        return { ok: false, message: 'must be an Ed25519 key' };
      const der = key.export({ type: 'spki', format: 'der' });
      return { ok: true, raw: Buffer.from(der.subarray(ED25519_SPKI_PREFIX.length)) };
    } catch {
      return { ok: false, message: 'is not a readable PEM public key' };
    }
  }
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text))
    return { ok: false, message: 'must be base64 or PEM' };
  const raw = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
  if (raw.length !== 32) return { ok: false, message: `must be 32 bytes (got ${raw.length})` };
  try {
    // Node rejects encodings that are not points on the curve.
    createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
      format: 'der',
      type: 'spki',
    });
  } catch {
    return { ok: false, message: 'is not a valid Ed25519 public key' };
  }
  return { ok: true, raw };
}

export const keyFingerprint = (raw: Buffer): string =>
  createHash('sha256').update(raw).digest('hex');
