import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, utf8Encode } from './bytes';
import {
  formatVerifierKey,
  generateSignerKey,
  isValidKeyName,
  parseSignerKey,
  parseVerifierKey,
} from './keys';
import { ledgerError } from './testing/expect';

// golang.org/x/mod/sumdb/note note_test.go.
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';

const malformedKey = ledgerError('MALFORMED_KEY');

describe('verifier keys', () => {
  it('parses the Go vectors', () => {
    const peter = parseVerifierKey(PETER_VKEY);
    expect(peter.name).toBe('PeterNeumann');
    expect(peter.keyId).toBe(0xc74f20a3);
    expect(formatVerifierKey(peter.name, peter.publicKey)).toBe(PETER_VKEY);
    expect(parseVerifierKey(ENOCH_VKEY).keyId).toBe(0xaf0cfe78);
  });

  it('rejects every proper substring and every single-byte mangling (as Go does)', () => {
    for (let i = 0; i <= PETER_VKEY.length; i++) {
      for (let j = i + 1; j <= PETER_VKEY.length; j++) {
        if (i === 0 && j === PETER_VKEY.length) continue;
        expect(() => parseVerifierKey(PETER_VKEY.slice(i, j))).toThrow(malformedKey);
      }
    }
    for (let i = 0; i < PETER_VKEY.length; i++) {
      const mangled =
        PETER_VKEY.slice(0, i) +
        String.fromCharCode(PETER_VKEY.charCodeAt(i) + 1) +
        PETER_VKEY.slice(i + 1);
      expect(() => parseVerifierKey(mangled)).toThrow(malformedKey);
    }
  });

  it.each([
    [
      'PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==',
      'wrong key length',
    ],
    ['PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'unknown algorithm'],
    ['PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'uppercase key ID'],
    ['Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW', 'space in name'],
    ['x'.repeat(2000), 'too long'],
  ])('rejects %s (%s)', (vkey) => {
    expect(() => parseVerifierKey(vkey)).toThrow(malformedKey);
  });

  it('rejects non-strings', () => {
    expect(() => parseVerifierKey(42 as unknown as string)).toThrow(malformedKey);
  });
});

describe('signer keys', () => {
  it('parses the Go vector and derives the matching public key', () => {
    const signer = parseSignerKey(PETER_SKEY);
    expect(signer.name).toBe('PeterNeumann');
    expect(signer.keyId).toBe(0xc74f20a3);
    expect(bytesToHex(signer.publicKey)).toBe(bytesToHex(parseVerifierKey(PETER_VKEY).publicKey));
    const msg = utf8Encode('hi');
    const sig = signer.sign(msg);
    const verifier = parseVerifierKey(PETER_VKEY);
    expect(verifier.verify(msg, sig)).toBe(true);
    sig[0]! ^= 1;
    expect(verifier.verify(msg, sig)).toBe(false);
    expect(verifier.verify(utf8Encode('ho'), signer.sign(msg))).toBe(false);
  });

  it('rejects every proper substring and every single-byte mangling', () => {
    for (let i = 0; i <= PETER_SKEY.length; i++) {
      for (let j = i + 1; j <= PETER_SKEY.length; j++) {
        if (i === 0 && j === PETER_SKEY.length) continue;
        expect(() => parseSignerKey(PETER_SKEY.slice(i, j))).toThrow(malformedKey);
      }
    }
    for (let i = 0; i < PETER_SKEY.length; i++) {
      const mangled =
        PETER_SKEY.slice(0, i) +
        String.fromCharCode(PETER_SKEY.charCodeAt(i) + 1) +
        PETER_SKEY.slice(i + 1);
      expect(() => parseSignerKey(mangled)).toThrow(malformedKey);
    }
  });
});

describe('generateSignerKey', () => {
  it('is deterministic for a given seed and self-consistent', () => {
    const seed = hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
    const a = generateSignerKey('example.com/log', seed);
    expect(generateSignerKey('example.com/log', seed)).toEqual(a);
    expect(a.signerKey.startsWith('PRIVATE+KEY+example.com/log+')).toBe(true);
    const signer = parseSignerKey(a.signerKey);
    const verifier = parseVerifierKey(a.verifierKey);
    // RFC 8032 §7.1 TEST 1: this seed's public key.
    expect(bytesToHex(verifier.publicKey)).toBe(
      'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    );
    expect(signer.keyId).toBe(verifier.keyId);
    expect(verifier.verify(utf8Encode('x'), signer.sign(utf8Encode('x')))).toBe(true);
  });

  it('uses fresh randomness without a seed', () => {
    expect(generateSignerKey('a').verifierKey).not.toBe(generateSignerKey('a').verifierKey);
  });

  it('rejects bad names and seeds', () => {
    for (const name of ['', 'a b', 'a+b', 'a\u00a0b', 'a\u2028b', 'a\tb', 'a\u0001b']) {
      expect(isValidKeyName(name)).toBe(false);
      expect(() => generateSignerKey(name)).toThrow(malformedKey);
    }
    expect(isValidKeyName('example.com/log—é')).toBe(true);
    expect(() => generateSignerKey('a', new Uint8Array(31))).toThrow(malformedKey);
    expect(() => formatVerifierKey('a', new Uint8Array(31))).toThrow(malformedKey);
  });
});
