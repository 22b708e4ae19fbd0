import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utf8Encode } from './bytes';
import { encodeEntryBundle } from './entry-bundle';
import { defaultSha256, setSha256 } from './hash';
import { MemoryTree } from './memory-tree';
import { useNodeCrypto } from './node';
import { formatTilePath } from './tile-path';
import type { TileRef } from './tile-path';
import type { TileReader } from './tile-verify';
import { verifyTiles } from './tile-verify';
import { readTile, tileHashes, tilesForSize } from './tiles';
import { ledgerError } from './testing/expect';

const SIZE = 70000; // three tile levels, as in the tlog-tiles example
const entries: Uint8Array[] = [];
const tree = new MemoryTree();

// 70,000 entries hash faster natively; the pure-JS hasher is covered everywhere else.
beforeAll(() => {
  useNodeCrypto();
  for (let i = 0; i < SIZE; i++) {
    const entry = utf8Encode(`statement ${i}`);
    entries.push(entry);
    tree.appendData(entry);
  }
});

afterAll(() => setSha256(defaultSha256));

/** Serves tiles of the first `size` leaves, with some bodies replaced. */
function reader(overrides: Record<string, Uint8Array> = {}): TileReader & { paths: string[] } {
  const paths: string[] = [];
  return {
    paths,
    readTile: async (tile: TileRef) => {
      const path = formatTilePath(tile);
      paths.push(path);
      if (path in overrides) return overrides[path]!;
      if (tile.kind === 'hash') return readTile(tile, tree);
      const start = Number(tile.index) * 256;
      return encodeEntryBundle(entries.slice(start, start + tile.width));
    },
  };
}

/** The body at `path` with one bit flipped in hash/entry `i`. */
async function tampered(tile: TileRef, i: number): Promise<Uint8Array> {
  const body = Uint8Array.from(await reader().readTile(tile));
  body[tile.kind === 'hash' ? i * 32 + 5 : 0]! ^= 1;
  return body;
}

describe('verifyTiles', () => {
  it.each([1, 255, 256, 257, 513, 65536, SIZE])(
    'accepts an honest log of %i entries',
    async (size) => {
      const r = reader();
      const seen: string[] = [];
      await verifyTiles(BigInt(size), tree.root(BigInt(size)), r, {
        onTile: (t) => seen.push(formatTilePath(t)),
      });
      // Every tile the tree has was read and checked exactly once.
      const all = [...tilesForSize(BigInt(size))].map(formatTilePath).sort();
      expect([...r.paths].sort()).toEqual(all);
      expect([...seen].sort()).toEqual(all);
    },
  );

  it('accepts the empty log and skips entry bundles on request', async () => {
    await verifyTiles(0n, tree.root(0n), reader());
    const r = reader();
    await verifyTiles(1000n, tree.root(1000n), r, { entries: false });
    expect(r.paths.some((p) => p.startsWith('tile/entries/'))).toBe(false);
  });

  it('names the first entry that does not match its leaf hash', async () => {
    const bundle = encodeEntryBundle(
      [...entries.slice(512, 768)].map((e, i) => (i === 7 ? utf8Encode('forged') : e)),
    );
    await expect(
      verifyTiles(BigInt(SIZE), tree.root(BigInt(SIZE)), reader({ 'tile/entries/002': bundle })),
    ).rejects.toMatchObject({ code: 'ENTRY_MISMATCH', details: { index: 519n } });
  });

  it('names the level-0 tile that does not hash into level 1', async () => {
    const tile: TileRef = { kind: 'hash', level: 0, index: 3n, width: 256 };
    const r = reader({ 'tile/0/003': await tampered(tile, 10) });
    await expect(
      verifyTiles(BigInt(SIZE), tree.root(BigInt(SIZE)), r, { entries: false }),
    ).rejects.toMatchObject({
      code: 'TILE_MISMATCH',
      details: { level: 0, index: 3n, parent: 'tile/1/000' },
    });
  });

  it('catches a forged level-1 and a forged partial level-2 tile', async () => {
    const l1: TileRef = { kind: 'hash', level: 1, index: 1n, width: 17 };
    await expect(
      verifyTiles(
        BigInt(SIZE),
        tree.root(BigInt(SIZE)),
        reader({ 'tile/1/001.p/17': await tampered(l1, 16) }),
      ),
    ).rejects.toMatchObject({ code: 'TILE_MISMATCH', details: { level: 0, index: 272n } });
    const l2: TileRef = { kind: 'hash', level: 2, index: 0n, width: 1 };
    await expect(
      verifyTiles(
        BigInt(SIZE),
        tree.root(BigInt(SIZE)),
        reader({ 'tile/2/000.p/1': await tampered(l2, 0) }),
      ),
    ).rejects.toMatchObject({ code: 'TILE_MISMATCH', details: { level: 1, index: 0n } });
  });

  it('catches a forged partial level-0 tile through the root', async () => {
    const tile: TileRef = { kind: 'hash', level: 0, index: 273n, width: 112 };
    const r = reader({ 'tile/0/273.p/112': await tampered(tile, 111) });
    await expect(
      verifyTiles(BigInt(SIZE), tree.root(BigInt(SIZE)), r, { entries: false }),
    ).rejects.toMatchObject({
      code: 'ROOT_MISMATCH',
    });
    await expect(verifyTiles(BigInt(SIZE), tree.root(BigInt(SIZE)), r)).rejects.toMatchObject({
      code: 'ENTRY_MISMATCH',
      details: { index: 273n * 256n + 111n },
    });
  });

  it('rejects a root from another size', async () => {
    await expect(verifyTiles(1000n, tree.root(999n), reader())).rejects.toMatchObject({
      code: 'ROOT_MISMATCH',
    });
  });

  it('reports malformed tiles and bundles with their path', async () => {
    const tile: TileRef = { kind: 'hash', level: 0, index: 1n, width: 256 };
    const short = (await reader().readTile(tile)).slice(0, 255 * 32);
    await expect(
      verifyTiles(1000n, tree.root(1000n), reader({ 'tile/0/001': short })),
    ).rejects.toMatchObject({
      code: 'MALFORMED_TILE',
      details: { path: 'tile/0/001' },
    });
    await expect(
      verifyTiles(1000n, tree.root(1000n), reader({ 'tile/entries/001': new Uint8Array([0, 9]) })),
    ).rejects.toMatchObject({
      code: 'MALFORMED_ENTRY_BUNDLE',
      details: { path: 'tile/entries/001' },
    });
  });

  it('wraps reader failures', async () => {
    const failing: TileReader = {
      readTile: () => {
        throw new Error('404');
      },
    };
    await expect(verifyTiles(10n, tree.root(10n), failing)).rejects.toMatchObject({
      code: 'READ_FAILED',
      details: { path: 'tile/0/000.p/10' },
    });
  });

  it('checks its own arguments', async () => {
    await expect(verifyTiles(-1n, tree.root(1n), reader())).rejects.toThrow(
      ledgerError('INVALID_SIZE'),
    );
    await expect(verifyTiles(1n, new Uint8Array(3), reader())).rejects.toThrow(
      ledgerError('INVALID_HASH_LENGTH'),
    );
  });

  it('tile bodies served here really are the tree (sanity check of the fixture)', async () => {
    const l1 = tileHashes(
      await reader().readTile({ kind: 'hash', level: 1, index: 0n, width: 256 }),
    );
    expect(l1[0]).toEqual(tree.readNodes([{ level: 8, index: 0n }])[0]);
  });
});
