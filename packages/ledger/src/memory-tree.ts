/** An in-memory log holding every node hash; for tests, the CLI and the browser. */
import { LedgerError } from './errors';
import { assertHash, emptyRoot, leafHash, nodeHash } from './hash';
import type { NodeReader } from './node-reader';
import { assertSize } from './sizes';
import { foldRight, nodesForRange } from './tree';
import type { NodeId } from './tree';

export class MemoryTree implements NodeReader {
  /** levels[l][i] is the hash of node (l, i); only complete nodes are stored. */
  private readonly levels: Uint8Array[][] = [[]];

  get size(): bigint {
    return BigInt(this.levels[0]!.length);
  }

  /** Appends leaf data (hashed per RFC 9162 §2.1.1); returns the new leaf's index. */
  appendData(data: Uint8Array): bigint {
    return this.appendLeafHash(leafHash(data));
  }

  /** Appends an already computed leaf hash; returns the new leaf's index. */
  appendLeafHash(hash: Uint8Array): bigint {
    assertHash(hash, 'leaf hash');
    const leaves = this.levels[0]!;
    leaves.push(hash);
    let level = 0;
    let index = leaves.length - 1;
    while (index % 2 === 1) {
      const row = this.levels[level]!;
      const parent = nodeHash(row[index - 1]!, row[index]!);
      level++;
      (this.levels[level] ??= []).push(parent);
      index = (index - 1) / 2;
    }
    return BigInt(leaves.length - 1);
  }

  /** The root of the tree's first `size` leaves (default: all of them). */
  root(size: bigint = this.size): Uint8Array {
    assertSize(size, 'size');
    if (size > this.size) {
      throw new LedgerError('INDEX_OUT_OF_RANGE', `size ${size} exceeds tree size ${this.size}`);
    }
    if (size === 0n) return emptyRoot();
    return foldRight(this.readNodes(nodesForRange(0n, size)));
  }

  readNodes(nodes: NodeId[]): Uint8Array[] {
    return nodes.map((node) => {
      const row = this.levels[node.level];
      const hash = row?.[Number(node.index)];
      if (hash === undefined || node.index < 0n) {
        throw new LedgerError('INDEX_OUT_OF_RANGE', `node ${node.level}/${node.index} not stored`);
      }
      return hash;
    });
  }
}
