/**
 * The one place where errors become HTTP: RFC 9457 problem details
 * (`application/problem+json`) with a stable machine `code`.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type FieldError } from '../errors';
import { isStorageUnavailable } from '../db/errors';
import { fieldErrorsFromValidation } from './validation';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

interface ProblemType {
  status: number;
  title: string;
}

const PROBLEM_TYPES = new Map<string, ProblemType>([
  ['VALIDATION_FAILED', { status: 400, title: 'The request is not valid' }],
  ['MALFORMED_JSON', { status: 400, title: 'The request body is not valid JSON' }],
  ['BAD_REQUEST', { status: 400, title: 'The request could not be understood' }],
  ['WEAK_PASSWORD', { status: 400, title: 'The password does not meet the policy' }],
  ['UNAUTHENTICATED', { status: 401, title: 'Authentication is required' }],
  ['SESSION_EXPIRED', { status: 401, title: 'The session has expired' }],
  ['TOKEN_REVOKED', { status: 401, title: 'The API token has been revoked' }],
  ['TOKEN_EXPIRED', { status: 401, title: 'The API token has expired' }],
  ['INVALID_CREDENTIALS', { status: 401, title: 'The e-mail address or password is wrong' }],
  ['ACCOUNT_DISABLED', { status: 403, title: 'The account is disabled' }],
  ['INSUFFICIENT_SCOPE', { status: 403, title: 'The API token lacks a required scope' }],
  ['CSRF_TOKEN_INVALID', { status: 403, title: 'The CSRF token is missing or wrong' }],
  ['FORBIDDEN', { status: 403, title: 'Not allowed' }],
  ['NOT_FOUND', { status: 404, title: 'Not found' }],
  ['ROUTE_NOT_FOUND', { status: 404, title: 'No such endpoint' }],
  ['METHOD_NOT_ALLOWED', { status: 405, title: 'Method not allowed' }],
  ['NOT_ACCEPTABLE', { status: 406, title: 'Not acceptable' }],
  ['CONFLICT', { status: 409, title: 'Conflict with the current state' }],
  ['EMAIL_TAKEN', { status: 409, title: 'The e-mail address is already registered' }],
  ['NAME_TAKEN', { status: 409, title: 'The name is already taken' }],
  ['COUNTRY_TAKEN', { status: 409, title: 'The state is already a participant' }],
  ['KEY_EXISTS', { status: 409, title: 'The key is already registered' }],
  ['ALREADY_REVOKED', { status: 409, title: 'Already revoked' }],
  ['LAST_ADMIN', { status: 409, title: 'The last administrator cannot be removed' }],
  ['BODY_TOO_LARGE', { status: 413, title: 'The request body is too large' }],
  ['UNSUPPORTED_MEDIA_TYPE', { status: 415, title: 'Unsupported media type' }],
  ['ACCOUNT_LOCKED', { status: 423, title: 'The account is temporarily locked' }],
  ['RATE_LIMITED', { status: 429, title: 'Too many requests' }],
  ['INTERNAL', { status: 500, title: 'Internal server error' }],
  ['STORAGE_UNAVAILABLE', { status: 503, title: 'The database could not complete the request' }],
  ['SHUTTING_DOWN', { status: 503, title: 'The server is shutting down' }],
]);

/** Modules register the codes they add, so each maps to one status everywhere. */
export function registerProblemType(code: string, status: number, title: string): void {
  const existing = PROBLEM_TYPES.get(code);
  if (existing && (existing.status !== status || existing.title !== title)) {
    throw new Error(`Problem type ${code} is already registered differently`);
  }
  PROBLEM_TYPES.set(code, { status, title });
}

export function problemTypes(): ReadonlyMap<string, ProblemType> {
  return PROBLEM_TYPES;
}

/** RFC 9457 §3.1.1: `type` is a URI reference; ours resolve to a description of the code. */
export const problemTypeUri = (code: string): string =>
  `/api/problems/${code.toLowerCase().replace(/_/g, '-')}`;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
  requestId?: string;
  [extension: string]: unknown;
}

export function makeProblem(
  code: string,
  detail: string,
  options: {
    errors?: FieldError[];
    requestId?: string;
    extra?: Record<string, unknown>;
    status?: number;
  } = {},
): Problem {
  const type = PROBLEM_TYPES.get(code) ?? { status: options.status ?? 400, title: code };
  return {
    ...options.extra,
    type: problemTypeUri(code),
    title: type.title,
    status: options.status ?? type.status,
    detail,
    code,
    ...(options.errors && options.errors.length > 0 ? { errors: options.errors } : {}),
    ...(options.requestId ? { requestId: options.requestId } : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

/** Maps any error to a problem. Unknown errors are logged with the request id and leak nothing. */
export function problemFromError(err: unknown, request: FastifyRequest): Problem {
  const requestId = String(request.id);
  if (err instanceof DomainError) {
    return makeProblem(String(err.code), err.message, {
      errors: err.fieldErrors,
      requestId,
      extra: err.extra,
    });
  }
  const ferr = err as Partial<FastifyError> & {
    validation?: unknown[];
    validationContext?: string;
  };
  if (Array.isArray(ferr.validation)) {
    const errors = fieldErrorsFromValidation(ferr.validation, ferr.validationContext);
    const detail =
      errors.map((e) => `${e.field}: ${e.message}`).join('; ') || 'The request is not valid';
    return makeProblem('VALIDATION_FAILED', detail, { errors, requestId });
  }
  switch (ferr.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return makeProblem('BODY_TOO_LARGE', 'The request body is larger than this server accepts', {
        requestId,
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return makeProblem('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json', {
        requestId,
      });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return makeProblem('MALFORMED_JSON', 'The body is not valid JSON', { requestId });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return makeProblem('MALFORMED_JSON', 'The body is empty but the content type says JSON', {
        requestId,
      });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return makeProblem('BAD_REQUEST', 'Content-Length does not match the body', { requestId });
    default:
      break;
  }
  if (err instanceof SyntaxError && ferr.statusCode === 400) {
    return makeProblem('MALFORMED_JSON', `The body is not valid JSON: ${err.message}`, {
      requestId,
    });
  }
  if (isStorageUnavailable(err)) {
    request.log.error({ err }, 'database unavailable');
    return makeProblem(
      'STORAGE_UNAVAILABLE',
      'The database could not complete the request; nothing was changed. Try again later.',
      { requestId },
    );
  }
  if (typeof ferr.statusCode === 'number' && ferr.statusCode >= 400 && ferr.statusCode < 500) {
    // Fastify's own client errors (bad headers, bad URL encoding …): safe to describe.
    return makeProblem(
      'BAD_REQUEST',
      typeof ferr.message === 'string' ? ferr.message : 'Bad request',
      { requestId, status: ferr.statusCode },
    );
  }
  request.log.error({ err }, 'unhandled error');
  return makeProblem(
    'INTERNAL',
    `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
    { requestId },
  );
}
