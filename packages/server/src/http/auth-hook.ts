import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps';
import { DomainError } from '../errors';
import {
  AuthError,
  authenticateSession,
  authenticateToken,
  checkCsrf,
} from '../modules/auth/service';

export const SESSION_COOKIE = 'concord_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/**
 * Resolves the caller from `Authorization: Bearer` (API tokens; no CSRF needed) or the
 * session cookie (browser; mutations need the CSRF header), then checks token scope.
 */
export function makeAuthHook(deps: Deps) {
  return async function authHook(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    request.auth = null;
    const config = request.routeOptions.config;
    const isPublic = config.auth === 'public';
    const authorization = request.headers.authorization;
    const cookie = request.cookies[SESSION_COOKIE];
    if (authorization !== undefined) {
      const match = /^Bearer ([A-Za-z0-9_\-.~+/]+=*)$/.exec(authorization);
      if (!match?.[1]) {
        throw new AuthError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>"');
      }
      request.auth = await authenticateToken(deps, match[1]);
    } else if (cookie) {
      try {
        request.auth = await authenticateSession(deps, cookie);
      } catch (err) {
        clearSessionCookie(reply, deps.config.secureCookies);
        if (isPublic) return;
        throw err;
      }
      if (!SAFE_METHODS.has(request.method)) {
        try {
          checkCsrf(request.auth.csrfToken, request.headers[CSRF_HEADER] as string | undefined);
        } catch (err) {
          // A public route (login) does not need the session: ignore it rather than refuse.
          if (!isPublic) throw err;
          request.auth = null;
        }
      }
    }
    if (!request.auth) {
      if (isPublic) return;
      throw new AuthError('UNAUTHENTICATED', 'Sign in or send an API token');
    }
    const scopes = request.auth.actor.scopes;
    if (scopes !== null) {
      const needed = config.scope ?? (SAFE_METHODS.has(request.method) ? 'read' : 'write');
      if (!scopes.includes(needed)) {
        throw new DomainError('INSUFFICIENT_SCOPE', `This API token lacks the '${needed}' scope`, {
          extra: { requiredScope: needed },
        });
      }
    }
  };
}
