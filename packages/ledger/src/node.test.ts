import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSha256, leafHash, setSha256 } from './hash';
import { nodeSha256, useNodeCrypto } from './node';
import { LEAF_INPUTS, NODE_HASHES } from './testing/rfc6962';
import { bytesToHex } from './bytes';

afterEach(() => setSha256(defaultSha256));

describe('node:crypto SHA-256', () => {
  it('agrees with the portable implementation on any input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        const got = nodeSha256(data);
        expect(got).toEqual(defaultSha256(data));
        expect(Object.getPrototypeOf(got)).toBe(Uint8Array.prototype);
      }),
    );
  });

  it('is used by every ledger hash after useNodeCrypto()', () => {
    useNodeCrypto();
    expect(LEAF_INPUTS.map((d) => bytesToHex(leafHash(d)))).toEqual(NODE_HASHES[0]);
  });
});
