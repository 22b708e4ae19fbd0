/** Checkpoint signatures and witness lines, checked in the browser. */
import { bytesEqual, openCheckpoint, parseVerifierKey } from '@concord/ledger';
import { explainLedgerError, tryBase64 } from './format';

export interface VerifiedCheckpoint {
  origin: string;
  size: bigint;
  root: Uint8Array;
  /** The node key that signed it, as `name+keyid`. */
  signedBy: string;
}

export type CheckpointCheck =
  { ok: true; checkpoint: VerifiedCheckpoint } | { ok: false; reason: string };

/**
 * Opens a signed checkpoint note with the node's verifier key: the Ed25519 signature must
 * verify and the origin line must name the log. Witness cosignatures are other keys'
 * signatures; they are ignored here, as the signed-note spec says.
 */
export function checkCheckpoint(
  note: string,
  verifierKey: string,
  origin: string,
): CheckpointCheck {
  try {
    const verifier = parseVerifierKey(verifierKey);
    const { checkpoint } = openCheckpoint(note, [verifier], origin);
    return {
      ok: true,
      checkpoint: {
        origin: checkpoint.origin,
        size: checkpoint.size,
        root: checkpoint.root,
        signedBy: `${verifier.name}+${verifier.keyId.toString(16).padStart(8, '0')}`,
      },
    };
  } catch (error) {
    return { ok: false, reason: explainLedgerError(error) };
  }
}

/**
 * The log head as the node states it (size, root) must be what its signed checkpoint says;
 * otherwise the page would show numbers nobody signed.
 */
export function checkHead(head: {
  origin: string;
  verifierKey: string;
  size: number;
  root: string;
  checkpoint: string;
}): CheckpointCheck {
  const result = checkCheckpoint(head.checkpoint, head.verifierKey, head.origin);
  if (!result.ok) return result;
  const root = tryBase64(head.root);
  if (
    result.checkpoint.size !== BigInt(head.size) ||
    !root ||
    !bytesEqual(root, result.checkpoint.root)
  ) {
    return { ok: false, reason: 'the signed checkpoint is for another tree than the one stated' };
  }
  return result;
}

export interface SignatureLine {
  /** The key name: the log's origin for the node, a witness's name for a cosignature. */
  name: string;
  /** The rest of the line: base64 of the key ID and the signature. */
  signature: string;
}

/** A signed-note signature line, "— <name> <base64>", split for display. */
export function parseSignatureLine(line: string): SignatureLine {
  const body = line.startsWith('\u2014 ') ? line.slice(2) : line;
  const space = body.indexOf(' ');
  return space < 0
    ? { name: body, signature: '' }
    : { name: body.slice(0, space), signature: body.slice(space + 1) };
}

// ---------------------------------------------------------------------------------------------
// Log records: what each leaf holds
// ---------------------------------------------------------------------------------------------
