/** STIX 2.1 §2.16 timestamps: syntax, calendar, exact comparison at any precision. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareStixTimestamps,
  isStixTimestamp,
  stixTimestampSortKey,
  timestampPrecision,
} from './timestamp';

describe('isStixTimestamp', () => {
  it.each([
    '2016-01-20T12:31:12Z',
    '2016-01-20T12:31:12.123Z',
    '2016-01-20T12:31:12.123456789012Z',
    '2024-02-29T00:00:00Z',
    '2016-12-31T23:59:60Z',
    '0001-01-01T00:00:00Z',
  ])('accepts %s', (s) => expect(isStixTimestamp(s)).toBe(true));

  it.each([
    '2016-01-20T12:31:12',
    '2016-01-20T12:31:12.Z',
    '2016-01-20 12:31:12Z',
    '2016-01-20t12:31:12z',
    '2016-01-20T12:31:12+00:00',
    '2023-02-29T00:00:00Z',
    '2016-04-31T00:00:00Z',
    '2016-13-01T00:00:00Z',
    '2016-01-20T24:00:00Z',
    '2016-01-20T12:60:00Z',
    '2016-01-20T12:31:60Z',
    '2016-01-20T12:31:12.1234567890123456789012345678901234567890123456789Z',
    '',
  ])('rejects %s', (s) => expect(isStixTimestamp(s)).toBe(false));

  it('counts fractional digits', () => {
    expect(timestampPrecision('2016-01-20T12:31:12Z')).toBe(0);
    expect(timestampPrecision('2016-01-20T12:31:12.120Z')).toBe(3);
    expect(() => timestampPrecision('yesterday')).toThrow(
      expect.objectContaining({ code: 'INVALID_TIMESTAMP' }),
    );
  });
});

describe('compareStixTimestamps', () => {
  it('compares exactly beyond milliseconds', () => {
    expect(
      compareStixTimestamps('2016-01-20T12:31:12.0000001Z', '2016-01-20T12:31:12.0000002Z'),
    ).toBeLessThan(0);
    expect(
      compareStixTimestamps('2016-01-20T12:31:12.1Z', '2016-01-20T12:31:12.100000000000Z'),
    ).toBe(0);
    expect(compareStixTimestamps('2016-01-20T12:31:12Z', '2016-01-20T12:31:12.000Z')).toBe(0);
    expect(
      compareStixTimestamps('2016-01-20T12:31:13Z', '2016-01-20T12:31:12.999999999Z'),
    ).toBeGreaterThan(0);
    expect(compareStixTimestamps('2016-12-31T23:59:60Z', '2016-12-31T23:59:59.9Z')).toBeGreaterThan(
      0,
    );
  });

  it('throws INVALID_TIMESTAMP on malformed input', () => {
    expect(() => compareStixTimestamps('2016-01-20', '2016-01-20T12:31:12Z')).toThrow(
      expect.objectContaining({ code: 'INVALID_TIMESTAMP' }),
    );
  });

  it('agrees with instants, and the sort key sorts the same way', () => {
    // An instant as whole milliseconds plus up to nine further digits of fraction.
    const instant = fc.record({
      ms: fc.integer({ min: 0, max: 4102444799999 }),
      extra: fc.stringMatching(/^[0-9]{0,9}$/),
    });
    const text = ({ ms, extra }: { ms: number; extra: string }) =>
      `${new Date(ms).toISOString().slice(0, 23)}${extra}Z`;
    fc.assert(
      fc.property(instant, instant, (a, b) => {
        const finer =
          a.extra.padEnd(9, '0') < b.extra.padEnd(9, '0')
            ? -1
            : a.extra.padEnd(9, '0') > b.extra.padEnd(9, '0')
              ? 1
              : 0;
        const expected = Math.sign(a.ms - b.ms) || finer;
        const [ta, tb] = [text(a), text(b)];
        expect(Math.sign(compareStixTimestamps(ta, tb))).toBe(expected);
        expect(Math.sign(compareStixTimestamps(tb, ta)) + expected).toBe(0);
        const [ka, kb] = [stixTimestampSortKey(ta), stixTimestampSortKey(tb)];
        expect(ka === kb ? 0 : ka < kb ? -1 : 1).toBe(expected);
      }),
    );
  });
});

describe('stixTimestampSortKey', () => {
  it('pads to nanoseconds and keeps finer digits', () => {
    expect(stixTimestampSortKey('2016-05-12T08:17:27Z')).toBe('2016-05-12T08:17:27.000000000');
    expect(stixTimestampSortKey('2016-05-12T08:17:27.5Z')).toBe('2016-05-12T08:17:27.500000000');
    expect(stixTimestampSortKey('2016-05-12T08:17:27.1234567891Z')).toBe(
      '2016-05-12T08:17:27.1234567891',
    );
    expect(stixTimestampSortKey('2016-05-12T08:17:27.12345678900Z')).toBe(
      '2016-05-12T08:17:27.123456789',
    );
  });
});
