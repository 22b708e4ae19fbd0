/**
 * The one typed client for Concord's HTTP API, shared by the web app and the CLI.
 *
 * Request and response types come from `schema.d.ts`, which `npm run openapi` generates from
 * the server's route schemas; nothing here is hand-typed against the wire format.
 */
import createClient from 'openapi-fetch';
import type { Client, Middleware } from 'openapi-fetch';
import type { paths } from './schema.d.ts';

export type { paths } from './schema.d.ts';

/** Methods that never change state, so they need no CSRF token (RFC 9110 §9.2.1). */
const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export const CSRF_HEADER = 'X-CSRF-Token';

export interface ApiClientOptions {
  /** Origin (and optional path prefix) of the server; empty means same origin as the page. */
  baseUrl?: string;
  /** Returns the session's CSRF token (from login or /auth/me); sent on every unsafe request. */
  getCsrfToken?: () => string | null | undefined;
  /** Custom fetch, e.g. for tests or a CLI that adds an `Authorization` header. */
  fetch?: (input: Request) => Promise<Response>;
  /** Extra headers for every request (the CLI uses this for `Authorization: Bearer …`). */
  headers?: Record<string, string>;
}

export type ApiClient = Client<paths>;

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl ?? '',
    credentials: 'same-origin',
    headers: { Accept: 'application/json, application/problem+json', ...options.headers },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const { getCsrfToken } = options;
  if (getCsrfToken) {
    const csrf: Middleware = {
      onRequest({ request }) {
        if (SAFE_METHODS.has(request.method)) return undefined;
        const token = getCsrfToken();
        if (token) request.headers.set(CSRF_HEADER, token);
        return request;
      },
    };
    client.use(csrf);
  }
  return client;
}

// ---------------------------------------------------------------------------------------------
// Errors: RFC 9457 problem details → ApiError
// ---------------------------------------------------------------------------------------------

/** Codes the server documents (see GET /api/problems/{slug}); newer servers may add more. */
export type KnownErrorCode =
  | 'VALIDATION_FAILED'
  | 'MALFORMED_JSON'
  | 'BAD_REQUEST'
  | 'WEAK_PASSWORD'
  | 'UNAUTHENTICATED'
  | 'SESSION_EXPIRED'
  | 'TOKEN_REVOKED'
  | 'TOKEN_EXPIRED'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_DISABLED'
  | 'INSUFFICIENT_SCOPE'
  | 'CSRF_TOKEN_INVALID'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'CONFLICT'
  | 'EMAIL_TAKEN'
  | 'NAME_TAKEN'
  | 'COUNTRY_TAKEN'
  | 'KEY_EXISTS'
  | 'ALREADY_REVOKED'
  | 'LAST_ADMIN'
  | 'BODY_TOO_LARGE'
  | 'ACCOUNT_LOCKED'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'STORAGE_UNAVAILABLE'
  | 'SHUTTING_DOWN'
  /** Client-side only: the request never got an answer. */
  | 'NETWORK_ERROR';

// `string & {}` keeps editor completion for the known codes while accepting unknown ones.
export type ApiErrorCode = KnownErrorCode | (string & {});

export interface ApiFieldError {
  /** Dotted path of the offending field, e.g. `email` or `roles.1`. */
  field: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: readonly ApiFieldError[];
  readonly requestId: string | null;
  /** Extension members of the problem (RFC 9457 §3.2), e.g. `lockedUntil` on ACCOUNT_LOCKED. */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(init: {
    status: number;
    code: ApiErrorCode;
    title: string;
    detail: string;
    fieldErrors?: readonly ApiFieldError[];
    requestId?: string | null;
    extensions?: Record<string, unknown>;
  }) {
    super(init.detail || init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId ?? null;
    this.extensions = init.extensions ?? {};
  }

  /** The first message for `field` or any of its sub-paths (`roles` matches `roles.1`). */
  messageFor(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field || e.field.startsWith(`${field}.`))
      ?.message;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const stringOr = (value: unknown, fallback: string): string =>
  typeof value === 'string' && value.length > 0 ? value : fallback;

function parseFieldErrors(value: unknown): ApiFieldError[] {
  if (!Array.isArray(value)) return [];
  const out: ApiFieldError[] = [];
  for (const item of value) {
    if (isRecord(item) && typeof item.message === 'string') {
      out.push({ field: typeof item.field === 'string' ? item.field : '', message: item.message });
    }
  }
  return out;
}

const STANDARD_MEMBERS = new Set([
  'type',
  'title',
  'status',
  'detail',
  'instance',
  'code',
  'errors',
  'requestId',
]);

function codeForStatus(status: number): ApiErrorCode {
  switch (status) {
    case 400:
    case 422:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 429:
      return 'RATE_LIMITED';
    default:
      return status >= 500 ? 'INTERNAL' : `HTTP_${status}`;
  }
}

/**
 * Turns whatever an error response carried into an ApiError. The body is untrusted: a proxy
 * may answer with HTML or plain text, so every field is checked before use (RFC 9457 §3).
 */
export function toApiError(
  body: unknown,
  response: Pick<Response, 'status' | 'statusText'>,
): ApiError {
  const status = response.status;
  const fallbackTitle = response.statusText || `HTTP ${status}`;
  if (!isRecord(body)) {
    return new ApiError({
      status,
      code: codeForStatus(status),
      title: fallbackTitle,
      detail: typeof body === 'string' && body.length < 500 ? body : '',
    });
  }
  return new ApiError({
    status: typeof body.status === 'number' ? body.status : status,
    code: stringOr(body.code, codeForStatus(status)),
    title: stringOr(body.title, fallbackTitle),
    detail: stringOr(body.detail, ''),
    fieldErrors: parseFieldErrors(body.errors),
    requestId: typeof body.requestId === 'string' ? body.requestId : null,
    extensions: Object.fromEntries(
      Object.entries(body).filter(([key]) => !STANDARD_MEMBERS.has(key)),
    ),
  });
}

/** Shape of every openapi-fetch result, success or failure. */
interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError. Network failures
 * become `NETWORK_ERROR` with status 0, so callers handle exactly one error type.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    const error = new ApiError({
      status: 0,
      code: 'NETWORK_ERROR',
      title: 'Network error',
      detail: 'The server could not be reached. Check your connection and try again.',
    });
    (error as { cause?: unknown }).cause = cause;
    throw error;
  }
  // openapi-fetch leaves both `data` and `error` undefined for empty bodies (e.g. 204 or a bare
  // 401), so success is decided by the status, not by which property is set.
  if (!result.response.ok) throw toApiError(result.error, result.response);
  return result.data as T;
}

// ---------------------------------------------------------------------------------------------
// Named types derived from the generated paths, so renames on the server surface here.
// ---------------------------------------------------------------------------------------------

type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Operation<P extends keyof paths, M extends HttpMethod> = Exclude<paths[P][M], undefined>;
type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** JSON body of the 200 or 201 response of `M P`. */
export type ResponseBody<P extends keyof paths, M extends HttpMethod> =
  Operation<P, M> extends { responses: infer R }
    ? JsonContent<R[200 & keyof R]> | JsonContent<R[201 & keyof R]>
    : never;

/** JSON request body of `M P`. */
export type RequestBody<P extends keyof paths, M extends HttpMethod> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

/** Query parameters of `M P`. */
export type QueryParams<P extends keyof paths, M extends HttpMethod> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type LoginResponse = ResponseBody<'/api/v1/auth/login', 'post'>;
export type SessionResponse = ResponseBody<'/api/v1/auth/me', 'get'>;
export type Me = SessionResponse['user'];
export type Meta = ResponseBody<'/api/v1/meta', 'get'>;
export type Country = Meta['countries'][number];

export type ParticipantPage = ResponseBody<'/api/v1/participants', 'get'>;
export type Participant = ParticipantPage['items'][number];
// Enumerations come from the records that carry them; /meta may describe them as plain strings.
export type Role = Me['roles'][number];
export type ParticipantKind = Participant['kind'];
export type ParticipantQuery = QueryParams<'/api/v1/participants', 'get'>;
export type ParticipantCreate = RequestBody<'/api/v1/participants', 'post'>;
export type ParticipantUpdate = RequestBody<'/api/v1/participants/{id}', 'patch'>;
export type ParticipantKey = ResponseBody<'/api/v1/participants/{id}/keys', 'post'>;

export type UserPage = ResponseBody<'/api/v1/users', 'get'>;
export type User = UserPage['items'][number];
export type UserQuery = QueryParams<'/api/v1/users', 'get'>;
export type UserCreate = RequestBody<'/api/v1/users', 'post'>;
export type UserUpdate = RequestBody<'/api/v1/users/{id}', 'patch'>;
export type UserStatus = User['status'];

export type Token = ResponseBody<'/api/v1/tokens', 'get'>['items'][number];
export type TokenScope = Token['scopes'][number];
export type TokenCreate = RequestBody<'/api/v1/tokens', 'post'>;
export type TokenCreated = ResponseBody<'/api/v1/tokens', 'post'>;

export type AuditPage = ResponseBody<'/api/v1/audit', 'get'>;
export type AuditEvent = AuditPage['items'][number];
export type AuditQuery = QueryParams<'/api/v1/audit', 'get'>;
