/**
 * Recomputes a tiled log (C2SP tlog-tiles) from its entries: each entry's leaf hash against
 * its level-0 tile, each full tile's subtree hash against its slot in the tile above, and the
 * root. Tiles arrive in `tilesForSize` order (level by level, each level-0 hash tile followed
 * by its entry bundle). Alongside, it computes the root of the first `prefixSize` leaves, so
 * a recorded older checkpoint can be checked against the very hashes just verified.
 *
 * Memory: one recomputed hash per full tile (size / 256 · 32 bytes), kept until the level
 * above has been compared.
 */
import {
  bytesEqual,
  bytesToBase64,
  CompactRange,
  decodeEntryBundle,
  formatTilePath,
  isLedgerError,
  leafHash,
  rootFromLeafHashes,
  TILE_HEIGHT,
  TILE_WIDTH,
  tileHashes,
  type TileRef,
} from '@concord/ledger';
import { CliError } from '../errors';

const W = BigInt(TILE_WIDTH);

/** "0/004", "0/000.p/5", "entries/004": the tile path without its "tile/" prefix. */
export const tileName = (tile: TileRef): string => formatTilePath(tile).slice('tile/'.length);

/** Number of tiles and entry bundles a tree of `size` leaves has (tilesForSize's length). */
export function countTiles(size: bigint): number {
  let total = 0n;
  for (let atLevel = size, level = 0; atLevel > 0n; atLevel /= W, level++) {
    const count = (atLevel + W - 1n) / W;
    total += level === 0 ? 2n * count : count;
  }
  return Number(total);
}

export interface AuditResult {
  root: Uint8Array;
  /** MTH of the first `prefixSize` leaves, when a prefix size was given. */
  prefixRoot: Uint8Array | null;
}

export class TileAudit {
  entriesVerified = 0n;
  private readonly range = new CompactRange();
  private readonly prefix = new CompactRange();
  /** children[L]: recomputed subtree hashes of the full tiles at level L-1, in index order. */
  private readonly children: Uint8Array[][] = [];
  private leafTile: { tile: TileRef; hashes: Uint8Array[] } | null = null;

  constructor(
    readonly size: bigint,
    readonly prefixSize: bigint | null,
  ) {}

  accept(tile: TileRef, body: Uint8Array): void {
    if (tile.kind === 'entries') this.entries(tile, body);
    else if (tile.level === 0) this.leafHashes(tile, body);
    else this.upper(tile, body);
  }

  finish(): AuditResult {
    return {
      root: this.range.root(),
      prefixRoot: this.prefixSize === null ? null : this.prefix.root(),
    };
  }

  private parse<T>(tile: TileRef, parse: () => T): T {
    try {
      return parse();
    } catch (err) {
      if (!isLedgerError(err)) throw err;
      throw new CliError(`tile ${tileName(tile)}: ${err.message.replace(/^(tile|bundle): /, '')}`);
    }
  }

  private leafHashes(tile: TileRef, body: Uint8Array): void {
    const hashes = this.parse(tile, () => tileHashes(body, tile.width));
    this.leafTile = { tile, hashes };
    const start = tile.index * W;
    const full = tile.width === TILE_WIDTH;
    const subtree = full ? rootFromLeafHashes(hashes) : null;
    if (subtree) {
      this.range.append(TILE_HEIGHT, subtree);
      (this.children[1] ??= []).push(subtree);
    } else {
      for (const h of hashes) this.range.append(0, h);
    }
    if (this.prefixSize !== null && start < this.prefixSize) {
      if (subtree && start + W <= this.prefixSize) this.prefix.append(TILE_HEIGHT, subtree);
      else
        hashes.slice(0, Number(this.prefixSize - start)).forEach((h) => this.prefix.append(0, h));
    }
  }

  private entries(tile: TileRef, body: Uint8Array): void {
    const hashTile = this.leafTile;
    if (!hashTile || hashTile.tile.index !== tile.index)
      throw new Error(`entry bundle ${tileName(tile)} arrived before its hash tile`);
    const entries = this.parse(tile, () => decodeEntryBundle(body, tile.width));
    entries.forEach((entry, i) => {
      if (!bytesEqual(leafHash(entry), hashTile.hashes[i]!)) {
        const index = tile.index * W + BigInt(i);
        throw new CliError(
          `entry ${index} does not match tile ${tileName(hashTile.tile)} hash ${i}`,
        );
      }
    });
    this.entriesVerified += BigInt(entries.length);
    this.leafTile = null;
  }

  private upper(tile: TileRef, body: Uint8Array): void {
    const hashes = this.parse(tile, () => tileHashes(body, tile.width));
    // Children of a level already compared are no longer needed.
    for (let l = 1; l < tile.level; l++) this.children[l] = [];
    const below = this.children[tile.level] ?? [];
    const first = Number(tile.index * W);
    hashes.forEach((hash, i) => {
      const expected = below[first + i];
      const child: TileRef = {
        kind: 'hash',
        level: tile.level - 1,
        index: tile.index * W + BigInt(i),
        width: TILE_WIDTH,
      };
      if (!expected) throw new Error(`no recomputed hash for tile ${tileName(child)}`);
      if (!bytesEqual(hash, expected)) {
        throw new CliError(
          `tile ${tileName(tile)}: hash ${i} differs from the one recomputed from tile ${tileName(child)}`,
        );
      }
    });
    if (tile.width === TILE_WIDTH)
      (this.children[tile.level + 1] ??= []).push(rootFromLeafHashes(hashes));
  }
}

export function describeRootMismatch(computed: Uint8Array, signed: Uint8Array): string {
  return `the tiles do not lead to the checkpoint's root: recomputed ${bytesToBase64(computed)}, signed ${bytesToBase64(signed)}`;
}
