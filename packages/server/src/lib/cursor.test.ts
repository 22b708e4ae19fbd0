import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { decodeCursor, encodeCursor, toPage } from './cursor';

describe('cursors', () => {
  it('round-trips a sort key', () => {
    expect(decodeCursor(encodeCursor(['b', 'id-2']), ['string', 'string'])).toEqual(['b', 'id-2']);
    expect(decodeCursor(undefined, ['number'])).toBeNull();
  });

  it.each([
    '%%%',
    Buffer.from('{"a":1}').toString('base64url'),
    encodeCursor(['x']),
    encodeCursor([1, 2]),
  ])('rejects a cursor it did not issue: %s', (c) => {
    let err: unknown;
    try {
      decodeCursor(c, ['string', 'string']);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).fieldErrors[0]?.field).toBe('cursor');
  });

  it('pages with one extra row', () => {
    const page = toPage(
      [1, 2, 3],
      2,
      (r) => [r],
      (r) => r * 10,
    );
    expect(page.items).toEqual([10, 20]);
    expect(decodeCursor(page.nextCursor ?? '', ['number'])).toEqual([2]);
    expect(
      toPage(
        [1, 2],
        2,
        (r) => [r],
        (r) => r,
      ).nextCursor,
    ).toBeNull();
  });
});
