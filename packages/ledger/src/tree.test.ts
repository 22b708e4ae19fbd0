import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from './bytes';
import { leafHash } from './hash';
import { MemoryTree } from './memory-tree';
import { treeRoot } from './proof';
import { LEAF_INPUTS, NODE_HASHES, ROOTS } from './testing/rfc6962';
import { nodesForRange, rootFromLeafHashes } from './tree';
import { ledgerError } from './testing/expect';

const leafHashes = LEAF_INPUTS.map(leafHash);

function referenceTree(): MemoryTree {
  const tree = new MemoryTree();
  for (const d of LEAF_INPUTS) tree.appendData(d);
  return tree;
}

describe('RFC 6962 reference tree', () => {
  it.each(ROOTS.map((root, size) => [size, root] as const))(
    'size %i has root %s',
    async (size, root) => {
      const tree = referenceTree();
      expect(bytesToHex(rootFromLeafHashes(leafHashes.slice(0, size)))).toBe(root);
      expect(bytesToHex(tree.root(BigInt(size)))).toBe(root);
      expect(bytesToHex(await treeRoot(BigInt(size), tree))).toBe(root);
    },
  );

  it('stores every complete subtree hash', () => {
    const tree = referenceTree();
    NODE_HASHES.forEach((row, level) => {
      const got = tree.readNodes(row.map((_, i) => ({ level, index: BigInt(i) })));
      expect(got.map(bytesToHex)).toEqual(row);
    });
    expect(() => tree.readNodes([{ level: 3, index: 1n }])).toThrow(
      ledgerError('INDEX_OUT_OF_RANGE'),
    );
    expect(() => tree.root(9n)).toThrow(ledgerError('INDEX_OUT_OF_RANGE'));
  });

  it('rejects leaf hashes that are not 32 bytes', () => {
    expect(() => rootFromLeafHashes([new Uint8Array(31)])).toThrow(
      ledgerError('INVALID_HASH_LENGTH'),
    );
    expect(() => new MemoryTree().appendLeafHash(new Uint8Array(1))).toThrow(
      ledgerError('INVALID_HASH_LENGTH'),
    );
    expect(() => rootFromLeafHashes('x' as unknown as Uint8Array[])).toThrow(
      ledgerError('INVALID_ARGUMENT'),
    );
  });
});

describe('nodesForRange', () => {
  // transparency-dev/merkle testonly.CompactTrees: the nodes covering [0, n).
  it.each([
    [0n, []],
    [1n, ['0/0']],
    [3n, ['1/0', '0/2']],
    [6n, ['2/0', '1/2']],
    [7n, ['2/0', '1/2', '0/6']],
    [8n, ['3/0']],
  ])('covers [0, %i) with %j', (end, want) => {
    expect(nodesForRange(0n, end).map((n) => `${n.level}/${n.index}`)).toEqual(want);
  });

  it('decomposes [3, 13) into aligned subtrees', () => {
    expect(nodesForRange(3n, 13n).map((n) => `${n.level}/${n.index}`)).toEqual([
      '0/3',
      '2/1',
      '2/2',
      '0/12',
    ]);
  });

  it('exactly tiles any range with aligned perfect subtrees, maximal at each step', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 1n << 64n }),
        fc.bigInt({ min: 0n, max: 1n << 20n }),
        (a, len) => {
          const end = a + len > (1n << 64n) - 1n ? (1n << 64n) - 1n : a + len;
          const start = a > end ? end : a;
          let pos = start;
          for (const { level, index } of nodesForRange(start, end)) {
            const width = 1n << BigInt(level);
            expect(index * width).toBe(pos);
            // Maximal: the doubled subtree would be misaligned or overrun the range.
            expect(pos % (width * 2n) !== 0n || pos + width * 2n > end).toBe(true);
            pos += width;
          }
          expect(pos).toBe(end);
        },
      ),
    );
  });

  it('rejects bad ranges', () => {
    expect(() => nodesForRange(5n, 4n)).toThrow(ledgerError('SIZE_ORDER'));
    expect(() => nodesForRange(-1n, 4n)).toThrow(ledgerError('INVALID_SIZE'));
    expect(() => nodesForRange(0n, 1n << 64n)).toThrow(ledgerError('INVALID_SIZE'));
    expect(() => nodesForRange(0 as unknown as bigint, 4n)).toThrow(ledgerError('INVALID_SIZE'));
  });
});

describe('rootFromLeafHashes vs MemoryTree', () => {
  it('agree for every size (property)', async () => {
    const tree = new MemoryTree();
    const hashes: Uint8Array[] = [];
    for (let i = 0; i < 2000; i++) {
      const h = leafHash(new TextEncoder().encode(`leaf ${i}`));
      hashes.push(h);
      tree.appendLeafHash(h);
    }
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2000 }), async (size) => {
        const expected = rootFromLeafHashes(hashes.slice(0, size));
        expect(tree.root(BigInt(size))).toEqual(expected);
        expect(await treeRoot(BigInt(size), tree)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('hex helpers agree with the vectors', () => {
    expect(hexToBytes(ROOTS[8]!)).toEqual(rootFromLeafHashes(leafHashes));
  });
});
