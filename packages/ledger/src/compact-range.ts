/**
 * An append-only accumulator of the perfect subtrees covering [0, size): O(log n) memory,
 * one node hash per merge. Used to recompute roots while streaming tiles.
 */
import { LedgerError } from './errors';
import { assertHash, nodeHash } from './hash';
import { foldRight } from './tree';

export class CompactRange {
  private readonly levels: number[] = [];
  private readonly hashes: Uint8Array[] = [];
  private count = 0n;

  /** Number of leaves covered so far. */
  get size(): bigint {
    return this.count;
  }

  /**
   * Appends the perfect subtree of 2^level leaves that starts at the current size. The
   * start must be aligned to that subtree (RFC 9162 §2.1.1 splits only at powers of two).
   */
  append(level: number, hash: Uint8Array): void {
    assertHash(hash, 'hash');
    const width = 1n << BigInt(level);
    if (this.count % width !== 0n) {
      throw new LedgerError('INVALID_ARGUMENT', `subtree of level ${level} is not aligned`);
    }
    let h = hash;
    let l = level;
    while (this.levels.length > 0 && this.levels[this.levels.length - 1] === l) {
      this.levels.pop();
      h = nodeHash(this.hashes.pop()!, h);
      l++;
    }
    this.levels.push(l);
    this.hashes.push(h);
    this.count += width;
  }

  /** RFC 9162 §2.1.1 MTH of everything appended so far. */
  root(): Uint8Array {
    return foldRight(this.hashes);
  }
}
