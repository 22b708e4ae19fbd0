/**
 * One malformed-input trigger per error code. The Record type makes the compiler insist that
 * every code in LEDGER_ERROR_CODES has a case here.
 */
import { describe, expect, it } from 'vitest';
import { base64ToBytes, utf8Encode } from './bytes';
import { openCheckpoint, parseCheckpoint, signCheckpoint } from './checkpoint';
import { commitStatement, verifyCommitment } from './commitment';
import { decodeEntryBundle, encodeEntryBundle } from './entry-bundle';
import { ed25519StatementSigner } from './dsse';
import { parseEnvelope, signStatement, verifyStatement } from './envelope';
import { LEDGER_ERROR_CODES, LedgerError, isLedgerError } from './errors';
import type { LedgerErrorCode } from './errors';
import { leafHash, nodeHash, setSha256 } from './hash';
import { canonicalJson } from './json';
import { generateSignerKey, parseSignerKey, parseVerifierKey } from './keys';
import type { NoteVerifier } from './keys';
import { MemoryTree } from './memory-tree';
import { openNote, signNote } from './note';
import { proveInclusion } from './proof';
import { parseTilePath } from './tile-path';
import { verifyTiles } from './tile-verify';
import { tileHashes } from './tiles';
import { verifyConsistency, verifyInclusion } from './verify';

const key = generateSignerKey('example.com/log', new Uint8Array(32).fill(3));
const signer = parseSignerKey(key.signerKey);
const verifier = parseVerifierKey(key.verifierKey);
const note = signNote('hello\n', [signer]);
const h = leafHash(new Uint8Array(0));
const tree = new MemoryTree();
for (let i = 0; i < 8; i++) tree.appendData(new Uint8Array([i]));
const alice = ed25519StatementSigner(new Uint8Array(32).fill(1));
const env = signStatement('application/json', { a: 1 }, alice);

const cases: Record<LedgerErrorCode, () => unknown> = {
  INVALID_ARGUMENT: () => leafHash('not bytes' as unknown as Uint8Array),
  INVALID_HASH_FUNCTION: () => setSha256(() => new Uint8Array(32)),
  MALFORMED_ENCODING: () => base64ToBytes('Zh=='),
  INVALID_SIZE: () => verifyInclusion(h, -1n, 1n, [], h),
  INVALID_HASH_LENGTH: () => nodeHash(h, new Uint8Array(31)),
  INDEX_OUT_OF_RANGE: () => verifyInclusion(h, 1n, 1n, [], h),
  SIZE_ORDER: () => verifyConsistency(2n, 1n, [], h, h),
  EMPTY_TREE: () => verifyConsistency(0n, 1n, [], h, h),
  PROOF_WRONG_LENGTH: () => verifyInclusion(h, 0n, 1n, [h], h),
  ROOT_MISMATCH: () => verifyInclusion(h, 0n, 1n, [], leafHash(new Uint8Array(1))),
  READ_FAILED: () => proveInclusion(0n, 8n, { readNodes: () => [] }),
  MALFORMED_NOTE: () => openNote('no signatures\n', [verifier]),
  TOO_MANY_SIGNATURES: () => openNote(note + note.split('\n\n')[1]!.repeat(100), [verifier]),
  MALFORMED_KEY: () => parseVerifierKey('example.com/log+00000000+AAAA'),
  AMBIGUOUS_KEY: () => {
    const twin: NoteVerifier = { ...verifier, publicKey: new Uint8Array(32) };
    return openNote(note, [verifier, twin]);
  },
  UNKNOWN_KEY: () => verifyStatement(env, () => null),
  BAD_SIGNATURE: () => openNote(note.replace('hello', 'jello'), [verifier]),
  NO_VERIFIED_SIGNATURE: () => openNote(note, []),
  MALFORMED_CHECKPOINT: () => parseCheckpoint('origin\n007\nAAAA\n'),
  ORIGIN_MISMATCH: () =>
    openCheckpoint(signCheckpoint({ origin: 'a', size: 1n, root: h }, [signer]), [verifier], 'b'),
  MALFORMED_TILE_PATH: () => parseTilePath('tile/0/x000/001'),
  MALFORMED_TILE: () => tileHashes(new Uint8Array(33)),
  MALFORMED_ENTRY_BUNDLE: () => decodeEntryBundle(new Uint8Array([0, 5, 1])),
  ENTRY_TOO_LARGE: () => encodeEntryBundle([new Uint8Array(70000)]),
  TILE_MISMATCH: () => {
    // 256 leaves: a full level-0 tile and a level-1 tile that lies about it.
    const big = new MemoryTree();
    for (let i = 0; i < 256; i++) big.appendData(new Uint8Array([i]));
    return verifyTiles(
      256n,
      big.root(),
      {
        readTile: (t) => (t.level === 1 ? h : tileBody(big)),
      },
      { entries: false },
    );
  },
  ENTRY_MISMATCH: () =>
    verifyTiles(1n, tree.root(1n), {
      readTile: (t) =>
        t.kind === 'entries'
          ? encodeEntryBundle([utf8Encode('forged')])
          : tree.readNodes([{ level: 0, index: 0n }])[0]!,
    }),
  MALFORMED_ENVELOPE: () => parseEnvelope({ ...env, extra: true }),
  INVALID_PAYLOAD: () => canonicalJson({ n: Infinity }),
  INVALID_PAYLOAD_TYPE: () => signStatement('not a media type', {}, alice),
  MALFORMED_COMMITMENT: () => verifyCommitment('00', new Uint8Array(32), 'a/b', {}),
  COMMITMENT_MISMATCH: () => {
    const c = commitStatement('a/b', { x: 1 }, new Uint8Array(32));
    return verifyCommitment(c.commitment, c.salt, 'a/b', { x: 2 });
  },
};

function tileBody(t: MemoryTree): Uint8Array {
  const hashes = t.readNodes(
    Array.from({ length: 256 }, (_, i) => ({ level: 0, index: BigInt(i) })),
  );
  const out = new Uint8Array(256 * 32);
  hashes.forEach((x, i) => out.set(x, i * 32));
  return out;
}

describe('every error code has a malformed-input test', () => {
  it('covers the full list', () => {
    expect(Object.keys(cases).sort()).toEqual([...LEDGER_ERROR_CODES].sort());
  });

  it.each(LEDGER_ERROR_CODES.map((c) => [c] as const))('%s', async (code) => {
    let thrown: unknown;
    try {
      await cases[code]();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(LedgerError);
    expect(isLedgerError(thrown, code)).toBe(true);
    expect((thrown as LedgerError).name).toBe('LedgerError');
  });
});
