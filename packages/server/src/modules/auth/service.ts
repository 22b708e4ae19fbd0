import type { Deps } from '../../deps';
import type { Db } from '../../db/client';
import type { RequestContext, UserActor } from '../../auth/actor';
import { isPlatformAdmin } from '../../auth/actor';
import type { ParticipantKind, Role, TokenScope } from '../../auth/roles';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../auth/passwords';
import { newSessionSecret, safeEqual, sha256Hex } from '../../auth/secrets';
import { randomToken } from '../../platform/random';
import { DomainError } from '../../errors';
import { recordAudit } from '../audit/service';
import {
  findUserByEmail,
  findTokenWithUser,
  findUserById,
  updateUser,
  type UserWithParticipant,
} from '../users/store';
import { presentUser, type UserView } from '../users/presenter';
import {
  findSession,
  hitRateLimit,
  insertSession,
  revokeSession,
  revokeUserSessions,
  touchSession,
} from './store';
import { touchToken } from '../tokens/store';

export type AuthErrorCode =
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'RATE_LIMITED'
  | 'UNAUTHENTICATED'
  | 'SESSION_EXPIRED'
  | 'TOKEN_REVOKED'
  | 'TOKEN_EXPIRED'
  | 'CSRF_TOKEN_INVALID'
  | 'WEAK_PASSWORD';

export class AuthError extends DomainError<AuthErrorCode> {}

export interface MeView extends UserView {
  isPlatformAdmin: boolean;
}

export function presentMe(user: UserWithParticipant, now: Date): MeView {
  const view = presentUser(user, now);
  const actor = actorFor(user, 'session', null, null, null);
  return { ...view, isPlatformAdmin: isPlatformAdmin(actor) };
}

function actorFor(
  user: UserWithParticipant,
  via: 'session' | 'token',
  scopes: TokenScope[] | null,
  sessionId: string | null,
  tokenId: string | null,
): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles as Role[],
    participantId: user.participantId,
    participantKind: user.participant.kind as ParticipantKind,
    via,
    scopes,
    sessionId,
    tokenId,
  };
}

/** Touch "last seen" at most this often, so reads do not each write. */
const TOUCH_INTERVAL_MS = 60_000;

export interface LoginResult {
  user: MeView;
  csrfToken: string;
  /** The cookie value; only its hash is stored. */
  sessionSecret: string;
  expiresAt: Date;
}

type Attempt<T> = { ok: true; result: T } | { ok: false; error: AuthError };

interface From {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * Password login. Failures are counted per address and per account; an account locks after
 * `loginMaxFailures` wrong passwords. The counting commits even though the login fails.
 */
export async function login(
  deps: Deps,
  input: { email: string; password: string },
  from: From,
): Promise<LoginResult> {
  const { config, clock, random } = deps;
  return attemptPassword(deps, input, from, async (tx, user, now, ctx) => {
    const { secret, id } = newSessionSecret(random);
    const csrfToken = randomToken(random, 24);
    const expiresAt = new Date(now.getTime() + config.sessionMaxHours * 3_600_000);
    await insertSession(tx, {
      id,
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: from.ip,
      userAgent: from.userAgent?.slice(0, 512) ?? null,
    });
    await updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now });
    await recordAudit(tx, clock, ctx, {
      action: 'auth.login',
      subjectType: 'user',
      subjectId: user.id,
      subjectParticipantId: user.participantId,
    });
    const fresh = { ...user, lastLoginAt: now, lockedUntil: null, failedLoginCount: 0 };
    return { user: presentMe(fresh, now), csrfToken, sessionSecret: secret, expiresAt };
  });
}

/** Verified Basic credentials, kept briefly so that a polling TAXII client is not hashed each time. */
const basicCache = new Map<string, { userId: string; until: number }>();
const BASIC_CACHE_MS = 60_000;
const BASIC_CACHE_MAX = 10_000;

/**
 * HTTP Basic authentication (RFC 7617) with an account's e-mail and password, for TAXII
 * clients; the same rate limit and lockout as the sign-in form, no session.
 */
export async function authenticateBasic(
  deps: Deps,
  input: { email: string; password: string },
  from: From,
): Promise<Authenticated> {
  const now = deps.clock.now().getTime();
  const cacheKey = sha256Hex(`${input.email.trim().toLowerCase()}\u0000${input.password}`);
  const cached = basicCache.get(cacheKey);
  if (cached && cached.until > now) {
    const user = await findUserById(deps.database.db, cached.userId);
    if (user && user.status === 'active' && user.participant.status === 'active') {
      return { actor: actorFor(user, 'token', null, null, null), user, csrfToken: null };
    }
    basicCache.delete(cacheKey);
  }
  const user = await attemptPassword(deps, input, from, async (tx, u) => {
    if (u.failedLoginCount > 0) await updateUser(tx, u.id, { failedLoginCount: 0 });
    return u;
  });
  if (basicCache.size >= BASIC_CACHE_MAX) basicCache.clear();
  basicCache.set(cacheKey, { userId: user.id, until: now + BASIC_CACHE_MS });
  return { actor: actorFor(user, 'token', null, null, null), user, csrfToken: null };
}

async function attemptPassword<T>(
  deps: Deps,
  input: { email: string; password: string },
  from: From,
  succeed: (tx: Db, user: UserWithParticipant, now: Date, ctx: RequestContext) => Promise<T>,
): Promise<T> {
  const { config, clock, database } = deps;
  const now = clock.now();
  const email = input.email.trim().toLowerCase();
  const windowMs = config.loginRateWindowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);

  const outcome = await database.transaction(async (tx): Promise<Attempt<T>> => {
    const ctx = (label: string, user?: UserWithParticipant): RequestContext => ({
      actor: user
        ? actorFor(user, 'session', null, null, null)
        : { kind: 'system', via: 'system', label },
      ip: from.ip,
      userAgent: from.userAgent,
      requestId: from.requestId,
    });
    const hits = await hitRateLimit(tx, `login:ip:${from.ip ?? 'unknown'}`, windowStart);
    if (hits > config.loginRatePerIp) {
      const retryAfter = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
      return {
        ok: false,
        error: new AuthError(
          'RATE_LIMITED',
          'Too many login attempts from this address; try again later',
          {
            extra: { retryAfter },
          },
        ),
      };
    }
    const user = await findUserByEmail(tx, email);
    if (user?.lockedUntil && user.lockedUntil > now) {
      await recordAudit(tx, clock, ctx(email, user), {
        action: 'auth.login_refused',
        subjectType: 'user',
        subjectId: user.id,
        subjectParticipantId: user.participantId,
        details: { reason: 'locked' },
      });
      return {
        ok: false,
        error: new AuthError(
          'ACCOUNT_LOCKED',
          'Too many failed logins: the account is locked for a while',
          {
            extra: { lockedUntil: user.lockedUntil.toISOString() },
          },
        ),
      };
    }
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !passwordOk) {
      if (user) {
        const failures = user.failedLoginCount + 1;
        const lock = failures >= config.loginMaxFailures;
        await updateUser(tx, user.id, {
          failedLoginCount: lock ? 0 : failures,
          lockedUntil: lock
            ? new Date(now.getTime() + config.loginLockoutMinutes * 60_000)
            : user.lockedUntil,
        });
        await recordAudit(tx, clock, ctx(email, user), {
          action: lock ? 'auth.account_locked' : 'auth.login_failed',
          subjectType: 'user',
          subjectId: user.id,
          subjectParticipantId: user.participantId,
          details: { failures },
        });
      } else {
        await recordAudit(tx, clock, ctx(email.slice(0, 254)), {
          action: 'auth.login_failed',
          subjectType: 'user',
          details: { email: email.slice(0, 254), reason: 'unknown_account' },
        });
      }
      return {
        ok: false,
        error: new AuthError('INVALID_CREDENTIALS', 'The e-mail address or password is wrong'),
      };
    }
    if (user.status !== 'active' || user.participant.status !== 'active') {
      return {
        ok: false,
        error: new AuthError(
          'ACCOUNT_DISABLED',
          'This account is disabled; ask your administrator',
        ),
      };
    }
    return { ok: true, result: await succeed(tx, user, now, ctx(email, user)) };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}

export interface Authenticated {
  actor: UserActor;
  user: UserWithParticipant;
  csrfToken: string | null;
}

/** Resolves the session cookie to an actor, or explains why not. */
export async function authenticateSession(deps: Deps, secret: string): Promise<Authenticated> {
  const { database, clock, config } = deps;
  const now = clock.now();
  const session = await findSession(database.db, sha256Hex(secret));
  if (!session || session.revokedAt)
    throw new AuthError('UNAUTHENTICATED', 'You are not signed in');
  const idleLimit = session.lastSeenAt.getTime() + config.sessionIdleMinutes * 60_000;
  if (session.expiresAt <= now || idleLimit <= now.getTime()) {
    throw new AuthError('SESSION_EXPIRED', 'Your session has expired; sign in again');
  }
  const user = await findUserById(database.db, session.userId);
  if (!user || user.status !== 'active' || user.participant.status !== 'active') {
    throw new AuthError('UNAUTHENTICATED', 'You are not signed in');
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchSession(database.db, session.id, now);
  }
  return {
    actor: actorFor(user, 'session', null, session.id, null),
    user,
    csrfToken: session.csrfToken,
  };
}

/** Resolves `Authorization: Bearer <token>`. */
export async function authenticateToken(deps: Deps, token: string): Promise<Authenticated> {
  const { database, clock } = deps;
  const now = clock.now();
  const found = await findTokenWithUser(database.db, sha256Hex(token));
  if (!found) throw new AuthError('UNAUTHENTICATED', 'The API token is not valid');
  const { token: row, user } = found;
  if (row.revokedAt) throw new AuthError('TOKEN_REVOKED', 'The API token has been revoked');
  if (row.expiresAt && row.expiresAt <= now)
    throw new AuthError('TOKEN_EXPIRED', 'The API token has expired');
  if (!user || user.status !== 'active' || user.participant.status !== 'active') {
    throw new AuthError('UNAUTHENTICATED', 'The account behind this token is disabled');
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchToken(database.db, row.id, now);
  }
  return {
    actor: actorFor(user, 'token', row.scopes as TokenScope[], null, row.id),
    user,
    csrfToken: null,
  };
}

export function checkCsrf(expected: string | null, given: string | undefined): void {
  if (expected === null) return;
  if (!given || !safeEqual(expected, given)) {
    throw new AuthError(
      'CSRF_TOKEN_INVALID',
      'Send the X-CSRF-Token header you received at sign-in',
    );
  }
}

export async function logout(deps: Deps, ctx: RequestContext): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !actor.sessionId) return;
  const sessionId = actor.sessionId;
  await deps.database.transaction(async (tx) => {
    await revokeSession(tx, sessionId, deps.clock.now());
    await recordAudit(tx, deps.clock, ctx, {
      action: 'auth.logout',
      subjectType: 'user',
      subjectId: actor.userId,
      subjectParticipantId: actor.participantId,
    });
  });
}

/** Changes the caller's password and signs out their other sessions. */
export async function changePassword(
  deps: Deps,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new AuthError('UNAUTHENTICATED', 'Sign in first');
  const user = await findUserById(deps.database.db, actor.userId);
  if (!user) throw new AuthError('UNAUTHENTICATED', 'Sign in first');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AuthError('INVALID_CREDENTIALS', 'currentPassword: is wrong', {
      fieldErrors: [{ field: 'currentPassword', message: 'is wrong' }],
    });
  }
  checkPasswordPolicy(input.newPassword, 'newPassword', { email: user.email });
  if (input.newPassword === input.currentPassword) {
    throw new AuthError('WEAK_PASSWORD', 'newPassword: must differ from the current password', {
      fieldErrors: [{ field: 'newPassword', message: 'must differ from the current password' }],
    });
  }
  const hash = await hashPassword(input.newPassword);
  await deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    await updateUser(tx, user.id, { passwordHash: hash, passwordChangedAt: now, updatedAt: now });
    const revoked = await revokeUserSessions(tx, user.id, now, actor.sessionId);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'auth.password_change',
      subjectType: 'user',
      subjectId: user.id,
      subjectParticipantId: user.participantId,
      details: { otherSessionsRevoked: revoked },
    });
  });
}
