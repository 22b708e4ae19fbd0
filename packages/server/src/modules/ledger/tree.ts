/**
 * Tree shape arithmetic on JS numbers (the database's index range). The pure library works
 * in bigint; the server's log stays below 2^53 entries.
 */
import { nodeHash } from './crypto';

export interface NodeRef {
  level: number;
  idx: number;
}

/**
 * RFC 9162 §2.1.1: the perfect subtrees that make up leaves [start, end), left to right
 * (largest first), as the left-heavy split decomposes them.
 */
export function perfectSubtrees(start: number, end: number): NodeRef[] {
  const out: NodeRef[] = [];
  let s = start;
  while (s < end) {
    // The largest power of two that divides s (s = 0: any) and fits in what remains.
    let level = 0;
    while (s % 2 ** (level + 1) === 0 && s + 2 ** (level + 1) <= end) level += 1;
    out.push({ level, idx: s / 2 ** level });
    s += 2 ** level;
  }
  return out;
}

/** The root over perfect subtree hashes given left to right: H(a, H(b, H(c, d))). */
export function rootFromSubtrees(hashes: Uint8Array[]): Uint8Array {
  let acc = hashes[hashes.length - 1];
  if (!acc) throw new Error('rootFromSubtrees needs at least one hash');
  for (let i = hashes.length - 2; i >= 0; i--) acc = nodeHash(hashes[i]!, acc);
  return acc;
}
