import { describe, expect, it } from 'vitest';
import { bytesToBase64, bytesToHex, hexToBytes, sha256, utf8Encode } from '@concord/ledger';
import { describeSeed, parseSeedFile, parseSeedText } from './signing-key';

// The demo key of the participant `estonia`: SHA-256 of "concord-demo-key:estonia".
const SEED = sha256(utf8Encode('concord-demo-key:estonia'));
const PKCS8 = new Uint8Array([...hexToBytes('302e020100300506032b657004220420'), ...SEED]);

const seedOf = (result: ReturnType<typeof parseSeedText>) => {
  if (!result.ok) throw new Error(result.message);
  return bytesToHex(result.seed);
};

describe('parseSeedText', () => {
  it('reads hex, with or without 0x and spaces', () => {
    expect(seedOf(parseSeedText(bytesToHex(SEED)))).toBe(bytesToHex(SEED));
    expect(seedOf(parseSeedText(`0x${bytesToHex(SEED).toUpperCase()}`))).toBe(bytesToHex(SEED));
    expect(seedOf(parseSeedText(bytesToHex(SEED).replace(/(.{8})/g, '$1 ')))).toBe(
      bytesToHex(SEED),
    );
  });

  it('reads standard and URL-safe base64, padded or not', () => {
    const b64 = bytesToBase64(SEED);
    expect(seedOf(parseSeedText(b64))).toBe(bytesToHex(SEED));
    const url = b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect(seedOf(parseSeedText(url))).toBe(bytesToHex(SEED));
  });

  it('reads a PEM PKCS#8 Ed25519 private key', () => {
    const pem = `-----BEGIN PRIVATE KEY-----\n${bytesToBase64(PKCS8)}\n-----END PRIVATE KEY-----\n`;
    expect(seedOf(parseSeedText(pem))).toBe(bytesToHex(SEED));
  });

  it('refuses an empty input, a public key, a wrong length and garbage, each with its code', () => {
    expect(parseSeedText('  ')).toMatchObject({ ok: false, code: 'EMPTY' });
    expect(
      parseSeedText('-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----'),
    ).toMatchObject({ ok: false, code: 'PUBLIC_KEY' });
    expect(parseSeedText(bytesToBase64(SEED.subarray(0, 16)))).toMatchObject({
      ok: false,
      code: 'WRONG_LENGTH',
    });
    expect(parseSeedText(`${bytesToHex(SEED)}00`)).toMatchObject({
      ok: false,
      code: 'WRONG_LENGTH',
    });
    expect(parseSeedText('not a key at all!')).toMatchObject({ ok: false, code: 'NOT_A_KEY' });
    expect(
      parseSeedText('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'),
    ).toMatchObject({ ok: false, code: 'NOT_A_KEY' });
  });
});

describe('parseSeedFile', () => {
  it('reads raw bytes, DER and text files', () => {
    expect(seedOf(parseSeedFile(SEED))).toBe(bytesToHex(SEED));
    expect(seedOf(parseSeedFile(PKCS8))).toBe(bytesToHex(SEED));
    expect(seedOf(parseSeedFile(utf8Encode(`${bytesToHex(SEED)}\n`)))).toBe(bytesToHex(SEED));
  });

  it('refuses an empty or binary file', () => {
    expect(parseSeedFile(new Uint8Array())).toMatchObject({ ok: false, code: 'EMPTY' });
    expect(parseSeedFile(new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x80]))).toMatchObject({
      ok: false,
      code: 'NOT_A_KEY',
    });
  });
});

describe('describeSeed', () => {
  it('gives the DSSE key id: hex SHA-256 of the public key', () => {
    const { keyId, publicKey } = describeSeed(SEED);
    expect(publicKey).toHaveLength(32);
    expect(keyId).toBe(bytesToHex(sha256(publicKey)));
  });
});
