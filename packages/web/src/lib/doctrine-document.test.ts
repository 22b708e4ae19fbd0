import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  commitStatement,
  sha256,
  utf8Encode,
  verifyStatement,
} from '@concord/ledger';
import {
  DOCTRINE_TYPE,
  buildDoctrineDocument,
  checkSignedVersion,
  ledgerRecordMatches,
  linesOf,
  signDoctrine,
  signedCommitmentDiffers,
} from './doctrine-document';
import type { DoctrineInput, PublishedVersion } from './doctrine-document';
import { describeSeed } from './signing-key';

const SEED = sha256(utf8Encode('concord-demo-key:estonia'));
const OTHER = sha256(utf8Encode('concord-demo-key:kenya'));
const PARTICIPANT = '6f1c1f3e-2b9a-4d7e-9a51-0c4f2b8e7d10';

const input: DoctrineInput = {
  participantId: PARTICIPANT,
  latestVersion: 1,
  title: '  National cyber doctrine  ',
  summary: 'How we read the norms.',
  redLines: ['No attacks on hospitals', '  '],
  thresholds: [],
  permissibleDefence: ['Patching'],
  commitments: [
    { normId: 'CONCORD-R1', statement: 'We will not.', conditions: '' },
    { normId: 'CONCORD-R7', statement: 'We de-escalate.', conditions: ' Unless attacked ' },
  ],
  visibility: 'public',
};

function published(envelope: ReturnType<typeof signDoctrine>): PublishedVersion {
  const doc = buildDoctrineDocument(input);
  return {
    participant: { id: doc.participantId },
    version: doc.version,
    title: doc.title,
    summary: doc.summary,
    redLines: doc.redLines,
    thresholds: doc.thresholds,
    permissibleDefence: doc.permissibleDefence,
    commitments: doc.commitments.map((c) => ({ ...c, conditions: c.conditions ?? null })),
    visibility: doc.visibility,
    envelope,
  };
}

const keyring =
  (...seeds: Uint8Array[]) =>
  (keyId: string) =>
    seeds.map(describeSeed).find((k) => k.keyId === keyId)?.publicKey ?? null;

describe('buildDoctrineDocument', () => {
  it('numbers the next version, trims, drops blank items and empty conditions', () => {
    expect(buildDoctrineDocument(input)).toEqual({
      participantId: PARTICIPANT,
      version: 2,
      title: 'National cyber doctrine',
      summary: 'How we read the norms.',
      redLines: ['No attacks on hospitals'],
      thresholds: [],
      permissibleDefence: ['Patching'],
      commitments: [
        { normId: 'CONCORD-R1', statement: 'We will not.' },
        { normId: 'CONCORD-R7', statement: 'We de-escalate.', conditions: 'Unless attacked' },
      ],
      visibility: 'public',
      previousVersion: 1,
    });
  });

  it('has no previousVersion for a first version', () => {
    expect(buildDoctrineDocument({ ...input, latestVersion: 0 })).not.toHaveProperty(
      'previousVersion',
    );
  });
});

describe('signDoctrine', () => {
  it('makes a DSSE envelope that verifies with the seed’s public key', () => {
    const envelope = signDoctrine(buildDoctrineDocument(input), SEED);
    const result = verifyStatement(envelope, keyring(SEED));
    expect(result.payloadType).toBe(DOCTRINE_TYPE);
    expect(result.payload).toMatchObject({ version: 2, title: 'National cyber doctrine' });
    // The payload is the canonical JSON (RFC 8785): keys sorted, no spaces.
    const text = new TextDecoder().decode(base64ToBytes(envelope.payload));
    expect(text.startsWith('{"commitments":[{"normId":"CONCORD-R1"')).toBe(true);
  });
});

describe('checkSignedVersion', () => {
  const envelope = signDoctrine(buildDoctrineDocument(input), SEED);

  it('verifies the signature and that the page shows what was signed', () => {
    expect(checkSignedVersion(published(envelope), keyring(SEED))).toEqual({
      status: 'verified',
      keyId: describeSeed(SEED).keyId,
    });
  });

  it('says so when the key is not one it knows', () => {
    expect(checkSignedVersion(published(envelope), keyring(OTHER))).toMatchObject({
      status: 'unknown-key',
    });
  });

  it('fails a page whose text differs from the signed document', () => {
    const shown = { ...published(envelope), title: 'Something else' };
    expect(checkSignedVersion(shown, keyring(SEED))).toEqual({
      status: 'failed',
      reason: 'the title shown is not what was signed',
    });
    const commitments = [...published(envelope).commitments];
    commitments[1] = { ...commitments[1]!, conditions: null };
    expect(checkSignedVersion({ ...published(envelope), commitments }, keyring(SEED))).toEqual({
      status: 'failed',
      reason: 'the commitment to CONCORD-R7 shown is not what was signed',
    });
  });

  it('fails a tampered signature', () => {
    const sig = base64ToBytes(envelope.signatures[0]!.sig);
    sig[0] = (sig[0] ?? 0) ^ 1;
    const tampered = {
      ...envelope,
      signatures: [
        { keyid: envelope.signatures[0]!.keyid, sig: btoa(String.fromCharCode(...sig)) },
      ],
    };
    expect(checkSignedVersion(published(tampered), keyring(SEED))).toMatchObject({
      status: 'failed',
      reason: 'the signature does not match the signed text',
    });
  });
});

describe('linesOf', () => {
  it('keeps non-blank lines, trimmed', () => {
    expect(linesOf(' one \n\n two\n  \n')).toEqual(['one', 'two']);
  });
});

describe('ledgerRecordMatches', () => {
  const envelope = signDoctrine(buildDoctrineDocument(input), SEED);
  const other = signDoctrine(buildDoctrineDocument({ ...input, title: 'Other' }), SEED);
  const statementLeaf = (e: typeof envelope) => ({
    kind: 'statement' as const,
    payloadType: e.payloadType,
    envelope: e,
    keyIds: e.signatures.map((s) => s.keyid),
    payload: undefined,
  });

  it('accepts the same envelope logged in full, and refuses another', () => {
    const version = { envelope, ledger: { kind: 'statement', salt: null } };
    expect(ledgerRecordMatches(version, statementLeaf(envelope))).toBeNull();
    expect(ledgerRecordMatches(version, statementLeaf(other))).toMatch(/different statement/);
    expect(ledgerRecordMatches(version, null)).toMatch(/not a record this browser can read/);
  });

  it('opens a salted commitment with the salt, and refuses a wrong salt', () => {
    const { commitment, salt } = commitStatement(DOCTRINE_TYPE, envelope);
    const leaf = { kind: 'commitment' as const, payloadType: DOCTRINE_TYPE, commitment };
    const version = { envelope, ledger: { kind: 'commitment', salt: bytesToBase64(salt) } };
    expect(ledgerRecordMatches(version, leaf)).toBeNull();
    const wrong = new Uint8Array(32);
    expect(
      ledgerRecordMatches(
        { envelope, ledger: { kind: 'commitment', salt: bytesToBase64(wrong) } },
        leaf,
      ),
    ).toMatch(/does not open/);
    expect(ledgerRecordMatches({ envelope: other, ledger: version.ledger }, leaf)).toMatch(
      /does not open/,
    );
  });
});

describe('signedCommitmentDiffers', () => {
  const envelope = signDoctrine(buildDoctrineDocument(input), SEED);

  it('accepts the signed statement, with or without conditions', () => {
    expect(
      signedCommitmentDiffers(envelope, 'CONCORD-R1', {
        statement: 'We will not.',
        conditions: null,
      }),
    ).toBeNull();
    expect(
      signedCommitmentDiffers(envelope, 'CONCORD-R1', {
        statement: 'We will not.',
        conditions: ' ',
      }),
    ).toBeNull();
    expect(
      signedCommitmentDiffers(envelope, 'CONCORD-R7', {
        statement: 'We de-escalate.',
        conditions: 'Unless attacked',
      }),
    ).toBeNull();
  });

  it('names what differs from the signed doctrine', () => {
    expect(
      signedCommitmentDiffers(envelope, 'CONCORD-R7', {
        statement: 'We de-escalate.',
        conditions: null,
      }),
    ).toBe('The commitment shown is not the one signed in the doctrine.');
    expect(
      signedCommitmentDiffers(envelope, 'CONCORD-R1', { statement: 'We will.', conditions: null }),
    ).toBe('The commitment shown is not the one signed in the doctrine.');
    expect(
      signedCommitmentDiffers(envelope, 'GGE-2015-13a', { statement: 'x', conditions: null }),
    ).toBe('The signed doctrine has no commitment to GGE-2015-13a.');
  });

  it('refuses a payload that is not a document', () => {
    const broken = { ...envelope, payload: bytesToBase64(utf8Encode('not json')) };
    expect(
      signedCommitmentDiffers(broken, 'CONCORD-R1', {
        statement: 'We will not.',
        conditions: null,
      }),
    ).toBe('The signed doctrine could not be read.');
    const notBase64 = { ...envelope, payload: '***' };
    expect(
      signedCommitmentDiffers(notBase64, 'CONCORD-R1', { statement: 'x', conditions: null }),
    ).toBe('The signed doctrine could not be read.');
  });
});
