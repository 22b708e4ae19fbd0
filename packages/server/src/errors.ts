/**
 * Domain errors carry a stable machine `code`. Services throw them; exactly one place
 * (http/problem.ts) maps them to HTTP status and RFC 9457 problem details.
 */
export interface FieldError {
  /** Dotted path of the offending field, e.g. `email` or `roles.1`. */
  field: string;
  message: string;
}

export class DomainError<C extends string = string> extends Error {
  readonly code: C;
  readonly fieldErrors: FieldError[];
  readonly extra: Record<string, unknown>;

  constructor(
    code: C,
    message: string,
    options: { fieldErrors?: FieldError[]; extra?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.fieldErrors = options.fieldErrors ?? [];
    this.extra = options.extra ?? {};
  }
}

/** Codes shared by every module. Modules add their own by extending DomainError with a union. */
export type CommonErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'SESSION_EXPIRED'
  | 'TOKEN_REVOKED'
  | 'TOKEN_EXPIRED'
  | 'INSUFFICIENT_SCOPE'
  | 'CSRF_TOKEN_INVALID'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED';

export const notFound = (what: string): DomainError<'NOT_FOUND'> =>
  new DomainError('NOT_FOUND', `${what} not found`);

export const forbidden = (message = 'You are not allowed to do this'): DomainError<'FORBIDDEN'> =>
  new DomainError('FORBIDDEN', message);

export const invalid = (field: string, message: string): DomainError<'VALIDATION_FAILED'> =>
  new DomainError('VALIDATION_FAILED', `${field}: ${message}`, {
    fieldErrors: [{ field, message }],
  });
