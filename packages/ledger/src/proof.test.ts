import { describe, expect, it } from 'vitest';
import { bytesToHex } from './bytes';
import { MemoryTree } from './memory-tree';
import type { NodeReader } from './node-reader';
import { proveConsistency, proveInclusion, treeRoot } from './proof';
import { CONSISTENCY_PROOFS, INCLUSION_PROOFS, LEAF_INPUTS } from './testing/rfc6962';
import type { NodeId } from './tree';

function referenceTree(): MemoryTree {
  const tree = new MemoryTree();
  for (const d of LEAF_INPUTS) tree.appendData(d);
  return tree;
}

/** Wraps a reader, recording every readNodes call. */
function counting(reader: NodeReader): NodeReader & { calls: NodeId[][] } {
  const calls: NodeId[][] = [];
  return {
    calls,
    readNodes: (nodes) => {
      calls.push(nodes);
      return reader.readNodes(nodes);
    },
  };
}

describe('proof generation (RFC 9162 §2.1.3.1, §2.1.4.1)', () => {
  it.each(INCLUSION_PROOFS)('inclusion of leaf %i in size %i', async (index, size, want) => {
    const reader = counting(referenceTree());
    const proof = await proveInclusion(BigInt(index), BigInt(size), reader);
    expect(proof.map(bytesToHex)).toEqual(want);
    expect(reader.calls.length).toBe(want.length === 0 ? 0 : 1);
  });

  it.each(CONSISTENCY_PROOFS)('consistency from %i to %i', async (size1, size2, want) => {
    const reader = counting(referenceTree());
    const proof = await proveConsistency(BigInt(size1), BigInt(size2), reader);
    expect(proof.map(bytesToHex)).toEqual(want);
    expect(reader.calls.length).toBe(want.length === 0 ? 0 : 1);
  });

  it('reads each needed node once, in a single call', async () => {
    const tree = new MemoryTree();
    for (let i = 0; i < 1000; i++) tree.appendData(new Uint8Array([i & 255, i >> 8]));
    const reader = counting(tree);
    await proveConsistency(377n, 999n, reader);
    await proveInclusion(376n, 999n, reader);
    await treeRoot(999n, reader);
    expect(reader.calls.length).toBe(3);
    for (const call of reader.calls) {
      const keys = call.map((n) => `${n.level}/${n.index}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('accepts async readers', async () => {
    const tree = referenceTree();
    const reader: NodeReader = {
      readNodes: async (nodes) => Promise.resolve(tree.readNodes(nodes)),
    };
    expect((await proveInclusion(0n, 8n, reader)).length).toBe(3);
  });

  it('rejects bad arguments with typed errors', async () => {
    const tree = referenceTree();
    await expect(proveInclusion(8n, 8n, tree)).rejects.toMatchObject({
      code: 'INDEX_OUT_OF_RANGE',
    });
    await expect(proveInclusion(-1n, 8n, tree)).rejects.toMatchObject({ code: 'INVALID_SIZE' });
    await expect(proveConsistency(5n, 4n, tree)).rejects.toMatchObject({ code: 'SIZE_ORDER' });
    await expect(proveConsistency(0n, 4n, tree)).rejects.toMatchObject({ code: 'EMPTY_TREE' });
    await expect(treeRoot(1n << 64n, tree)).rejects.toMatchObject({ code: 'INVALID_SIZE' });
    // Asking for more leaves than the store has surfaces the store's own error.
    await expect(treeRoot(9n, tree)).rejects.toMatchObject({ code: 'INDEX_OUT_OF_RANGE' });
  });

  it('turns reader failures and bad answers into READ_FAILED', async () => {
    const readers: NodeReader[] = [
      {
        readNodes: () => {
          throw new Error('db down');
        },
      },
      { readNodes: () => Promise.reject(new Error('db down')) },
      { readNodes: () => [] },
      { readNodes: (nodes) => nodes.map(() => new Uint8Array(31)) },
      { readNodes: () => 'nope' as unknown as Uint8Array[] },
    ];
    for (const reader of readers) {
      await expect(proveInclusion(0n, 8n, reader)).rejects.toMatchObject({ code: 'READ_FAILED' });
    }
  });
});
