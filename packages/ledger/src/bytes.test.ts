import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  bytesToHex,
  bytesToUint32,
  hexToBytes,
  tryBase64ToBytes,
  tryUtf8Decode,
  uint32ToBytes,
  utf8Encode,
} from './bytes';
import { ledgerError } from './testing/expect';

describe('base64 (RFC 4648 §4)', () => {
  // RFC 4648 §10 test vectors.
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes and decodes %j as %s', (text, b64) => {
    expect(bytesToBase64(utf8Encode(text))).toBe(b64);
    expect(base64ToBytes(b64)).toEqual(utf8Encode(text));
  });

  it.each([
    ['Zg', 'missing padding'],
    ['Zh==', 'non-zero pad bits (RFC 4648 §3.5)'],
    ['Zm9=', 'non-zero pad bits'],
    ['Zm9v\n', 'whitespace'],
    ['Zm 9v', 'space'],
    ['Zm9v-_==', 'URL-safe alphabet'],
    ['Z===', 'too much padding'],
    ['Zg==Zg==', 'padding in the middle'],
    ['=Zg=', 'padding first'],
  ])('rejects %j (%s)', (b64) => {
    expect(tryBase64ToBytes(b64)).toBeNull();
    expect(() => base64ToBytes(b64)).toThrow(ledgerError('MALFORMED_ENCODING'));
  });

  it('round-trips arbitrary bytes, and only the canonical text decodes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const b64 = bytesToBase64(bytes);
        expect(tryBase64ToBytes(b64)).toEqual(bytes);
      }),
    );
  });
});

describe('hex', () => {
  it('round-trips lowercase hex and rejects anything else', () => {
    expect(bytesToHex(new Uint8Array([0, 1, 0xab, 0xff]))).toBe('0001abff');
    expect(hexToBytes('0001abff')).toEqual(new Uint8Array([0, 1, 0xab, 0xff]));
    for (const bad of ['0', 'AB', 'zz', '0x00']) {
      expect(() => hexToBytes(bad)).toThrow(ledgerError('MALFORMED_ENCODING'));
    }
  });
});

describe('utf8 and uint32', () => {
  it('refuses invalid UTF-8 instead of substituting U+FFFD', () => {
    expect(tryUtf8Decode(new Uint8Array([0xff]))).toBeNull();
    expect(tryUtf8Decode(new Uint8Array([0xe2, 0x80]))).toBeNull();
    expect(tryUtf8Decode(utf8Encode('— é'))).toBe('— é');
  });

  it('encodes uint32 big-endian', () => {
    expect(uint32ToBytes(0xc74f20a3)).toEqual(new Uint8Array([0xc7, 0x4f, 0x20, 0xa3]));
    expect(bytesToUint32(new Uint8Array([0, 0xc7, 0x4f, 0x20, 0xa3]), 1)).toBe(0xc74f20a3);
  });
});
