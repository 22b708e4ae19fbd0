import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entriesTilePath, formatTilePath, parseTilePath, tilePath } from './tile-path';
import { ledgerError } from './testing/expect';

describe('tile paths (c2sp.org/tlog-tiles)', () => {
  it('encodes the index in x-prefixed 3-digit groups (the spec example)', () => {
    expect(tilePath(0, 1234067n)).toBe('tile/0/x001/x234/067');
    expect(parseTilePath('tile/0/x001/x234/067')).toEqual({
      kind: 'hash',
      level: 0,
      index: 1234067n,
      width: 256,
    });
  });

  it.each([
    [0, 0n, 256, 'tile/0/000'],
    [0, 999n, 256, 'tile/0/999'],
    [1, 1000n, 256, 'tile/1/x001/000'],
    [2, 5n, 17, 'tile/2/005.p/17'],
    [63, 0n, 1, 'tile/63/000.p/1'],
    [0, 1000000n, 255, 'tile/0/x001/x000/000.p/255'],
  ])('tilePath(%i, %i, %i) = %s', (level, index, width, path) => {
    expect(tilePath(level, index, width)).toBe(path);
    expect(parseTilePath(path)).toEqual({ kind: 'hash', level, index, width });
  });

  it('encodes entry bundles', () => {
    expect(entriesTilePath(1234067n)).toBe('tile/entries/x001/x234/067');
    expect(entriesTilePath(0n, 112)).toBe('tile/entries/000.p/112');
    expect(parseTilePath('tile/entries/x001/x234/067.p/5')).toEqual({
      kind: 'entries',
      level: 0,
      index: 1234067n,
      width: 5,
    });
  });

  it.each([
    'tile/0/0',
    'tile/0/0000',
    'tile/0/x000/001',
    'tile/0/x001',
    'tile/0/001/002',
    'tile/0/x01/002',
    'tile/00/000',
    'tile/01/000',
    'tile/64/000',
    'tile/-1/000',
    'tile/0/000.p/0',
    'tile/0/000.p/256',
    'tile/0/000.p/007',
    'tile/0/000.p/',
    'tile/0/000.p',
    'tile/0/000.p/12/3',
    'tile/0/000/',
    '/tile/0/000',
    'tiles/0/000',
    'tile/0',
    'tile/entry/000',
    'tile/0/x-01/000',
    'tile/0/x001/x002/x003/x004/x005/x006/x007/000',
    'tile/1/x018/x446/x744/x073/x709/551/616',
    'tile/0/abc',
    'x'.repeat(100),
  ])('rejects %j', (path) => {
    expect(() => parseTilePath(path)).toThrow(ledgerError('MALFORMED_TILE_PATH'));
  });

  it('rejects bad arguments when formatting', () => {
    expect(() => tilePath(64, 0n)).toThrow(ledgerError('INVALID_ARGUMENT'));
    expect(() => tilePath(0.5, 0n)).toThrow(ledgerError('INVALID_ARGUMENT'));
    expect(() => tilePath(0, 0n, 0)).toThrow(ledgerError('INVALID_ARGUMENT'));
    expect(() => tilePath(0, 0n, 257)).toThrow(ledgerError('INVALID_ARGUMENT'));
    expect(() => tilePath(0, -1n)).toThrow(ledgerError('INVALID_SIZE'));
  });

  it('round-trips every tile (property)', () => {
    const tile = fc.record({
      kind: fc.constantFrom('hash' as const, 'entries' as const),
      level: fc.integer({ min: 0, max: 7 }),
      index: fc.bigInt({ min: 0n, max: (1n << 64n) / 256n ** 8n - 1n }),
      width: fc.integer({ min: 1, max: 256 }),
    });
    fc.assert(
      fc.property(tile, (t) => {
        const ref = { ...t, level: t.kind === 'entries' ? 0 : t.level };
        expect(parseTilePath(formatTilePath(ref))).toEqual(ref);
      }),
    );
  });
});
