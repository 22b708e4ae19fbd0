import { describe, expect, it } from 'vitest';
import { bytesToHex, utf8Encode } from './bytes';
import { decodeEntryBundle, encodeEntryBundle } from './entry-bundle';
import { leafHash } from './hash';
import { MemoryTree } from './memory-tree';
import { formatTilePath } from './tile-path';
import type { TileRef } from './tile-path';
import { joinTileHashes, readTile, tileHashes, tileNodeIds, tilesForSize } from './tiles';
import { rootFromLeafHashes } from './tree';
import { ledgerError } from './testing/expect';

/** Count and widths of the hash tiles per level, summarised as the spec describes them. */
function summary(size: bigint): string[] {
  const out = new Map<string, number>();
  for (const t of tilesForSize(size)) {
    if (t.kind !== 'hash') continue;
    const key = `L${t.level} ${t.width === 256 ? 'full' : `partial ${t.width}`}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return [...out].map(([k, n]) => `${n}× ${k}`);
}

describe('tilesForSize (c2sp.org/tlog-tiles "Partial Tiles")', () => {
  it('matches the spec example for size 70,000', () => {
    expect(summary(70000n)).toEqual([
      '273× L0 full',
      '1× L0 partial 112',
      '1× L1 full',
      '1× L1 partial 17',
      '1× L2 partial 1',
    ]);
  });

  it('matches the spec example for size 256', () => {
    expect(summary(256n)).toEqual(['1× L0 full', '1× L1 partial 1']);
  });

  it('lists an entry bundle beside each level-0 tile, and nothing for an empty tree', () => {
    expect([...tilesForSize(0n)]).toEqual([]);
    expect([...tilesForSize(3n)].map(formatTilePath)).toEqual([
      'tile/0/000.p/3',
      'tile/entries/000.p/3',
    ]);
    const tiles = [...tilesForSize(70000n)];
    expect(tiles.filter((t) => t.kind === 'entries').length).toBe(274);
  });

  it('is lazy, so huge trees can be walked', () => {
    const it = tilesForSize((1n << 64n) - 1n);
    expect(it.next().value).toEqual({ kind: 'hash', level: 0, index: 0n, width: 256 });
  });
});

describe('tile bodies', () => {
  const h = (i: number): Uint8Array => leafHash(new Uint8Array([i]));

  it('splits and joins 32-byte hashes', () => {
    const hashes = [h(1), h(2), h(3)];
    const body = joinTileHashes(hashes);
    expect(body.length).toBe(96);
    expect(tileHashes(body)).toEqual(hashes);
    expect(tileHashes(body, 3)).toEqual(hashes);
  });

  it('rejects malformed bodies', () => {
    for (const body of [new Uint8Array(0), new Uint8Array(33), new Uint8Array(257 * 32)]) {
      expect(() => tileHashes(body)).toThrow(ledgerError('MALFORMED_TILE'));
    }
    expect(() => tileHashes(new Uint8Array(64), 3)).toThrow(ledgerError('MALFORMED_TILE'));
    expect(() => joinTileHashes([])).toThrow(ledgerError('INVALID_ARGUMENT'));
    expect(() => joinTileHashes([new Uint8Array(3)])).toThrow(ledgerError('INVALID_HASH_LENGTH'));
  });

  it('builds tiles from a node store: level-1 hashes are roots of 256 leaves', async () => {
    const tree = new MemoryTree();
    const leaves: Uint8Array[] = [];
    for (let i = 0; i < 600; i++) leaves.push(leafHash(utf8Encode(`e${i}`)));
    leaves.forEach((l) => tree.appendLeafHash(l));
    const t0: TileRef = { kind: 'hash', level: 0, index: 2n, width: 88 };
    expect(tileHashes(await readTile(t0, tree))).toEqual(leaves.slice(512, 600));
    const t1: TileRef = { kind: 'hash', level: 1, index: 0n, width: 2 };
    expect(tileHashes(await readTile(t1, tree)).map(bytesToHex)).toEqual([
      bytesToHex(rootFromLeafHashes(leaves.slice(0, 256))),
      bytesToHex(rootFromLeafHashes(leaves.slice(256, 512))),
    ]);
    expect(tileNodeIds(t1)).toEqual([
      { level: 8, index: 0n },
      { level: 8, index: 1n },
    ]);
    expect(() => tileNodeIds({ ...t0, kind: 'entries' })).toThrow(ledgerError('INVALID_ARGUMENT'));
    await expect(readTile({ ...t0, width: 89 }, tree)).rejects.toMatchObject({
      code: 'INDEX_OUT_OF_RANGE',
    });
  });
});

describe('entry bundles (c2sp.org/tlog-tiles "Log entries")', () => {
  it('prefixes each entry with a big-endian uint16 length', () => {
    const bundle = encodeEntryBundle([utf8Encode('ab'), new Uint8Array(0), new Uint8Array(258)]);
    expect(bytesToHex(bundle.subarray(0, 8))).toBe('0002616200000102');
    expect(bundle.length).toBe(2 + 2 + 2 + 0 + 2 + 258);
    expect(decodeEntryBundle(bundle, 3).map((e) => e.length)).toEqual([2, 0, 258]);
  });

  it('round-trips a full bundle of maximum-size entries', () => {
    const entries = [new Uint8Array(0xffff).fill(1), utf8Encode('x')];
    expect(decodeEntryBundle(encodeEntryBundle(entries))).toEqual(entries);
  });

  it.each([
    [[0x00], 'truncated length'],
    [[0x00, 0x03, 0x61, 0x62], 'truncated entry'],
    [[], 'empty'],
  ])('rejects %j (%s)', (bytes) => {
    expect(() => decodeEntryBundle(new Uint8Array(bytes))).toThrow(
      ledgerError('MALFORMED_ENTRY_BUNDLE'),
    );
  });

  it('rejects a wrong count and more than 256 entries', () => {
    const two = encodeEntryBundle([utf8Encode('a'), utf8Encode('b')]);
    expect(() => decodeEntryBundle(two, 3)).toThrow(ledgerError('MALFORMED_ENTRY_BUNDLE'));
    expect(() => decodeEntryBundle(new Uint8Array(257 * 2))).toThrow(
      ledgerError('MALFORMED_ENTRY_BUNDLE'),
    );
  });

  it('refuses entries that do not fit a uint16 length', () => {
    expect(() => encodeEntryBundle([new Uint8Array(0x10000)])).toThrow(
      ledgerError('ENTRY_TOO_LARGE'),
    );
    expect(() => encodeEntryBundle([])).toThrow(ledgerError('INVALID_ARGUMENT'));
  });
});
