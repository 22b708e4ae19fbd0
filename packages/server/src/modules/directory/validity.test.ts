import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate, isValidOn, overlaps, utcDate } from './validity';

describe('isIsoDate', () => {
  it.each(['2026-01-01', '2024-02-29', '1999-12-31'])('accepts %s', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });
  it.each(['2026-02-29', '2026-13-01', '2026-1-01', '2026-01-01T00:00:00Z', '01/02/2026', ''])(
    'rejects %s',
    (d) => {
      expect(isIsoDate(d)).toBe(false);
    },
  );
});

describe('dates', () => {
  it('takes the UTC day of an instant and moves across month and year ends', () => {
    expect(utcDate(new Date('2026-03-31T23:59:59+02:00'))).toBe('2026-03-31');
    expect(utcDate(new Date('2026-03-31T23:59:59-02:00'))).toBe('2026-04-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-01-15', 30)).toBe('2026-02-14');
  });
});

describe('validity', () => {
  const v = (validFrom: string, validUntil: string | null) => ({ validFrom, validUntil });

  it('is inclusive at both ends and open-ended without an end', () => {
    expect(isValidOn(v('2026-01-01', '2026-01-31'), '2026-01-01')).toBe(true);
    expect(isValidOn(v('2026-01-01', '2026-01-31'), '2026-01-31')).toBe(true);
    expect(isValidOn(v('2026-01-01', '2026-01-31'), '2026-02-01')).toBe(false);
    expect(isValidOn(v('2026-01-01', '2026-01-31'), '2025-12-31')).toBe(false);
    expect(isValidOn(v('2026-01-01', null), '2099-01-01')).toBe(true);
  });

  it.each([
    [v('2026-01-01', '2026-01-31'), v('2026-01-31', '2026-02-28'), true],
    [v('2026-01-01', '2026-01-31'), v('2026-02-01', '2026-02-28'), false],
    [v('2026-01-01', null), v('2030-01-01', '2030-12-31'), true],
    [v('2026-01-01', '2026-06-30'), v('2025-01-01', null), true],
    [v('2026-07-01', null), v('2025-01-01', '2026-06-30'), false],
    [v('2026-01-01', null), v('2020-01-01', null), true],
    [v('2026-03-01', '2026-03-31'), v('2026-01-01', '2026-12-31'), true],
  ])('overlap of %o and %o is %s, in either order', (a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });
});
