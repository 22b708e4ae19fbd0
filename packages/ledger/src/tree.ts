/** The RFC 9162 §2.1.1 Merkle Tree Hash and the perfect-subtree ("node") model. */
import { LedgerError } from './errors';
import { isArray } from './guards';
import { assertHash, emptyRoot, nodeHash } from './hash';
import { assertSize, bitLength, largestPowerOfTwoBelow, trailingZeros } from './sizes';

/**
 * A node `(level, index)` is the perfect subtree covering leaves
 * [index·2^level, (index+1)·2^level). Level 0 nodes are leaf hashes.
 */
export interface NodeId {
  level: number;
  index: bigint;
}

/** RFC 9162 §2.1.1: MTH(D[n]) over leaf hashes, splitting at the largest power of two < n. */
export function rootFromLeafHashes(hashes: readonly Uint8Array[]): Uint8Array {
  if (!isArray(hashes)) throw new LedgerError('INVALID_ARGUMENT', 'hashes: must be an array');
  hashes.forEach((h, i) => assertHash(h, `hashes[${i}]`));
  if (hashes.length === 0) return emptyRoot();
  return mth(hashes, 0, hashes.length);
}

function mth(hashes: readonly Uint8Array[], start: number, end: number): Uint8Array {
  const n = end - start;
  if (n === 1) return hashes[start]!;
  const k = Number(largestPowerOfTwoBelow(BigInt(n)));
  return nodeHash(mth(hashes, start, start + k), mth(hashes, start + k, end));
}

/**
 * The perfect subtrees that exactly cover the leaf range [start, end), left to right, each
 * as large as its alignment allows (the "compact range" of the range).
 */
export function nodesForRange(start: bigint, end: bigint): NodeId[] {
  assertSize(start, 'start');
  assertSize(end, 'end');
  if (start > end) throw new LedgerError('SIZE_ORDER', 'start must not exceed end');
  const nodes: NodeId[] = [];
  let pos = start;
  while (pos < end) {
    const level = Math.min(trailingZeros(pos), bitLength(end - pos) - 1);
    nodes.push({ level, index: pos >> BigInt(level) });
    pos += 1n << BigInt(level);
  }
  return nodes;
}

/**
 * Hashes a run of node hashes whose sizes strictly decrease left to right (the right-hand
 * subtree of an RFC 9162 §2.1.1 split), folding from the right as MTH does.
 */
export function foldRight(hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length === 0) return emptyRoot();
  let acc = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) acc = nodeHash(hashes[i]!, acc);
  return acc;
}

export function nodeKey(node: NodeId): string {
  return `${node.level}/${node.index}`;
}
