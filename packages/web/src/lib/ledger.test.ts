import { describe, it, expect } from 'vitest';
import {
  MemoryTree,
  bytesToBase64,
  bytesToHex,
  canonicalJson,
  ed25519StatementSigner,
  generateSignerKey,
  leafHash,
  parseSignerKey,
  proveConsistency,
  proveInclusion,
  signCheckpoint,
  signStatement,
  statementKeyId,
  utf8Encode,
} from '@concord/ledger';
import type { EntryEvidence, KeyEvent } from './ledger';
import {
  KEY_EVENT_TYPE,
  asKeyEvent,
  base64ToHex,
  checkCheckpoint,
  checkHead,
  checkGrowth,
  compareWithRemembered,
  decodeLeaf,
  describeEntry,
  describeKeyEvent,
  nodeStatementKey,
  parseIndex,
  parseRemembered,
  parseSignatureLine,
  shortHex,
  verifyEntry,
} from './ledger';

const ORIGIN = 'concord.test/ledger';
const nodeKey = generateSignerKey(ORIGIN, new Uint8Array(32).fill(7));
const otherKey = generateSignerKey(ORIGIN, new Uint8Array(32).fill(8));
const node = parseSignerKey(nodeKey.signerKey);
const nodeStatements = { keyid: statementKeyId(node.publicKey), sign: node.sign };
const log = { verifierKey: nodeKey.verifierKey, origin: ORIGIN };

const keyEvent = (n: number): KeyEvent => ({
  event: 'register',
  participant: { id: `p${n}`, name: `Republic ${n}`, kind: 'state', countryCode: 'KE' },
  key: {
    id: `k${n}`,
    label: `Republic ${n} signing key (demo)`,
    fingerprint: 'ab'.repeat(32),
    publicKey: bytesToBase64(new Uint8Array(32).fill(n)),
    algorithm: 'ed25519',
  },
  at: '2026-05-01T12:00:00.000Z',
});

const statementLeaf = (payload: unknown, signer = nodeStatements): Uint8Array =>
  utf8Encode(
    canonicalJson({
      concord: 1,
      kind: 'statement',
      envelope: signStatement(KEY_EVENT_TYPE, payload, signer),
    }),
  );

/** A log of `size` key events and what the server would answer for entry `index`. */
async function fixture(size: number, index: number) {
  const tree = new MemoryTree();
  const leaves: Uint8Array[] = [];
  for (let i = 0; i < size; i++) {
    leaves.push(statementLeaf(keyEvent(i)));
    tree.appendData(leaves[i]!);
  }
  const root = tree.root();
  const checkpoint = signCheckpoint({ origin: ORIGIN, size: BigInt(size), root }, [node]);
  const proof = await proveInclusion(BigInt(index), BigInt(size), tree);
  const evidence: EntryEvidence = {
    index,
    leafHash: bytesToBase64(leafHash(leaves[index]!)),
    data: bytesToBase64(leaves[index]!),
    proof: { treeSize: size, root: bytesToBase64(root), hashes: proof.map(bytesToBase64) },
    checkpoint,
  };
  return { tree, leaves, root, checkpoint, evidence };
}

const nodeLookup = (keyId: string) =>
  keyId === nodeStatements.keyid ? { publicKey: node.publicKey, owner: 'this node' } : null;

const statusOf = (result: ReturnType<typeof verifyEntry>) =>
  Object.fromEntries(result.steps.map((step) => [step.id, step.status]));

describe('parseIndex', () => {
  it('accepts canonical decimal indices only', () => {
    expect(parseIndex('0')).toBe(0);
    expect(parseIndex('42')).toBe(42);
    for (const bad of ['', '-1', '01', '1.5', 'abc', '1e3', '9999999999999999', null, undefined]) {
      expect(parseIndex(bad)).toBeUndefined();
    }
  });
});

describe('hex helpers', () => {
  it('turns a base64 hash into hex and shortens long hex', () => {
    expect(base64ToHex(bytesToBase64(new Uint8Array([0, 15, 255])))).toBe('000fff');
    expect(base64ToHex('not base64!')).toBe('not base64!');
    expect(shortHex('0123456789abcdef', 8)).toBe('01234567…');
    expect(shortHex('0123', 8)).toBe('0123');
  });
});

describe('checkCheckpoint', () => {
  it('accepts a checkpoint signed with the node key, ignoring unknown cosignatures', async () => {
    const { checkpoint, root } = await fixture(3, 0);
    const witness = `\u2014 witness.example/w1 ${bytesToBase64(new Uint8Array(76).fill(3))}\n`;
    const result = checkCheckpoint(checkpoint + witness, log.verifierKey, ORIGIN);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.checkpoint.size).toBe(3n);
    expect(bytesToHex(result.checkpoint.root)).toBe(bytesToHex(root));
    expect(result.checkpoint.signedBy).toBe(nodeKey.verifierKey.split('+').slice(0, 2).join('+'));
  });

  it('rejects another key, a tampered text and a different origin', async () => {
    const { checkpoint } = await fixture(3, 0);
    expect(checkCheckpoint(checkpoint, otherKey.verifierKey, ORIGIN)).toEqual({
      ok: false,
      reason: 'it carries no signature by the node’s key',
    });
    const tampered = checkpoint.replace('\n3\n', '\n4\n');
    expect(checkCheckpoint(tampered, log.verifierKey, ORIGIN)).toEqual({
      ok: false,
      reason: 'the signature does not match the signed text',
    });
    expect(checkCheckpoint(checkpoint, log.verifierKey, 'elsewhere/log')).toMatchObject({
      ok: false,
      reason: 'it names a different log',
    });
    expect(checkCheckpoint(checkpoint, 'garbage', ORIGIN)).toMatchObject({ ok: false });
  });

  it('checks that the stated head is the signed one', async () => {
    const { checkpoint, root } = await fixture(3, 0);
    const head = { ...log, size: 3, root: bytesToBase64(root), checkpoint };
    expect(checkHead(head).ok).toBe(true);
    expect(checkHead({ ...head, size: 4 })).toEqual({
      ok: false,
      reason: 'the signed checkpoint is for another tree than the one stated',
    });
    expect(checkHead({ ...head, root: bytesToBase64(new Uint8Array(32)) }).ok).toBe(false);
  });

  it('splits signature lines into name and signature', () => {
    expect(parseSignatureLine('\u2014 witness.example/w1 AbC=')).toEqual({
      name: 'witness.example/w1',
      signature: 'AbC=',
    });
  });
});

describe('decodeLeaf and describeEntry', () => {
  it('reads a key event statement and describes it in words', () => {
    const leaf = decodeLeaf(statementLeaf(keyEvent(4)));
    expect(leaf).toMatchObject({
      kind: 'statement',
      payloadType: KEY_EVENT_TYPE,
      keyIds: [nodeStatements.keyid],
    });
    expect(describeEntry({ kind: 'statement', payloadType: KEY_EVENT_TYPE }, leaf)).toBe(
      'Key registered: Republic 4 signing key (demo)',
    );
  });

  it('describes rotations and revocations', () => {
    const rotate: KeyEvent = { ...keyEvent(2), event: 'rotate', previousKey: keyEvent(1).key };
    expect(describeKeyEvent(rotate)).toBe(
      'Key rotated: Republic 2 signing key (demo) (replaces Republic 1 signing key (demo))',
    );
    expect(describeKeyEvent({ ...keyEvent(3), event: 'revoke', reason: 'lost' })).toBe(
      'Key revoked: Republic 3 signing key (demo)',
    );
  });

  it('falls back to the payload type for other statements and for commitments', () => {
    const other = decodeLeaf(
      utf8Encode(
        canonicalJson({
          concord: 1,
          kind: 'statement',
          envelope: signStatement(
            'application/vnd.concord.doctrine+json',
            { v: 1 },
            nodeStatements,
          ),
        }),
      ),
    );
    expect(
      describeEntry(
        { kind: 'statement', payloadType: 'application/vnd.concord.doctrine+json' },
        other,
      ),
    ).toBe('application/vnd.concord.doctrine+json');
    const commitment = decodeLeaf(
      utf8Encode(
        canonicalJson({
          concord: 1,
          kind: 'commitment',
          payloadType: 'application/vnd.concord.incident+json',
          commitment: 'cd'.repeat(32),
        }),
      ),
    );
    expect(commitment).toEqual({
      kind: 'commitment',
      payloadType: 'application/vnd.concord.incident+json',
      commitment: 'cd'.repeat(32),
    });
    expect(
      describeEntry(
        { kind: 'commitment', payloadType: 'application/vnd.concord.incident+json' },
        commitment,
      ),
    ).toBe('Sealed record (commitment): application/vnd.concord.incident+json');
    expect(describeEntry({ kind: 'statement', payloadType: 'text/plain' }, null)).toBe(
      'text/plain',
    );
  });

  it('returns null for bytes that are not a Concord record', () => {
    expect(decodeLeaf(utf8Encode('not json'))).toBeNull();
    expect(decodeLeaf(utf8Encode('{"concord":2,"kind":"statement"}'))).toBeNull();
    expect(decodeLeaf(new Uint8Array([0xff, 0xfe]))).toBeNull();
  });

  it('accepts only well-formed key events', () => {
    expect(asKeyEvent(KEY_EVENT_TYPE, keyEvent(1))).toEqual(keyEvent(1));
    expect(asKeyEvent('application/json', keyEvent(1))).toBeNull();
    expect(asKeyEvent(KEY_EVENT_TYPE, { ...keyEvent(1), event: 'delete' })).toBeNull();
    expect(asKeyEvent(KEY_EVENT_TYPE, { ...keyEvent(1), key: { id: 'k' } })).toBeNull();
  });
});

describe('verifyEntry', () => {
  it('passes every step for a genuine entry, at every index', async () => {
    for (const [size, index] of [
      [1, 0],
      [5, 0],
      [5, 4],
      [8, 3],
      [13, 12],
    ] as const) {
      const { evidence } = await fixture(size, index);
      const result = verifyEntry(evidence, log, nodeLookup);
      expect(statusOf(result)).toEqual({
        leaf: 'passed',
        inclusion: 'passed',
        signature: 'passed',
        checkpoint: 'passed',
        statement: 'passed',
      });
      expect(result.included).toBe(true);
      expect(result.verified).toBe(true);
    }
  });

  it('still proves inclusion when the statement key is unknown', async () => {
    const { evidence } = await fixture(5, 2);
    const result = verifyEntry(evidence, log);
    expect(statusOf(result).statement).toBe('skipped');
    expect(result.included).toBe(true);
    expect(result.verified).toBe(true);
  });

  it('fails the leaf step when the data was altered', async () => {
    const { evidence, leaves } = await fixture(5, 2);
    const result = verifyEntry({ ...evidence, data: bytesToBase64(leaves[3]!) }, log, nodeLookup);
    expect(statusOf(result)).toMatchObject({ leaf: 'failed', inclusion: 'failed' });
    expect(result.included).toBe(false);
  });

  it('fails inclusion for a wrong proof hash or a wrong index', async () => {
    const { evidence } = await fixture(6, 2);
    const hashes = [...evidence.proof.hashes];
    hashes[0] = bytesToBase64(new Uint8Array(32));
    const bad = verifyEntry({ ...evidence, proof: { ...evidence.proof, hashes } }, log, nodeLookup);
    expect(statusOf(bad)).toMatchObject({ leaf: 'passed', inclusion: 'failed' });
    expect(bad.steps[1]!.detail).toContain('do not lead to the expected root');
    expect(verifyEntry({ ...evidence, index: 3 }, log, nodeLookup).included).toBe(false);
  });

  it('fails when the checkpoint is signed by another key, or is for another tree', async () => {
    const { evidence, tree } = await fixture(5, 1);
    const forged = signCheckpoint({ origin: ORIGIN, size: 5n, root: tree.root() }, [
      parseSignerKey(otherKey.signerKey),
    ]);
    const unsigned = verifyEntry({ ...evidence, checkpoint: forged }, log, nodeLookup);
    expect(statusOf(unsigned)).toMatchObject({ signature: 'failed', checkpoint: 'skipped' });
    expect(unsigned.included).toBe(false);

    const older = signCheckpoint({ origin: ORIGIN, size: 4n, root: tree.root(4n) }, [node]);
    const stale = verifyEntry({ ...evidence, checkpoint: older }, log, nodeLookup);
    expect(statusOf(stale)).toMatchObject({ signature: 'passed', checkpoint: 'failed' });
    expect(stale.steps[3]!.detail).toContain('tree of 4 entries');
  });

  it('fails the statement step for a signature by another key under the same key id', async () => {
    const { evidence } = await fixture(3, 1);
    const impostor = ed25519StatementSigner(new Uint8Array(32).fill(9));
    const result = verifyEntry(evidence, log, () => ({
      publicKey: impostor.publicKey,
      owner: 'an impostor',
    }));
    expect(statusOf(result).statement).toBe('failed');
    expect(result.included).toBe(true);
    expect(result.verified).toBe(false);
  });

  it('derives the node statement key from its verifier key', () => {
    expect(nodeStatementKey(log.verifierKey)).toEqual({
      keyId: nodeStatements.keyid,
      publicKey: node.publicKey,
    });
    expect(nodeStatementKey('nonsense')).toBeNull();
  });
});

describe('append-only check', () => {
  const at = '2026-05-01T12:00:00.000Z';

  it('compares with what this browser remembers', () => {
    const previous = { size: 4, root: 'AAAA', seenAt: at };
    expect(compareWithRemembered(null, { size: 4, root: 'AAAA' })).toEqual({ status: 'first' });
    expect(compareWithRemembered(previous, { size: 4, root: 'AAAA' }).status).toBe('unchanged');
    expect(compareWithRemembered(previous, { size: 4, root: 'BBBB' }).status).toBe('forked');
    expect(compareWithRemembered(previous, { size: 3, root: 'AAAA' }).status).toBe('shrunk');
    expect(compareWithRemembered(previous, { size: 9, root: 'BBBB' }).status).toBe('needs-proof');
  });

  it('verifies a consistency proof and rejects a rewritten history', async () => {
    const { tree } = await fixture(9, 0);
    const proof = (await proveConsistency(4n, 9n, tree)).map(bytesToBase64);
    const old = { size: 4, root: bytesToBase64(tree.root(4n)) };
    const now = { size: 9, root: bytesToBase64(tree.root()) };
    expect(checkGrowth(old, now, proof)).toEqual({ ok: true });
    const rewritten = { size: 4, root: bytesToBase64(new Uint8Array(32).fill(1)) };
    expect(checkGrowth(rewritten, now, proof)).toMatchObject({ ok: false });
  });

  it('reads only well-formed remembered checkpoints', () => {
    expect(parseRemembered(JSON.stringify({ size: 3, root: 'AA==', seenAt: at }))).toEqual({
      size: 3,
      root: 'AA==',
      seenAt: at,
    });
    expect(parseRemembered('{')).toBeNull();
    expect(parseRemembered(JSON.stringify({ size: -1, root: 'AA==', seenAt: at }))).toBeNull();
    expect(parseRemembered(null)).toBeNull();
  });
});
