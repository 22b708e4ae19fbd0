import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFingerprint, parseEd25519PublicKey } from './ed25519';

// RFC 8032 §7.1, TEST 1.
const RFC8032_SECRET = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC8032_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';

describe('parseEd25519PublicKey', () => {
  it('accepts the RFC 8032 test key as base64, base64url and PEM', () => {
    const raw = Buffer.from(RFC8032_PUBLIC, 'hex');
    for (const text of [raw.toString('base64'), raw.toString('base64url')]) {
      const parsed = parseEd25519PublicKey(text);
      expect(parsed.ok && parsed.raw.toString('hex')).toBe(RFC8032_PUBLIC);
    }
    const priv = createPrivateKey({
      key: Buffer.concat([
        Buffer.from('302e020100300506032b657004220420', 'hex'),
        Buffer.from(RFC8032_SECRET, 'hex'),
      ]),
      format: 'der',
      type: 'pkcs8',
    });
    const pem = createPublicKey(priv).export({ type: 'spki', format: 'pem' }).toString();
    const parsed = parseEd25519PublicKey(pem);
    expect(parsed.ok && parsed.raw.toString('hex')).toBe(RFC8032_PUBLIC);
  });

  it('refuses other key types and wrong lengths with a reason', () => {
    const rsaLike =
      '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----';
    for (const bad of [
      '',
      'abc$',
      Buffer.alloc(31).toString('base64'),
      Buffer.alloc(64).toString('base64'),
      rsaLike,
    ]) {
      const parsed = parseEd25519PublicKey(bad);
      expect(parsed.ok).toBe(false);
    }
  });

  it('fingerprints with SHA-256 of the raw key', () => {
    expect(keyFingerprint(Buffer.from(RFC8032_PUBLIC, 'hex'))).toMatch(/^[0-9a-f]{64}$/);
  });
});
