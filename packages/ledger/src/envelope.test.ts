import { describe, expect, it } from 'vitest';
import { bytesToBase64, bytesToHex, hexToBytes, utf8Encode } from './bytes';
import { ed25519Sign, ed25519Verify } from './ed25519';
import type { Envelope } from './envelope';
import { ed25519StatementSigner, pae, statementKeyId } from './dsse';
import {
  envelopeFromLeafData,
  envelopeLeafData,
  parseEnvelope,
  signStatement,
  verifyStatement,
} from './envelope';
import { sha256 } from './hash';
import { ledgerError } from './testing/expect';

const TYPE = 'application/vnd.concord.statement+json';
const alice = ed25519StatementSigner(new Uint8Array(32).fill(1));
const bob = ed25519StatementSigner(new Uint8Array(32).fill(2));
const keys = new Map([[alice.keyid, alice.publicKey]]);
const lookup = (keyid: string) => keys.get(keyid) ?? null;
const statement = { kind: 'attribution', severity: 3, tags: ['ics', 'é'], ok: true, note: null };

describe('Ed25519 (RFC 8032)', () => {
  it('reproduces RFC 8032 §7.1 TEST 1', () => {
    const seed = hexToBytes('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
    const pub = hexToBytes('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const sig = ed25519Sign(new Uint8Array(0), seed);
    expect(bytesToHex(sig)).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
    expect(ed25519Verify(sig, new Uint8Array(0), pub)).toBe(true);
    expect(ed25519Verify(sig, new Uint8Array(1), pub)).toBe(false);
    expect(ed25519Verify(sig.slice(1), new Uint8Array(0), pub)).toBe(false);
  });
});

describe('DSSE envelopes', () => {
  it('encodes PAE as in the DSSE protocol example', () => {
    const got = pae('http://example.com/HelloWorld', utf8Encode('hello world'));
    expect(new TextDecoder().decode(got)).toBe(
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    );
    // LEN counts bytes, not characters.
    expect(new TextDecoder().decode(pae('a/é', utf8Encode('€')))).toBe('DSSEv1 4 a/é 3 €');
  });

  it('derives keyid as the hex SHA-256 of the raw public key', () => {
    expect(alice.keyid).toBe(bytesToHex(sha256(alice.publicKey)));
    expect(statementKeyId(alice.publicKey)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs the JCS bytes and verifies after a JSON round trip', () => {
    const env = signStatement(TYPE, statement, alice);
    expect(atobText(env.payload)).toBe(
      '{"kind":"attribution","note":null,"ok":true,"severity":3,"tags":["ics","é"]}',
    );
    const wire = JSON.parse(JSON.stringify(env)) as unknown;
    expect(verifyStatement(wire, lookup)).toEqual({
      payloadType: TYPE,
      payload: statement,
      keyids: [alice.keyid],
    });
  });

  it('ignores unknown signers and needs one known signature', () => {
    const env = cosign(signStatement(TYPE, statement, bob), alice);
    expect(verifyStatement(env, lookup).keyids).toEqual([alice.keyid]);
    expect(() => verifyStatement(signStatement(TYPE, statement, bob), lookup)).toThrow(
      ledgerError('UNKNOWN_KEY'),
    );
  });

  it('rejects tampering with the payload or its type', () => {
    const env = signStatement(TYPE, statement, alice);
    const otherPayload = { ...env, payload: bytesToBase64(utf8Encode('{"kind":"other"}')) };
    expect(() => verifyStatement(otherPayload, lookup)).toThrow(ledgerError('BAD_SIGNATURE'));
    expect(() => verifyStatement({ ...env, payloadType: 'application/json' }, lookup)).toThrow(
      ledgerError('BAD_SIGNATURE'),
    );
    const sig = new Uint8Array(64);
    const forged = { ...env, signatures: [{ keyid: alice.keyid, sig: bytesToBase64(sig) }] };
    expect(() => verifyStatement(forged, lookup)).toThrow(ledgerError('BAD_SIGNATURE'));
  });

  it('refuses a lookup that returns a key not matching the keyid', () => {
    const env = signStatement(TYPE, statement, alice);
    expect(() => verifyStatement(env, () => bob.publicKey)).toThrow(ledgerError('MALFORMED_KEY'));
    expect(() => verifyStatement(env, () => new Uint8Array(32))).toThrow(
      ledgerError('MALFORMED_KEY'),
    );
  });

  it('refuses bad statements and payload types when signing', () => {
    expect(() => signStatement(TYPE, { when: new Date(0) }, alice)).toThrow(
      ledgerError('INVALID_PAYLOAD'),
    );
    expect(() => signStatement(TYPE, { n: NaN }, alice)).toThrow(ledgerError('INVALID_PAYLOAD'));
    for (const type of ['json', 'a/b; charset=utf-8', ' a/b', 'a/b/c', '']) {
      expect(() => signStatement(type, statement, alice)).toThrow(
        ledgerError('INVALID_PAYLOAD_TYPE'),
      );
    }
    expect(() => signStatement(TYPE, statement, { keyid: 'ABC', sign: alice.sign })).toThrow(
      ledgerError('MALFORMED_KEY'),
    );
  });
});

describe('parseEnvelope', () => {
  const env = signStatement(TYPE, statement, alice);
  const sig0 = env.signatures[0]!;

  it('accepts a well-formed envelope and copies it', () => {
    const parsed = parseEnvelope(env);
    expect(parsed).toEqual(env);
    expect(parsed).not.toBe(env);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['an array', [env]],
    ['a string', JSON.stringify(env)],
    ['a class instance', Object.assign(new (class X {})(), env)],
    ['an extra field', { ...env, extra: 1 }],
    ['no signatures field', { payloadType: env.payloadType, payload: env.payload }],
    ['a payloadType that is not a media type', { ...env, payloadType: 'text' }],
    ['a numeric payload', { ...env, payload: 5 }],
    ['non-canonical base64', { ...env, payload: env.payload.replace(/=*$/, '') }],
    [
      'URL-safe base64',
      { ...env, payload: env.payload.replace(/\+/g, '-').replace(/\//g, '_') + '-' },
    ],
    ['no signatures', { ...env, signatures: [] }],
    [
      '17 signatures',
      {
        ...env,
        signatures: Array.from({ length: 17 }, (_, i) => ({ keyid: hex64(i), sig: sig0.sig })),
      },
    ],
    ['an uppercase keyid', { ...env, signatures: [{ ...sig0, keyid: sig0.keyid.toUpperCase() }] }],
    ['a short keyid', { ...env, signatures: [{ ...sig0, keyid: 'abcd' }] }],
    ['a repeated keyid', { ...env, signatures: [sig0, sig0] }],
    [
      'a 63-byte sig',
      { ...env, signatures: [{ ...sig0, sig: bytesToBase64(new Uint8Array(63)) }] },
    ],
    ['an extra signature field', { ...env, signatures: [{ ...sig0, cert: 'x' }] }],
    ['a signature that is a string', { ...env, signatures: ['x'] }],
  ])('rejects %s', (_, value) => {
    expect(() => parseEnvelope(value)).toThrow(ledgerError('MALFORMED_ENVELOPE'));
  });

  it('rejects a payload that is not canonical JSON', () => {
    const loose = { ...env, payload: bytesToBase64(utf8Encode('{ "kind": "x" }')) };
    expect(() => parseEnvelope(loose)).toThrow(ledgerError('INVALID_PAYLOAD'));
    const notJson = { ...env, payload: bytesToBase64(utf8Encode('hello')) };
    expect(() => parseEnvelope(notJson)).toThrow(ledgerError('INVALID_PAYLOAD'));
  });
});

describe('leaf data', () => {
  it('is the canonical JSON of the envelope, and parses back', () => {
    const env = signStatement(TYPE, statement, alice);
    const data = envelopeLeafData(env);
    const text = new TextDecoder().decode(data);
    expect(text).toBe(
      `{"payload":"${env.payload}","payloadType":"${TYPE}","signatures":[{"keyid":"${alice.keyid}","sig":"${sig(env)}"}]}`,
    );
    expect(
      envelopeLeafData({ signatures: env.signatures, payload: env.payload, payloadType: TYPE }),
    ).toEqual(data);
    expect(envelopeFromLeafData(data)).toEqual(env);
  });

  it('rejects leaf data that is not exactly a canonical envelope', () => {
    const env = signStatement(TYPE, statement, alice);
    const spaced = utf8Encode(JSON.stringify(env, null, 1));
    expect(() => envelopeFromLeafData(spaced)).toThrow(ledgerError('MALFORMED_ENVELOPE'));
    expect(() => envelopeFromLeafData(utf8Encode('{"a":1}'))).toThrow(
      ledgerError('MALFORMED_ENVELOPE'),
    );
  });
});

function atobText(b64: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
}

function sig(env: Envelope): string {
  return env.signatures[0]!.sig;
}

function hex64(i: number): string {
  return i.toString(16).padStart(64, '0');
}

/** Adds a second signature over the same PAE, as a co-signer would. */
function cosign(env: Envelope, signer: typeof alice): Envelope {
  const body = Uint8Array.from(atob(env.payload), (c) => c.charCodeAt(0));
  const s = signer.sign(pae(env.payloadType, body));
  return {
    ...env,
    signatures: [...env.signatures, { keyid: signer.keyid, sig: bytesToBase64(s) }],
  };
}
