/**
 * Failures of the few @concord/stix functions that throw (validation never does: it returns
 * issues). Each carries a stable code; untrusted input never surfaces a raw TypeError.
 */
export const STIX_ERROR_CODES = [
  'INVALID_ARGUMENT',
  'INVALID_OBJECT',
  'INVALID_TIMESTAMP',
  'NOT_AN_SCO',
] as const;

export type StixErrorCode = (typeof STIX_ERROR_CODES)[number];

export class StixError extends Error {
  override readonly name = 'StixError';
  readonly code: StixErrorCode;
  /** JSON-pointer-like location of the offending value, when there is one. */
  readonly path?: string;

  constructor(
    code: StixErrorCode,
    message: string,
    options: { path?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.path !== undefined) this.path = options.path;
  }
}

export function isStixError(error: unknown, code?: StixErrorCode): error is StixError {
  return error instanceof StixError && (code === undefined || error.code === code);
}
