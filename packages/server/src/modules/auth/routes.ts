import { Type } from 'typebox';
import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { ctxOf } from '../../http/context';
import { NoContent, Nullable, responses } from '../../http/schemas';
import { clearSessionCookie, SESSION_COOKIE } from '../../http/auth-hook';
import { Email, Password, UserSchema } from '../users/schema';
import { changePassword, login, logout, presentMe } from './service';
import { DomainError } from '../../errors';

export const MeSchema = Type.Intersect([
  UserSchema,
  Type.Object({ isPlatformAdmin: Type.Boolean() }),
]);

export function authRoutes(app: App, deps: Deps): void {
  const tags = ['Authentication'];
  app.post('/auth/login', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: 'Sign in with e-mail and password; sets the session cookie',
      body: Type.Object({ email: Email, password: Password }, { additionalProperties: false }),
      response: responses({ 200: Type.Object({ user: MeSchema, csrfToken: Type.String() }) }),
    },
    handler: async (req, reply) => {
      try {
        const result = await login(deps, req.body, {
          ip: req.ip ?? null,
          userAgent: req.headers['user-agent'] ?? null,
          requestId: req.id,
        });
        reply.setCookie(SESSION_COOKIE, result.sessionSecret, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.config.secureCookies,
          expires: result.expiresAt,
        });
        return { user: result.user, csrfToken: result.csrfToken };
      } catch (err) {
        if (err instanceof DomainError && typeof err.extra.retryAfter === 'number') {
          void reply.header('retry-after', String(err.extra.retryAfter));
        }
        throw err;
      }
    },
  });
  app.get('/auth/me', {
    schema: {
      tags,
      summary: 'The signed-in user, and the CSRF token for cookie-authenticated changes',
      response: responses({
        200: Type.Object({ user: MeSchema, csrfToken: Nullable(Type.String()) }),
      }),
    },
    handler: (req) => {
      const auth = req.auth;
      if (!auth) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
      return { user: presentMe(auth.user, deps.clock.now()), csrfToken: auth.csrfToken };
    },
  });
  app.post('/auth/logout', {
    schema: {
      tags,
      summary: 'Sign out (ends this session)',
      response: responses({ 204: NoContent }),
    },
    handler: async (req, reply) => {
      await logout(deps, ctxOf(req));
      clearSessionCookie(reply, deps.config.secureCookies);
      return reply.code(204).send(null);
    },
  });
  app.post('/auth/password', {
    schema: {
      tags,
      summary: 'Change your password; your other sessions are signed out',
      body: Type.Object(
        { currentPassword: Password, newPassword: Password },
        { additionalProperties: false },
      ),
      response: responses({ 204: NoContent }),
    },
    handler: async (req, reply) => {
      await changePassword(deps, ctxOf(req), req.body);
      return reply.code(204).send(null);
    },
  });
}
