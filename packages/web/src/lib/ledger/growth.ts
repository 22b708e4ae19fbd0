/** Append-only checks against the checkpoint this browser saw last. */
import { verifyConsistency } from '@concord/ledger';
import { explainLedgerError, isRecord, tryBase64 } from './format';

export interface RememberedCheckpoint {
  size: number;
  /** base64 root. */
  root: string;
  /** When this browser verified it (ISO 8601). */
  seenAt: string;
}

export type GrowthCheck =
  | { status: 'first' }
  | { status: 'unchanged'; previous: RememberedCheckpoint }
  | { status: 'needs-proof'; previous: RememberedCheckpoint }
  | { status: 'shrunk'; previous: RememberedCheckpoint }
  | { status: 'forked'; previous: RememberedCheckpoint };

/** How the current verified checkpoint relates to the one remembered from an earlier visit. */
export function compareWithRemembered(
  previous: RememberedCheckpoint | null,
  current: { size: number; root: string },
): GrowthCheck {
  if (!previous || previous.size === 0) return { status: 'first' };
  if (current.size < previous.size) return { status: 'shrunk', previous };
  if (current.size === previous.size) {
    return previous.root === current.root
      ? { status: 'unchanged', previous }
      : { status: 'forked', previous };
  }
  return { status: 'needs-proof', previous };
}

/** RFC 9162 consistency: the tree at `current` extends the one remembered, nothing rewritten. */
export function checkGrowth(
  previous: { size: number; root: string },
  current: { size: number; root: string },
  hashes: readonly string[],
): { ok: true } | { ok: false; reason: string } {
  const proof = hashes.map(tryBase64);
  const oldRoot = tryBase64(previous.root);
  const newRoot = tryBase64(current.root);
  if (!oldRoot || !newRoot || proof.some((h) => h === null)) {
    return { ok: false, reason: 'the proof could not be decoded' };
  }
  try {
    verifyConsistency(
      BigInt(previous.size),
      BigInt(current.size),
      proof as Uint8Array[],
      oldRoot,
      newRoot,
    );
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: explainLedgerError(error) };
  }
}

/** Reads what localStorage holds under a key, if it has the right shape. */
export function parseRemembered(text: string | null): RememberedCheckpoint | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as unknown;
    if (
      isRecord(value) &&
      typeof value.size === 'number' &&
      Number.isSafeInteger(value.size) &&
      value.size >= 0 &&
      typeof value.root === 'string' &&
      typeof value.seenAt === 'string'
    ) {
      return { size: value.size, root: value.root, seenAt: value.seenAt };
    }
  } catch {
    // Anything unreadable counts as nothing remembered.
  }
  return null;
}
