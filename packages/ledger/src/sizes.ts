/** Tree sizes and indices are bigint so that values beyond 2^53 never lose precision. */
import { LedgerError } from './errors';

/** Sizes and indices are uint64 on the wire (RFC 9162 §4.1, C2SP tlog-checkpoint). */
export const MAX_TREE_SIZE = (1n << 64n) - 1n;

export function assertSize(value: unknown, what: string): asserts value is bigint {
  if (typeof value !== 'bigint') {
    throw new LedgerError('INVALID_SIZE', `${what}: must be a bigint`);
  }
  if (value < 0n || value > MAX_TREE_SIZE) {
    throw new LedgerError('INVALID_SIZE', `${what}: must be between 0 and 2^64-1`);
  }
}

/** Number of bits needed to write n (0 for 0). */
export function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

export function trailingZeros(n: bigint): number {
  if (n === 0n) return 64;
  let count = 0;
  while ((n & 1n) === 0n) {
    n >>= 1n;
    count++;
  }
  return count;
}

export function isPowerOfTwo(n: bigint): boolean {
  return n > 0n && (n & (n - 1n)) === 0n;
}

/** RFC 9162 §2.1.1: k is the largest power of two smaller than n (n > 1). */
export function largestPowerOfTwoBelow(n: bigint): bigint {
  return 1n << BigInt(bitLength(n - 1n) - 1);
}
