/** Proof verification exactly as RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency). */
import { bytesEqual, isBytes } from './bytes';
import { LedgerError } from './errors';
import { assertHash, nodeHash } from './hash';
import { assertSize, isPowerOfTwo } from './sizes';

/** No proof for a uint64-sized tree is longer than this; longer input is rejected unhashed. */
const MAX_PROOF_LENGTH = 64;

function assertProof(proof: unknown): asserts proof is Uint8Array[] {
  if (!Array.isArray(proof)) throw new LedgerError('INVALID_ARGUMENT', 'proof: must be an array');
  if (proof.length > MAX_PROOF_LENGTH) {
    throw new LedgerError('PROOF_WRONG_LENGTH', `proof: more than ${MAX_PROOF_LENGTH} hashes`);
  }
  proof.forEach((h, i) => assertHash(h, `proof[${i}]`));
}

const wrongLength = (): LedgerError =>
  new LedgerError('PROOF_WRONG_LENGTH', 'proof has the wrong number of hashes');

/** RFC 9162 §2.1.3.2 steps 1–5, returning the computed root instead of comparing it. */
export function rootFromInclusionProof(
  leafHash: Uint8Array,
  index: bigint,
  size: bigint,
  proof: readonly Uint8Array[],
): Uint8Array {
  assertSize(index, 'index');
  assertSize(size, 'size');
  if (index >= size) throw new LedgerError('INDEX_OUT_OF_RANGE', 'index must be below size');
  assertHash(leafHash, 'leafHash');
  assertProof(proof);
  let fn = index; // step 2
  let sn = size - 1n;
  let r = leafHash; // step 3
  for (const p of proof) {
    if (sn === 0n) throw wrongLength(); // step 4a
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r); // step 4b-i
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n; // step 4b-ii
        sn >>= 1n;
      }
    } else {
      r = nodeHash(r, p); // step 4b, otherwise
    }
    fn >>= 1n; // step 4c
    sn >>= 1n;
  }
  if (sn !== 0n) throw wrongLength(); // step 5
  return r;
}

/** RFC 9162 §2.1.3.2: throws ROOT_MISMATCH unless the proof leads to `root`. */
export function verifyInclusion(
  leafHash: Uint8Array,
  index: bigint,
  size: bigint,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): void {
  assertHash(root, 'root');
  const computed = rootFromInclusionProof(leafHash, index, size, proof);
  if (!bytesEqual(computed, root)) {
    throw new LedgerError('ROOT_MISMATCH', 'inclusion proof does not lead to the root');
  }
}

/**
 * RFC 9162 §2.1.4.2, for 0 < size1 < size2. Equal sizes need an empty proof and equal roots;
 * as in the reference implementation (transparency-dev/merkle) nothing is hashed then, so
 * the roots are compared byte for byte. size1 = 0 is refused: an empty tree proves nothing.
 */
export function verifyConsistency(
  size1: bigint,
  size2: bigint,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): void {
  assertSize(size1, 'size1');
  assertSize(size2, 'size2');
  if (size1 > size2) throw new LedgerError('SIZE_ORDER', 'size1 must not exceed size2');
  if (size1 === 0n) throw new LedgerError('EMPTY_TREE', 'no consistency proof from an empty tree');
  if (size1 === size2) {
    if (!isBytes(root1) || !isBytes(root2)) {
      throw new LedgerError('INVALID_HASH_LENGTH', 'roots: must be Uint8Arrays');
    }
    assertProof(proof);
    if (proof.length !== 0) throw wrongLength();
    if (!bytesEqual(root1, root2)) throw new LedgerError('ROOT_MISMATCH', 'roots differ');
    return;
  }
  assertHash(root1, 'root1');
  assertHash(root2, 'root2');
  assertProof(proof);
  if (proof.length === 0) throw wrongLength(); // step 1
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof]; // step 2
  let fn = size1 - 1n; // step 3
  let sn = size2 - 1n;
  while ((fn & 1n) === 1n) {
    fn >>= 1n; // step 4
    sn >>= 1n;
  }
  let fr = path[0]!; // step 5
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0n) throw wrongLength(); // step 6a
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr); // step 6b-i
      sr = nodeHash(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n; // step 6b-ii
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(sr, c); // step 6b, otherwise
    }
    fn >>= 1n; // step 6c
    sn >>= 1n;
  }
  if (sn !== 0n) throw wrongLength(); // step 7
  if (!bytesEqual(fr, root1)) {
    throw new LedgerError('ROOT_MISMATCH', 'proof does not lead to root1', {
      details: { which: 'root1' },
    });
  }
  if (!bytesEqual(sr, root2)) {
    throw new LedgerError('ROOT_MISMATCH', 'proof does not lead to root2', {
      details: { which: 'root2' },
    });
  }
}
