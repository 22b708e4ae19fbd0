import { describe, it, expect } from 'vitest';
import { ApiError, CSRF_HEADER, createApiClient, isApiError, toApiError, unwrap } from './index';

const problem = (status: number, body: unknown, contentType = 'application/problem+json') =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': contentType },
  });

/** A client whose fetch records requests and answers with `respond`. */
function recordingClient(
  respond: (request: Request) => Response,
  csrf: string | null = 'csrf-123',
) {
  const seen: Request[] = [];
  const api = createApiClient({
    baseUrl: 'http://concord.test',
    getCsrfToken: () => csrf,
    fetch: (request) => {
      seen.push(request);
      return Promise.resolve(respond(request));
    },
  });
  return { api, seen };
}

describe('toApiError', () => {
  it('reads an RFC 9457 problem with field errors, request id and extensions', () => {
    const error = toApiError(
      {
        type: '/api/problems/account-locked',
        title: 'The account is temporarily locked',
        status: 423,
        detail: 'Too many failed logins',
        code: 'ACCOUNT_LOCKED',
        errors: [{ field: 'email', message: 'is locked' }],
        requestId: 'req-1',
        lockedUntil: '2030-01-01T00:00:00.000Z',
      },
      { status: 423, statusText: 'Locked' },
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(423);
    expect(error.code).toBe('ACCOUNT_LOCKED');
    expect(error.detail).toBe('Too many failed logins');
    expect(error.fieldErrors).toEqual([{ field: 'email', message: 'is locked' }]);
    expect(error.requestId).toBe('req-1');
    expect(error.extensions).toEqual({ lockedUntil: '2030-01-01T00:00:00.000Z' });
  });

  it('falls back to a code from the status when the body is not a problem', () => {
    const error = toApiError('<html>Bad gateway</html>', {
      status: 502,
      statusText: 'Bad Gateway',
    });
    expect(error.code).toBe('INTERNAL');
    expect(error.title).toBe('Bad Gateway');
    expect(error.fieldErrors).toEqual([]);
  });

  it('ignores malformed members instead of throwing', () => {
    const error = toApiError(
      { code: 42, errors: [{ field: 1 }, 'x', { message: 'kept' }], requestId: {} },
      { status: 400, statusText: '' },
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldErrors).toEqual([{ field: '', message: 'kept' }]);
    expect(error.requestId).toBeNull();
  });

  it('finds a field message by its field or a sub-path of it', () => {
    const error = toApiError(
      { code: 'VALIDATION_FAILED', errors: [{ field: 'roles.1', message: 'must be a role' }] },
      { status: 400, statusText: '' },
    );
    expect(error.messageFor('roles')).toBe('must be a role');
    expect(error.messageFor('email')).toBeUndefined();
  });
});

describe('unwrap', () => {
  it('returns the data of a successful call', async () => {
    const { api } = recordingClient(() =>
      Response.json({ participantKinds: [], roles: [], tokenScopes: [], countries: [] }),
    );
    await expect(unwrap(api.GET('/api/v1/meta'))).resolves.toEqual({
      participantKinds: [],
      roles: [],
      tokenScopes: [],
      countries: [],
    });
  });

  it('treats 204 No Content as success', async () => {
    const { api } = recordingClient(() => new Response(null, { status: 204 }));
    await expect(unwrap(api.POST('/api/v1/auth/logout'))).resolves.toBeUndefined();
  });

  it('throws an ApiError carrying the problem', async () => {
    const { api } = recordingClient(() =>
      problem(401, {
        type: '/api/problems/unauthenticated',
        title: 'Authentication is required',
        status: 401,
        detail: 'Sign in',
        code: 'UNAUTHENTICATED',
      }),
    );
    const error: unknown = await unwrap(api.GET('/api/v1/auth/me')).catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe('UNAUTHENTICATED');
  });

  it('throws an ApiError for an error with an empty body', async () => {
    const { api } = recordingClient(
      () => new Response(null, { status: 503, headers: { 'content-length': '0' } }),
    );
    const error: unknown = await unwrap(api.GET('/api/v1/meta')).catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(503);
  });

  it('turns a network failure into NETWORK_ERROR', async () => {
    const api = createApiClient({
      baseUrl: 'http://concord.test',
      fetch: () => Promise.reject(new TypeError('offline')),
    });
    const error: unknown = await unwrap(api.GET('/api/v1/meta')).catch((e: unknown) => e);
    expect(isApiError(error) && [error.status, error.code]).toEqual([0, 'NETWORK_ERROR']);
  });
});

describe('createApiClient', () => {
  it('sends the CSRF token on unsafe methods only', async () => {
    const { api, seen } = recordingClient(() => new Response(null, { status: 204 }));
    await api.GET('/api/v1/tokens');
    await api.POST('/api/v1/auth/logout');
    expect(seen.map((r) => [r.method, r.headers.get(CSRF_HEADER)])).toEqual([
      ['GET', null],
      ['POST', 'csrf-123'],
    ]);
  });

  it('sends no CSRF header when there is no session token', async () => {
    const { api, seen } = recordingClient(() => new Response(null, { status: 204 }), null);
    await api.POST('/api/v1/auth/logout');
    expect(seen[0]?.headers.has(CSRF_HEADER)).toBe(false);
  });

  it('keeps cookies to the same origin', async () => {
    const { api, seen } = recordingClient(() => new Response(null, { status: 204 }));
    await api.GET('/api/v1/tokens');
    expect(seen[0]?.credentials).toBe('same-origin');
  });
});
