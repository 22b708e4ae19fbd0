import { describe, expect, it } from 'vitest';
import { decodeBase64, decodeHex, latin1ToBytes } from './bytes';
import { compareInstants, instantToMillis, parseStixTimestamp } from './timestamp';

describe('parseStixTimestamp (§2.16)', () => {
  it.each([
    ['1970-01-01T00:00:00Z', 0, ''],
    ['2016-01-20T12:31:12.123Z', 1453293072, '123'],
    ['2016-01-20T12:31:12.1230000Z', 1453293072, '123'],
    ['2016-01-20T12:31:12.000Z', 1453293072, ''],
    ['2000-02-29T00:00:00Z', 951782400, ''], // divisible by 400: leap
    ['0000-01-01T00:00:00Z', -62167219200, ''],
    ['0099-12-31T23:59:59Z', -59011459201, ''], // not read as 1999
    ['2016-12-31T23:59:60Z', 1483228800, ''], // a leap second reads as the next second
  ])('%s', (text, seconds, fraction) => {
    expect(parseStixTimestamp(text)).toEqual({ seconds, fraction });
  });

  it.each([
    '1900-02-29T00:00:00Z', // divisible by 100 only: not leap
    '2016-04-31T00:00:00Z',
    '2016-00-10T00:00:00Z',
    '2016-01-00T00:00:00Z',
    '2016-01-01T00:60:00Z',
    '2016-01-01T00:00:61Z',
    '2016-01-01T00:00:00',
    '2016-01-01T00:00:00z',
    '2016-01-01t00:00:00Z',
    '2016-01-01T00:00:00.Z',
    '2016-1-01T00:00:00Z',
    '+2016-01-01T00:00:00Z',
    '2016-01-01T00:00:00+00:00',
  ])('rejects %s', (text) => {
    expect(parseStixTimestamp(text)).toBeNull();
  });

  it('orders instants exactly, beyond millisecond precision', () => {
    const t = (s: string) => parseStixTimestamp(s)!;
    expect(compareInstants(t('2016-01-01T00:00:00.1Z'), t('2016-01-01T00:00:00.100000Z'))).toBe(0);
    expect(compareInstants(t('2016-01-01T00:00:00.0000000001Z'), t('2016-01-01T00:00:00Z'))).toBe(
      1,
    );
    expect(compareInstants(t('2015-12-31T23:59:59.999999999Z'), t('2016-01-01T00:00:00Z'))).toBe(
      -1,
    );
    expect(instantToMillis(t('2016-01-01T00:00:00.25Z'))).toBe(Date.UTC(2016, 0, 1) + 250);
  });
});

describe('octets', () => {
  it('decodes strict base64', () => {
    expect(decodeBase64('dGhpcyBpcyBhIHRlc3Q=')).toEqual(
      new TextEncoder().encode('this is a test'),
    );
    expect(decodeBase64('')).toEqual(new Uint8Array());
    expect(decodeBase64('/9g=')).toEqual(Uint8Array.of(0xff, 0xd8));
    for (const bad of ['A', 'AB=', 'A===', '====', 'AB=C', 'AB C', 'ABC-', 'ABC=D===']) {
      expect(decodeBase64(bad)).toBeNull();
    }
  });

  it('decodes hex and maps U+0000–U+00FF to octets (§9.6.4)', () => {
    expect(decodeHex('ffD8')).toEqual(Uint8Array.of(0xff, 0xd8));
    expect(decodeHex('f')).toBeNull();
    expect(decodeHex('0g')).toBeNull();
    expect(latin1ToBytes('ÿØ')).toEqual(Uint8Array.of(0xff, 0xd8));
    expect(latin1ToBytes('Ā')).toBeNull();
  });
});
