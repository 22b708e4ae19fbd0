/**
 * Full audit of a tiled log (C2SP tlog-tiles) against a trusted size and root: every entry
 * hashes to its level-0 tile hash, every full tile hashes to its slot in the tile above, and
 * the leaves give the root. Tiles are read in order and each upper tile as soon as its 256
 * children are known, so memory stays O(256 · levels) however large the log.
 */
import { bytesEqual } from './bytes';
import { CompactRange } from './compact-range';
import { decodeEntryBundle } from './entry-bundle';
import { LedgerError } from './errors';
import { assertHash, emptyRoot, leafHash } from './hash';
import { assertSize } from './sizes';
import { formatTilePath, TILE_HEIGHT, TILE_WIDTH } from './tile-path';
import type { TileRef } from './tile-path';
import { tileHashes } from './tiles';
import { rootFromLeafHashes } from './tree';

export interface TileReader {
  /** The body of the hash tile or entry bundle (`tile.kind === 'entries'`). */
  readTile(tile: TileRef): Promise<Uint8Array> | Uint8Array;
}

export interface VerifyTilesOptions {
  /** Also read entry bundles and check every entry (default true). */
  entries?: boolean;
  /** Called after each tile or bundle is checked, e.g. for a progress bar. */
  onTile?: (tile: TileRef) => void;
}

const W = BigInt(TILE_WIDTH);

/** Recomputed hash of a full tile, remembered until the tile above is read. */
interface Pending {
  hash: Uint8Array;
  child: TileRef;
}

async function read(reader: TileReader, tile: TileRef): Promise<Uint8Array> {
  const path = formatTilePath(tile);
  try {
    return await reader.readTile(tile);
  } catch (cause) {
    if (cause instanceof LedgerError) throw cause;
    throw new LedgerError('READ_FAILED', `cannot read ${path}`, { cause, details: { path } });
  }
}

/** Re-throws a parse failure with the tile's path and position attached. */
function inTile<T>(tile: TileRef, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof LedgerError)) throw e;
    const path = formatTilePath(tile);
    throw new LedgerError(e.code, `${path}: ${e.message}`, {
      details: { path, level: tile.level, index: tile.index },
    });
  }
}

class TileAudit {
  private readonly pending: Pending[][] = [];
  readonly range = new CompactRange();

  constructor(
    private readonly reader: TileReader,
    private readonly options: VerifyTilesOptions,
  ) {}

  async level0(index: bigint, width: number): Promise<void> {
    const tile: TileRef = { kind: 'hash', level: 0, index, width };
    const body = await read(this.reader, tile);
    const hashes = inTile(tile, () => tileHashes(body, width));
    this.options.onTile?.(tile);
    if (this.options.entries ?? true) await this.entries(tile, hashes);
    if (width === TILE_WIDTH) {
      const subtree = rootFromLeafHashes(hashes);
      this.range.append(TILE_HEIGHT, subtree);
      await this.complete(tile, subtree);
    } else {
      for (const h of hashes) this.range.append(0, h);
    }
  }

  private async entries(hashTile: TileRef, hashes: Uint8Array[]): Promise<void> {
    const tile: TileRef = { ...hashTile, kind: 'entries' };
    const body = await read(this.reader, tile);
    const entries = inTile(tile, () => decodeEntryBundle(body, tile.width));
    entries.forEach((entry, i) => {
      if (!bytesEqual(leafHash(entry), hashes[i]!)) {
        const index = tile.index * W + BigInt(i);
        throw new LedgerError('ENTRY_MISMATCH', `entry ${index} does not match its tile hash`, {
          details: { index, path: formatTilePath(tile) },
        });
      }
    });
    this.options.onTile?.(tile);
  }

  /** A full tile's hashes are the leaves of a perfect subtree: feed it to the level above. */
  private async complete(tile: TileRef, subtree: Uint8Array): Promise<void> {
    const level = tile.level + 1;
    const row = (this.pending[level] ??= []);
    row.push({ hash: subtree, child: tile });
    if (row.length === TILE_WIDTH) await this.upper(level, tile.index / W);
  }

  /** Reads the level-`level` tile and compares it with the hashes recomputed below. */
  async upper(level: number, index: bigint): Promise<void> {
    const expected = this.pending[level] ?? [];
    this.pending[level] = [];
    const tile: TileRef = { kind: 'hash', level, index, width: expected.length };
    const body = await read(this.reader, tile);
    const hashes = inTile(tile, () => tileHashes(body, tile.width));
    hashes.forEach((h, i) => {
      const { hash, child } = expected[i]!;
      if (!bytesEqual(h, hash)) {
        const path = formatTilePath(child);
        const parent = formatTilePath(tile);
        throw new LedgerError('TILE_MISMATCH', `${path} does not hash to entry ${i} of ${parent}`, {
          details: { path, level: child.level, index: child.index, parent },
        });
      }
    });
    this.options.onTile?.(tile);
    if (tile.width === TILE_WIDTH) await this.complete(tile, rootFromLeafHashes(hashes));
  }

  /** Levels still holding hashes after the last level-0 tile have a partial tile. */
  partialLevels(): number[] {
    return this.pending.flatMap((row, level) => (row.length > 0 ? [level] : []));
  }
}

/**
 * Throws on the first fault, in reading order: MALFORMED_TILE / MALFORMED_ENTRY_BUNDLE,
 * ENTRY_MISMATCH (details.index = entry index), TILE_MISMATCH (details.level/index = the
 * tile that does not hash to its parent), ROOT_MISMATCH, or READ_FAILED.
 */
export async function verifyTiles(
  size: bigint,
  root: Uint8Array,
  reader: TileReader,
  options: VerifyTilesOptions = {},
): Promise<void> {
  assertSize(size, 'size');
  assertHash(root, 'root');
  const audit = new TileAudit(reader, options);
  const full = size / W;
  for (let index = 0n; index < full; index++) await audit.level0(index, TILE_WIDTH);
  if (size % W > 0n) await audit.level0(full, Number(size % W));
  // The partial tile at level l holds floor(size / 256^l) mod 256 hashes; its index is
  // floor(size / 256^(l+1)). Partial tiles are never hashed into the level above.
  for (const level of audit.partialLevels()) {
    await audit.upper(level, size >> BigInt(TILE_HEIGHT * (level + 1)));
  }
  const computed = size === 0n ? emptyRoot() : audit.range.root();
  if (!bytesEqual(computed, root)) {
    throw new LedgerError('ROOT_MISMATCH', 'tiles do not lead to the checkpoint root');
  }
}
