/** C2SP tlog-tiles: which tiles a tree has, and tile bodies as runs of 32-byte hashes. */
import { concatBytes, isBytes } from './bytes';
import { LedgerError } from './errors';
import { isArray } from './guards';
import { assertHash, HASH_SIZE } from './hash';
import { readNodesChecked } from './node-reader';
import type { NodeReader } from './node-reader';
import { assertSize } from './sizes';
import { TILE_HEIGHT, TILE_WIDTH } from './tile-path';
import type { TileRef } from './tile-path';
import type { NodeId } from './tree';

const W = BigInt(TILE_WIDTH);

/**
 * Every tile of a tree of `size` leaves, lazily (a large log has millions): per level from
 * 0 up, in index order, each level-0 hash tile followed by its entry bundle. The partial tile
 * at level l has floor(size / 256^l) mod 256 hashes; empty tiles do not exist.
 */
export function* tilesForSize(size: bigint): Generator<TileRef, void, undefined> {
  assertSize(size, 'size');
  let atLevel = size; // number of hashes at this tile level: floor(size / 256^level)
  for (let level = 0; atLevel > 0n; level++) {
    const full = atLevel / W;
    const partial = Number(atLevel % W);
    const count = full + (partial > 0 ? 1n : 0n);
    for (let index = 0n; index < count; index++) {
      const width = index < full ? TILE_WIDTH : partial;
      yield { kind: 'hash', level, index, width };
      if (level === 0) yield { kind: 'entries', level, index, width };
    }
    atLevel = full;
  }
}

/** Splits a tile body into its hashes; with `width`, it must hold exactly that many. */
export function tileHashes(body: Uint8Array, width?: number): Uint8Array[] {
  if (!isBytes(body) || body.length === 0 || body.length % HASH_SIZE !== 0) {
    throw new LedgerError('MALFORMED_TILE', 'tile: body is not a whole number of hashes');
  }
  const count = body.length / HASH_SIZE;
  if (count > TILE_WIDTH) throw new LedgerError('MALFORMED_TILE', 'tile: over 256 hashes');
  if (width !== undefined && count !== width) {
    throw new LedgerError('MALFORMED_TILE', `tile: ${count} hashes, expected ${width}`);
  }
  const out: Uint8Array[] = [];
  for (let i = 0; i < count; i++) out.push(body.slice(i * HASH_SIZE, (i + 1) * HASH_SIZE));
  return out;
}

export function joinTileHashes(hashes: readonly Uint8Array[]): Uint8Array {
  if (!isArray(hashes) || hashes.length === 0 || hashes.length > TILE_WIDTH) {
    throw new LedgerError('INVALID_ARGUMENT', `hashes: need 1..${TILE_WIDTH}`);
  }
  hashes.forEach((h, i) => assertHash(h, `hashes[${i}]`));
  return concatBytes(...hashes);
}

/** The tree nodes a hash tile holds: level 8·L, indices n·256 .. n·256 + width − 1. */
export function tileNodeIds(tile: TileRef): NodeId[] {
  if (tile.kind !== 'hash') throw new LedgerError('INVALID_ARGUMENT', 'not a hash tile');
  const level = tile.level * TILE_HEIGHT;
  return Array.from({ length: tile.width }, (_, i) => ({
    level,
    index: tile.index * W + BigInt(i),
  }));
}

/** A hash tile's body built from a node store, for serving tiles (one readNodes call). */
export async function readTile(tile: TileRef, reader: NodeReader): Promise<Uint8Array> {
  const ids = tileNodeIds(tile);
  const hashes = await readNodesChecked(reader, ids);
  return joinTileHashes(hashes);
}
