import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, hexToBytes } from './bytes';
import { leafHash } from './hash';
import { CONSISTENCY_PROOFS, INCLUSION_PROOFS, LEAF_INPUTS, ROOTS } from './testing/rfc6962';
import { rootFromInclusionProof, verifyConsistency, verifyInclusion } from './verify';
import { ledgerError } from './testing/expect';

/** transparency-dev/merkle testdata, kept outside the repository (see ../shared/interop). */
const TESTDATA = fileURLToPath(
  new URL('../../../../shared/interop/merkle-testdata/testdata', import.meta.url),
);
const HAVE_TESTDATA = existsSync(TESTDATA);

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.json') ? [p] : [];
    });
}

/** Go's encoding/json writes nil slices as null and []byte as base64. */
const b64 = (s: string | null): Uint8Array => base64ToBytes(s ?? '');
const b64s = (list: string[] | null): Uint8Array[] => (list ?? []).map(b64);

function outcome(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? 'RAW';
  }
}

interface InclusionCase {
  leafIdx: number;
  treeSize: number;
  root: string | null;
  leafHash: string | null;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

interface ConsistencyCase {
  size1: number;
  size2: number;
  root1: string | null;
  root2: string | null;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

const load = <T>(kind: string): Array<[string, T]> =>
  HAVE_TESTDATA
    ? walk(join(TESTDATA, kind)).map((f) => [
        f.slice(TESTDATA.length + 1),
        JSON.parse(readFileSync(f, 'utf8')) as T,
      ])
    : [];

const interop = HAVE_TESTDATA ? describe : describe.skip;

interop('transparency-dev/merkle vectors (skipped when ../shared/interop is absent)', () => {
  const inclusion = load<InclusionCase>('inclusion');
  const consistency = load<ConsistencyCase>('consistency');

  it('finds the published cases', () => {
    expect(inclusion.length).toBeGreaterThan(90);
    expect(consistency.length).toBeGreaterThan(90);
  });

  it.each(inclusion)('inclusion %s', (_, c) => {
    const got = outcome(() =>
      verifyInclusion(
        b64(c.leafHash),
        BigInt(c.leafIdx),
        BigInt(c.treeSize),
        b64s(c.proof),
        b64(c.root),
      ),
    );
    expect(got === null ? 'ok' : 'error', c.desc).toBe(c.wantErr ? 'error' : 'ok');
    expect(got).not.toBe('RAW');
  });

  it.each(consistency)('consistency %s', (_, c) => {
    const got = outcome(() =>
      verifyConsistency(
        BigInt(c.size1),
        BigInt(c.size2),
        b64s(c.proof),
        b64(c.root1),
        b64(c.root2),
      ),
    );
    expect(got === null ? 'ok' : 'error', c.desc).toBe(c.wantErr ? 'error' : 'ok');
    expect(got).not.toBe('RAW');
  });
});

const hashes = (list: string[]): Uint8Array[] => list.map(hexToBytes);
const root = (size: number): Uint8Array => hexToBytes(ROOTS[size]!);

describe('verifyInclusion (RFC 9162 §2.1.3.2)', () => {
  it.each(INCLUSION_PROOFS)(
    'accepts the reference proof of leaf %i in size %i',
    (index, size, proof) => {
      const leaf = leafHash(LEAF_INPUTS[index]!);
      expect(() =>
        verifyInclusion(leaf, BigInt(index), BigInt(size), hashes(proof), root(size)),
      ).not.toThrow();
      expect(rootFromInclusionProof(leaf, BigInt(index), BigInt(size), hashes(proof))).toEqual(
        root(size),
      );
    },
  );

  const leaf = leafHash(LEAF_INPUTS[0]!);
  const proof = hashes(INCLUSION_PROOFS[1]![2]);

  it('rejects index ≥ size, negative and oversized values', () => {
    expect(() => verifyInclusion(leaf, 8n, 8n, proof, root(8))).toThrow(
      ledgerError('INDEX_OUT_OF_RANGE'),
    );
    expect(() => verifyInclusion(leaf, 0n, 0n, [], root(0))).toThrow(
      ledgerError('INDEX_OUT_OF_RANGE'),
    );
    expect(() => verifyInclusion(leaf, -1n, 8n, proof, root(8))).toThrow(
      ledgerError('INVALID_SIZE'),
    );
    expect(() => verifyInclusion(leaf, 0n, 1n << 64n, proof, root(8))).toThrow(
      ledgerError('INVALID_SIZE'),
    );
  });

  it('rejects proofs with missing or extra hashes', () => {
    expect(() => verifyInclusion(leaf, 0n, 8n, proof.slice(1), root(8))).toThrow(
      ledgerError('PROOF_WRONG_LENGTH'),
    );
    expect(() => verifyInclusion(leaf, 0n, 8n, [...proof, proof[0]!], root(8))).toThrow(
      ledgerError('PROOF_WRONG_LENGTH'),
    );
    expect(() => verifyInclusion(leaf, 0n, 8n, Array(65).fill(proof[0]), root(8))).toThrow(
      ledgerError('PROOF_WRONG_LENGTH'),
    );
  });

  it('rejects hashes that are not 32 bytes', () => {
    const short = new Uint8Array(31);
    expect(() => verifyInclusion(short, 0n, 8n, proof, root(8))).toThrow(
      ledgerError('INVALID_HASH_LENGTH'),
    );
    expect(() => verifyInclusion(leaf, 0n, 8n, [short, proof[1]!, proof[2]!], root(8))).toThrow(
      ledgerError('INVALID_HASH_LENGTH'),
    );
    expect(() => verifyInclusion(leaf, 0n, 8n, proof, new Uint8Array(33))).toThrow(
      ledgerError('INVALID_HASH_LENGTH'),
    );
  });

  it('rejects a wrong root', () => {
    expect(() => verifyInclusion(leaf, 0n, 8n, proof, root(7))).toThrow(
      ledgerError('ROOT_MISMATCH'),
    );
    expect(() => verifyInclusion(leaf, 1n, 8n, proof, root(8))).toThrow(
      ledgerError('ROOT_MISMATCH'),
    );
  });
});

describe('verifyConsistency (RFC 9162 §2.1.4.2)', () => {
  it.each(CONSISTENCY_PROOFS)(
    'accepts the reference proof from %i to %i',
    (size1, size2, proof) => {
      expect(() =>
        verifyConsistency(BigInt(size1), BigInt(size2), hashes(proof), root(size1), root(size2)),
      ).not.toThrow();
    },
  );

  const p68 = hashes(CONSISTENCY_PROOFS[2]![2]);
  const p18 = hashes(CONSISTENCY_PROOFS[1]![2]);

  it('handles equal sizes: empty proof and equal roots', () => {
    expect(() => verifyConsistency(8n, 8n, [], root(8), root(8))).not.toThrow();
    expect(() => verifyConsistency(8n, 8n, [], root(8), root(7))).toThrow(
      ledgerError('ROOT_MISMATCH'),
    );
    expect(() => verifyConsistency(8n, 8n, [root(8)], root(8), root(8))).toThrow(
      ledgerError('PROOF_WRONG_LENGTH'),
    );
  });

  it('refuses size1 > size2 and size1 = 0', () => {
    expect(() => verifyConsistency(8n, 6n, p68, root(8), root(6))).toThrow(
      ledgerError('SIZE_ORDER'),
    );
    expect(() => verifyConsistency(0n, 8n, [], root(0), root(8))).toThrow(
      ledgerError('EMPTY_TREE'),
    );
    expect(() => verifyConsistency(0n, 0n, [], root(0), root(0))).toThrow(
      ledgerError('EMPTY_TREE'),
    );
  });

  it('omits the first hash when size1 is a power of two', () => {
    // 1 → 8: root1 is the seed, so prepending it again is one hash too many.
    expect(() => verifyConsistency(1n, 8n, [root(1), ...p18], root(1), root(8))).toThrow(
      ledgerError('PROOF_WRONG_LENGTH'),
    );
  });

  it('rejects missing, extra and empty proofs', () => {
    expect(() => verifyConsistency(6n, 8n, p68.slice(0, 2), root(6), root(8))).toThrow(
      ledgerError('PROOF_WRONG_LENGTH'),
    );
    expect(() => verifyConsistency(6n, 8n, [...p68, p68[0]!], root(6), root(8))).toThrow(
      ledgerError('PROOF_WRONG_LENGTH'),
    );
    expect(() => verifyConsistency(6n, 8n, [], root(6), root(8))).toThrow(
      ledgerError('PROOF_WRONG_LENGTH'),
    );
  });

  it('rejects wrong roots, naming which one', () => {
    expect(() => verifyConsistency(6n, 8n, p68, root(5), root(8))).toThrow(
      ledgerError('ROOT_MISMATCH', { which: 'root1' }),
    );
    expect(() => verifyConsistency(6n, 8n, p68, root(6), root(7))).toThrow(
      ledgerError('ROOT_MISMATCH', { which: 'root2' }),
    );
  });

  it('rejects hashes that are not 32 bytes', () => {
    const short = new Uint8Array(1);
    expect(() => verifyConsistency(6n, 8n, [short, p68[1]!, p68[2]!], root(6), root(8))).toThrow(
      ledgerError('INVALID_HASH_LENGTH'),
    );
    expect(() => verifyConsistency(6n, 8n, p68, short, root(8))).toThrow(
      ledgerError('INVALID_HASH_LENGTH'),
    );
    expect(() => verifyConsistency(6n, 8n, p68, root(6), short)).toThrow(
      ledgerError('INVALID_HASH_LENGTH'),
    );
    expect(() =>
      verifyConsistency(6n, 8n, 'x' as unknown as Uint8Array[], root(6), root(8)),
    ).toThrow(ledgerError('INVALID_ARGUMENT'));
  });
});
