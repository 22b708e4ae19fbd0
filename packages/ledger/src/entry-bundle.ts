/** C2SP tlog-tiles "Log entries": big-endian uint16 length-prefixed entries. */
import { concatBytes, isBytes } from './bytes';
import { LedgerError } from './errors';
import { isArray } from './guards';
import { TILE_WIDTH } from './tile-path';

export const MAX_ENTRY_SIZE = 0xffff;

export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  if (!isArray(entries) || entries.length === 0 || entries.length > TILE_WIDTH) {
    throw new LedgerError('INVALID_ARGUMENT', `entries: need 1..${TILE_WIDTH}`);
  }
  const parts: Uint8Array[] = [];
  entries.forEach((entry, i) => {
    if (!isBytes(entry)) throw new LedgerError('INVALID_ARGUMENT', `entries[${i}]: not bytes`);
    if (entry.length > MAX_ENTRY_SIZE) {
      throw new LedgerError('ENTRY_TOO_LARGE', `entries[${i}]: over ${MAX_ENTRY_SIZE} bytes`);
    }
    parts.push(new Uint8Array([entry.length >> 8, entry.length & 0xff]), entry);
  });
  return concatBytes(...parts);
}

/** Splits a bundle; with `width`, the bundle must hold exactly that many entries. */
export function decodeEntryBundle(body: Uint8Array, width?: number): Uint8Array[] {
  const bad = (why: string): LedgerError => new LedgerError('MALFORMED_ENTRY_BUNDLE', why);
  if (!isBytes(body)) throw bad('bundle: must be bytes');
  const entries: Uint8Array[] = [];
  let pos = 0;
  while (pos < body.length) {
    if (entries.length === TILE_WIDTH) throw bad(`bundle: more than ${TILE_WIDTH} entries`);
    if (pos + 2 > body.length) throw bad('bundle: truncated length prefix');
    const len = (body[pos]! << 8) | body[pos + 1]!;
    pos += 2;
    if (pos + len > body.length) throw bad(`bundle: entry ${entries.length} is truncated`);
    entries.push(body.slice(pos, pos + len));
    pos += len;
  }
  if (entries.length === 0) throw bad('bundle: empty');
  if (width !== undefined && entries.length !== width) {
    throw bad(`bundle: ${entries.length} entries, expected ${width}`);
  }
  return entries;
}
