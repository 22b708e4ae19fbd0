/** C2SP tlog-tiles (https://c2sp.org/tlog-tiles) resource paths, "Merkle Tree" section. */
import { LedgerError } from './errors';
import { assertSize, MAX_TREE_SIZE } from './sizes';

/** Tiles are subtrees of height 8: 256 hashes wide when full. */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;
/** <L> is between 0 and 63. */
export const MAX_TILE_LEVEL = 63;

/**
 * A hash tile at `level` (hashes of subtrees of 256^level leaves), or an entry bundle
 * (`kind: 'entries'`, level 0). `width` is 256 for full tiles, 1..255 for partial ones.
 */
export interface TileRef {
  kind: 'hash' | 'entries';
  level: number;
  index: bigint;
  width: number;
}

/** <N>: zero-padded 3-digit path elements, all but the last prefixed with "x". */
function encodeIndex(index: bigint): string {
  let n = index;
  let out = (n % 1000n).toString().padStart(3, '0');
  while (n >= 1000n) {
    n /= 1000n;
    out = `x${(n % 1000n).toString().padStart(3, '0')}/${out}`;
  }
  return out;
}

function assertTileArgs(level: number, index: bigint, width: number): void {
  if (!Number.isInteger(level) || level < 0 || level > MAX_TILE_LEVEL) {
    throw new LedgerError('INVALID_ARGUMENT', `level: must be an integer in 0..${MAX_TILE_LEVEL}`);
  }
  assertSize(index, 'index');
  if (!Number.isInteger(width) || width < 1 || width > TILE_WIDTH) {
    throw new LedgerError('INVALID_ARGUMENT', `width: must be an integer in 1..${TILE_WIDTH}`);
  }
}

const suffix = (width: number): string => (width === TILE_WIDTH ? '' : `.p/${width}`);

/** `tile/<L>/<N>[.p/<W>]`, relative to the log prefix. */
export function tilePath(level: number, index: bigint, width: number = TILE_WIDTH): string {
  assertTileArgs(level, index, width);
  return `tile/${level}/${encodeIndex(index)}${suffix(width)}`;
}

/** `tile/entries/<N>[.p/<W>]`, relative to the log prefix. */
export function entriesTilePath(index: bigint, width: number = TILE_WIDTH): string {
  assertTileArgs(0, index, width);
  return `tile/entries/${encodeIndex(index)}${suffix(width)}`;
}

export function formatTilePath(tile: TileRef): string {
  return tile.kind === 'entries'
    ? entriesTilePath(tile.index, tile.width)
    : tilePath(tile.level, tile.index, tile.width);
}

const MAX_PATH_LENGTH = 64;

/** Strict inverse of tilePath/entriesTilePath: only the canonical spelling is accepted. */
export function parseTilePath(path: string): TileRef {
  const bad = (why: string): LedgerError =>
    new LedgerError('MALFORMED_TILE_PATH', `tile path: ${why}`);
  if (typeof path !== 'string' || path.length > MAX_PATH_LENGTH) throw bad('too long');
  const parts = path.split('/');
  if (parts.length < 3 || parts[0] !== 'tile') throw bad('must start with tile/<L>/');
  const levelPart = parts[1]!;
  const kind = levelPart === 'entries' ? 'entries' : 'hash';
  if (kind === 'hash' && !/^(0|[1-9][0-9]?)$/.test(levelPart)) throw bad('bad level');
  const level = kind === 'entries' ? 0 : Number(levelPart);
  if (level > MAX_TILE_LEVEL) throw bad('level above 63');
  const elems = parts.slice(2);
  let width = TILE_WIDTH;
  const beforeLast = elems[elems.length - 2];
  if (beforeLast !== undefined && beforeLast.endsWith('.p')) {
    const w = elems.pop()!;
    if (!/^[1-9][0-9]{0,2}$/.test(w) || Number(w) > TILE_WIDTH - 1) throw bad('bad width');
    width = Number(w);
    elems[elems.length - 1] = beforeLast.slice(0, -2);
  }
  const last = elems.length - 1;
  if (!elems.every((e, i) => (i === last ? /^[0-9]{3}$/ : /^x[0-9]{3}$/).test(e))) {
    throw bad('index must be 3-digit groups, all but the last prefixed with x');
  }
  if (elems.length > 1 && elems[0] === 'x000') throw bad('index has a leading zero group');
  const index = BigInt(elems.map((e) => e.replace('x', '')).join(''));
  // The tile's start index n·256^(L+1) must be a possible leaf index.
  if (index << BigInt(TILE_HEIGHT * (level + 1)) > MAX_TREE_SIZE) throw bad('index too large');
  return { kind, level, index, width };
}
