/**
 * Proof generation over any node store. Each function first works out every node it needs,
 * reads them with ONE `readNodes` call (one database round trip), then assembles the proof.
 */
import { LedgerError } from './errors';
import { emptyRoot } from './hash';
import { readNodesChecked } from './node-reader';
import type { NodeReader } from './node-reader';
import { assertSize, largestPowerOfTwoBelow } from './sizes';
import { foldRight, nodeKey, nodesForRange } from './tree';
import type { NodeId } from './tree';

/** A leaf range [start, end) whose MTH is one proof element. */
type Range = readonly [bigint, bigint];

/** RFC 9162 §2.1.3.1 PATH(m, D[n]), as ranges ordered from the leaf upwards. */
function inclusionRanges(index: bigint, size: bigint): Range[] {
  const ranges: Range[] = [];
  let lo = 0n;
  let hi = size;
  while (hi - lo > 1n) {
    const k = largestPowerOfTwoBelow(hi - lo);
    if (index - lo < k) {
      ranges.push([lo + k, hi]);
      hi = lo + k;
    } else {
      ranges.push([lo, lo + k]);
      lo += k;
    }
  }
  return ranges.reverse();
}

/** RFC 9162 §2.1.4.1 SUBPROOF(m, D[n], true), for 0 < m < n, ordered bottom-up. */
function consistencyRanges(size1: bigint, size2: bigint): Range[] {
  const ranges: Range[] = [];
  let lo = 0n;
  let hi = size2;
  let m = size1;
  let whole = true; // b in the RFC: m is still a prefix the verifier already has
  for (;;) {
    if (m === hi - lo) {
      if (!whole) ranges.push([lo, hi]);
      break;
    }
    const k = largestPowerOfTwoBelow(hi - lo);
    if (m <= k) {
      ranges.push([lo + k, hi]);
      hi = lo + k;
    } else {
      ranges.push([lo, lo + k]);
      lo += k;
      m -= k;
      whole = false;
    }
  }
  return ranges.reverse();
}

async function readAll(reader: NodeReader, nodes: NodeId[]): Promise<Map<string, Uint8Array>> {
  const unique = new Map<string, NodeId>();
  for (const n of nodes) unique.set(nodeKey(n), n);
  const ids = [...unique.values()];
  if (ids.length === 0) return new Map();
  const hashes = await readNodesChecked(reader, ids);
  return new Map(ids.map((id, i) => [nodeKey(id), hashes[i]!]));
}

async function resolve(ranges: Range[], reader: NodeReader): Promise<Uint8Array[]> {
  const perRange = ranges.map(([a, b]) => nodesForRange(a, b));
  const found = await readAll(reader, perRange.flat());
  return perRange.map((nodes) => foldRight(nodes.map((n) => found.get(nodeKey(n))!)));
}

/** RFC 9162 §2.1.3.1: the inclusion proof of leaf `index` in the tree of `size` leaves. */
export async function proveInclusion(
  index: bigint,
  size: bigint,
  reader: NodeReader,
): Promise<Uint8Array[]> {
  assertSize(index, 'index');
  assertSize(size, 'size');
  if (index >= size) throw new LedgerError('INDEX_OUT_OF_RANGE', 'index must be below size');
  return resolve(inclusionRanges(index, size), reader);
}

/** RFC 9162 §2.1.4.1: the consistency proof between trees of `size1` and `size2` leaves. */
export async function proveConsistency(
  size1: bigint,
  size2: bigint,
  reader: NodeReader,
): Promise<Uint8Array[]> {
  assertSize(size1, 'size1');
  assertSize(size2, 'size2');
  if (size1 > size2) throw new LedgerError('SIZE_ORDER', 'size1 must not exceed size2');
  if (size1 === 0n) throw new LedgerError('EMPTY_TREE', 'no consistency proof from an empty tree');
  if (size1 === size2) return [];
  return resolve(consistencyRanges(size1, size2), reader);
}

/** RFC 9162 §2.1.1: the root hash of the tree of `size` leaves. */
export async function treeRoot(size: bigint, reader: NodeReader): Promise<Uint8Array> {
  assertSize(size, 'size');
  if (size === 0n) return emptyRoot();
  const [root] = await resolve([[0n, size]], reader);
  return root!;
}
