import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from './bytes';
import { leafHash } from './hash';
import { MemoryTree } from './memory-tree';
import { proveConsistency, proveInclusion } from './proof';
import { verifyConsistency, verifyInclusion } from './verify';

const MAX = 2000;
const tree = new MemoryTree();
for (let i = 0; i < MAX; i++) tree.appendData(utf8Encode(`entry ${i}`));

const leaf = (i: bigint): Uint8Array => leafHash(utf8Encode(`entry ${i}`));

/** A copy of `hashes` with one bit flipped in element `which` (mod length). */
function flip(hashes: Uint8Array[], which: number, bit: number): Uint8Array[] {
  const out = hashes.map((h) => Uint8Array.from(h));
  const target = out[which % out.length]!;
  target[(bit >> 3) % 32]! ^= 1 << (bit & 7);
  return out;
}

const fails = (fn: () => void): boolean => {
  try {
    fn();
    return false;
  } catch {
    return true;
  }
};

const sizeAndIndex = fc
  .integer({ min: 1, max: MAX })
  .chain((size) => fc.tuple(fc.constant(size), fc.integer({ min: 0, max: size - 1 })));
const twoSizes = fc
  .integer({ min: 1, max: MAX })
  .chain((size2) => fc.tuple(fc.integer({ min: 1, max: size2 }), fc.constant(size2)));
const bitFlip = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }));

describe('inclusion proofs (property)', () => {
  it('every generated proof verifies; any single bit flip breaks it', async () => {
    await fc.assert(
      fc.asyncProperty(sizeAndIndex, bitFlip, async ([s, i], [which, bit]) => {
        const size = BigInt(s);
        const index = BigInt(i);
        const proof = await proveInclusion(index, size, tree);
        const root = tree.root(size);
        const h = leaf(index);
        verifyInclusion(h, index, size, proof, root);
        if (proof.length > 0) {
          expect(fails(() => verifyInclusion(h, index, size, flip(proof, which, bit), root))).toBe(
            true,
          );
        }
        expect(fails(() => verifyInclusion(h, index, size, proof, flip([root], 0, bit)[0]!))).toBe(
          true,
        );
        expect(fails(() => verifyInclusion(flip([h], 0, bit)[0]!, index, size, proof, root))).toBe(
          true,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('fails for every bit of every hash of one proof (exhaustive)', async () => {
    const size = 1337n;
    const index = 1000n;
    const proof = await proveInclusion(index, size, tree);
    const root = tree.root(size);
    for (let which = 0; which < proof.length; which++) {
      for (let bit = 0; bit < 256; bit++) {
        expect(
          fails(() => verifyInclusion(leaf(index), index, size, flip(proof, which, bit), root)),
        ).toBe(true);
      }
    }
  });
});

describe('consistency proofs (property)', () => {
  it('every generated proof verifies; any single bit flip breaks it', async () => {
    await fc.assert(
      fc.asyncProperty(twoSizes, bitFlip, async ([s1, s2], [which, bit]) => {
        const size1 = BigInt(s1);
        const size2 = BigInt(s2);
        const proof = await proveConsistency(size1, size2, tree);
        const root1 = tree.root(size1);
        const root2 = tree.root(size2);
        verifyConsistency(size1, size2, proof, root1, root2);
        if (proof.length > 0) {
          expect(
            fails(() => verifyConsistency(size1, size2, flip(proof, which, bit), root1, root2)),
          ).toBe(true);
        }
        const bad1 = flip([root1], 0, bit)[0]!;
        const bad2 = flip([root2], 0, bit)[0]!;
        expect(fails(() => verifyConsistency(size1, size2, proof, bad1, root2))).toBe(true);
        expect(fails(() => verifyConsistency(size1, size2, proof, root1, bad2))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a proof for other sizes does not verify', async () => {
    await fc.assert(
      fc.asyncProperty(twoSizes, fc.integer({ min: 1, max: MAX }), async ([s1, s2], other) => {
        fc.pre(other !== s2 && other >= s1);
        const proof = await proveConsistency(BigInt(s1), BigInt(s2), tree);
        const root1 = tree.root(BigInt(s1));
        const rootOther = tree.root(BigInt(other));
        expect(
          fails(() => verifyConsistency(BigInt(s1), BigInt(other), proof, root1, rootOther)),
        ).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
