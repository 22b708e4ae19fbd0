/** C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the signed tree head. */
import { bytesToBase64, hasLoneSurrogate, tryBase64ToBytes } from './bytes';
import { LedgerError } from './errors';
import { hasControlChar, isArray } from './guards';
import { assertHash } from './hash';
import type { NoteSigner, NoteVerifier } from './keys';
import { openNote, signNote } from './note';
import type { OpenedNote } from './note';
import { assertSize, MAX_TREE_SIZE } from './sizes';

export interface Checkpoint {
  /** Unique identifier of the log, e.g. "example.com/log42". */
  origin: string;
  size: bigint;
  /** RFC 6962 root hash at `size` (32 bytes). */
  root: Uint8Array;
  /** Opaque extension lines; NOT RECOMMENDED by the spec. */
  extensions?: string[];
}

const malformed = (why: string): LedgerError => new LedgerError('MALFORMED_CHECKPOINT', why);

/** A checkpoint line: non-empty, valid Unicode, no newline or other control character. */
function isValidLine(line: unknown): line is string {
  return (
    typeof line === 'string' && line.length > 0 && !hasLoneSurrogate(line) && !hasControlChar(line)
  );
}

/** tlog-checkpoint "Note text": origin, decimal size, base64 root, extension lines. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, root, extensions = [] } = checkpoint;
  if (!isValidLine(origin)) throw malformed('origin: must be one non-empty line');
  assertSize(size, 'size');
  assertHash(root, 'root');
  if (!isArray(extensions) || !extensions.every(isValidLine)) {
    throw malformed('extensions: each must be one non-empty line');
  }
  return [origin, size.toString(), bytesToBase64(root), ...extensions]
    .map((l) => `${l}\n`)
    .join('');
}

/** Strict parse of a checkpoint body (the note text, ending in "\n"). */
export function parseCheckpoint(text: string): Checkpoint {
  if (typeof text !== 'string') throw malformed('checkpoint: must be a string');
  if (!text.endsWith('\n')) throw malformed('checkpoint: must end with a newline');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw malformed('checkpoint: needs origin, size and root lines');
  if (!lines.every(isValidLine)) throw malformed('checkpoint: lines must be non-empty text');
  const [origin, sizeLine, rootLine, ...extensions] = lines as [string, string, string];
  // Size: ASCII decimal, no leading zeroes unless the tree is empty.
  if (!/^(0|[1-9][0-9]{0,19})$/.test(sizeLine)) throw malformed('size: not a canonical decimal');
  const size = BigInt(sizeLine);
  if (size > MAX_TREE_SIZE) throw malformed('size: exceeds 2^64-1');
  const root = tryBase64ToBytes(rootLine);
  if (root === null || root.length !== 32) throw malformed('root: not base64 of 32 bytes');
  return { origin, size, root, extensions };
}

export function signCheckpoint(checkpoint: Checkpoint, signers: readonly NoteSigner[]): string {
  return signNote(formatCheckpoint(checkpoint), signers);
}

export interface OpenedCheckpoint {
  checkpoint: Checkpoint;
  note: OpenedNote;
}

/**
 * Verifies the note first (its text is ignored unless signed by a known key), then parses
 * the body and, when given, checks the origin line.
 */
export function openCheckpoint(
  note: string | Uint8Array,
  verifiers: readonly NoteVerifier[],
  expectedOrigin?: string,
): OpenedCheckpoint {
  const opened = openNote(note, verifiers);
  const checkpoint = parseCheckpoint(opened.text);
  if (expectedOrigin !== undefined && checkpoint.origin !== expectedOrigin) {
    throw new LedgerError('ORIGIN_MISMATCH', `origin is not ${JSON.stringify(expectedOrigin)}`, {
      details: { origin: checkpoint.origin },
    });
  }
  return { checkpoint, note: opened };
}
