/** Formatting helpers and plain-language explanations of ledger errors. */
import { base64ToBytes, bytesToHex, isLedgerError } from '@concord/ledger';

export const KEY_EVENT_TYPE = 'application/vnd.concord.key-event+json';

export const utf8 = new TextDecoder('utf-8', { fatal: true });

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const plural = (n: number | bigint, one: string, many: string): string =>
  `${n.toLocaleString('en')} ${n === 1 || n === 1n ? one : many}`;

/** Bytes from the server's base64, or null when it is not valid base64. */
export function tryBase64(text: string): Uint8Array | null {
  try {
    return base64ToBytes(text);
  } catch {
    return null;
  }
}

/** A base64 hash (a root, a leaf hash) as lowercase hex, the usual way to read one out. */
export function base64ToHex(text: string): string {
  const bytes = tryBase64(text);
  return bytes ? bytesToHex(bytes) : text;
}

/** The first characters of a long hex string, enough to tell two apart at a glance. */
export function shortHex(hex: string, length = 12): string {
  return hex.length > length + 1 ? `${hex.slice(0, length)}…` : hex;
}

/** An entry index from the address bar (`/entries/12`, `?before=12`), or undefined. */
export function parseIndex(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^(0|[1-9][0-9]{0,14})$/.test(value)) {
    return undefined;
  }
  return Number(value);
}

/** A ledger error (or any other) in a few plain words, to follow "because". */
export function explainLedgerError(error: unknown): string {
  if (isLedgerError(error)) {
    switch (error.code) {
      case 'ROOT_MISMATCH':
        return 'the hashes do not lead to the expected root';
      case 'PROOF_WRONG_LENGTH':
        return 'the proof has the wrong number of hashes for this tree';
      case 'INDEX_OUT_OF_RANGE':
        return 'the entry lies outside the tree the proof is for';
      case 'INVALID_HASH_LENGTH':
        return 'a hash is not 32 bytes long';
      case 'BAD_SIGNATURE':
        return 'the signature does not match the signed text';
      case 'NO_VERIFIED_SIGNATURE':
        return 'it carries no signature by the node’s key';
      case 'UNKNOWN_KEY':
        return 'it is not signed by a key this browser knows';
      case 'ORIGIN_MISMATCH':
        return 'it names a different log';
      case 'MALFORMED_KEY':
        return 'the verifier key is malformed';
      case 'MALFORMED_NOTE':
      case 'MALFORMED_CHECKPOINT':
        return 'the checkpoint is malformed';
      case 'MALFORMED_ENVELOPE':
        return 'the signed envelope is malformed';
      case 'SIZE_ORDER':
        return 'the log is smaller than it was';
      default:
        return error.message;
    }
  }
  return error instanceof Error ? error.message : 'of an unexpected error';
}

// ---------------------------------------------------------------------------------------------
// Signed checkpoints
// ---------------------------------------------------------------------------------------------
