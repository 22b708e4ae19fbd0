/**
 * Every failure the ledger reports carries one of these stable codes. Functions that take
 * untrusted input throw only LedgerError, never a raw TypeError/RangeError/SyntaxError.
 */
export const LEDGER_ERROR_CODES = [
  'INVALID_ARGUMENT',
  'INVALID_HASH_FUNCTION',
  'MALFORMED_ENCODING',
  'INVALID_SIZE',
  'INVALID_HASH_LENGTH',
  'INDEX_OUT_OF_RANGE',
  'SIZE_ORDER',
  'EMPTY_TREE',
  'PROOF_WRONG_LENGTH',
  'ROOT_MISMATCH',
  'READ_FAILED',
  'MALFORMED_NOTE',
  'TOO_MANY_SIGNATURES',
  'MALFORMED_KEY',
  'AMBIGUOUS_KEY',
  'UNKNOWN_KEY',
  'BAD_SIGNATURE',
  'NO_VERIFIED_SIGNATURE',
  'MALFORMED_CHECKPOINT',
  'ORIGIN_MISMATCH',
  'MALFORMED_TILE_PATH',
  'MALFORMED_TILE',
  'MALFORMED_ENTRY_BUNDLE',
  'ENTRY_TOO_LARGE',
  'TILE_MISMATCH',
  'ENTRY_MISMATCH',
  'MALFORMED_ENVELOPE',
  'INVALID_PAYLOAD',
  'INVALID_PAYLOAD_TYPE',
  'MALFORMED_COMMITMENT',
  'COMMITMENT_MISMATCH',
] as const;

export type LedgerErrorCode = (typeof LEDGER_ERROR_CODES)[number];

export interface LedgerErrorOptions {
  cause?: unknown;
  /** Machine-readable context, e.g. `{ level, index }` of the tile that failed. */
  details?: Readonly<Record<string, unknown>>;
}

export class LedgerError extends Error {
  override readonly name = 'LedgerError';
  readonly code: LedgerErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: LedgerErrorCode, message: string, options: LedgerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
}

export function isLedgerError(error: unknown, code?: LedgerErrorCode): error is LedgerError {
  return error instanceof LedgerError && (code === undefined || error.code === code);
}
