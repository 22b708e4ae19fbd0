import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes, utf8Encode } from './bytes';
import { defaultSha256, emptyRoot, leafHash, nodeHash, setSha256, sha256 } from './hash';
import { LEAF_INPUTS, NODE_HASHES } from './testing/rfc6962';
import { ledgerError } from './testing/expect';

describe('RFC 6962 hashing', () => {
  it('hashes SHA-256 test vectors (FIPS 180-2)', () => {
    expect(bytesToHex(sha256(utf8Encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(bytesToHex(emptyRoot())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('gives the reference leaf hashes H(0x00 || d)', () => {
    expect(LEAF_INPUTS.map((d) => bytesToHex(leafHash(d)))).toEqual(NODE_HASHES[0]);
  });

  it('gives the reference node hashes H(0x01 || l || r)', () => {
    const [l0, l1] = NODE_HASHES as [string[], string[]];
    expect(bytesToHex(nodeHash(hexToBytes(l0[0]!), hexToBytes(l0[1]!)))).toBe(l1[0]);
    expect(bytesToHex(nodeHash(hexToBytes(l0[1]!), hexToBytes(l0[0]!)))).not.toBe(l1[0]);
  });

  it('rejects children that are not 32 bytes', () => {
    const ok = new Uint8Array(32);
    for (const bad of [new Uint8Array(31), new Uint8Array(33), 'x' as unknown as Uint8Array]) {
      expect(() => nodeHash(bad, ok)).toThrow(ledgerError('INVALID_HASH_LENGTH'));
      expect(() => nodeHash(ok, bad)).toThrow(ledgerError('INVALID_HASH_LENGTH'));
    }
    expect(() => leafHash('abc' as unknown as Uint8Array)).toThrow(ledgerError('INVALID_ARGUMENT'));
  });
});

describe('bytes from another realm (iframe, vm, jsdom)', () => {
  it('are accepted like local Uint8Arrays', () => {
    const foreign = runInNewContext('new Uint8Array([0x10])') as Uint8Array;
    expect(foreign instanceof Uint8Array).toBe(false);
    expect(bytesToHex(leafHash(foreign))).toBe(NODE_HASHES[0]![2]);
    const notBytes = runInNewContext('new Uint16Array(16)') as Uint8Array;
    expect(() => leafHash(notBytes)).toThrow(ledgerError('INVALID_ARGUMENT'));
  });
});

describe('setSha256', () => {
  it('installs a correct implementation and refuses wrong ones', () => {
    const calls: number[] = [];
    setSha256((d) => {
      calls.push(d.length);
      return defaultSha256(d);
    });
    try {
      leafHash(new Uint8Array(3));
      expect(calls).toContain(4);
    } finally {
      setSha256(defaultSha256);
    }
    const wrong = [
      () => new Uint8Array(32),
      (d: Uint8Array) => defaultSha256(d).slice(1),
      () => {
        throw new Error('boom');
      },
    ];
    for (const fn of wrong) {
      expect(() => setSha256(fn)).toThrow(ledgerError('INVALID_HASH_FUNCTION'));
    }
    // The failed attempts left the default in place.
    expect(bytesToHex(leafHash(new Uint8Array(0)))).toBe(NODE_HASHES[0]![0]);
  });
});
